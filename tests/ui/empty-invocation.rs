use stytch_errors::stytch_errors;

stytch_errors! {}

fn main() {}
