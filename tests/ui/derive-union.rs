use stytch_errors::StytchError;

#[derive(StytchError)]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
