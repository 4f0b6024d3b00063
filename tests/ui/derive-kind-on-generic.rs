use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(kind = WrapperKind)]
enum Wrapper<E: StytchError> {
    #[stytch(transparent)]
    Inner(E),
}

fn main() {}
