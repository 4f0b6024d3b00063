//! Runtime of [stytch-errors](https://docs.rs/stytch-errors): the traits that generated error sets
//! implement, their static metadata, and the JSON envelope they travel in.
//!
//! Use this crate through `stytch-errors`, which re-exports everything here together with the
//! `stytch_errors!` macro and the built-in Stytch catalogs.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod envelope;
mod error;
mod info;
mod set;
mod suggest;

#[doc(hidden)]
pub mod __private;

pub use envelope::{ErrorEnvelope, ParseError, ParseErrorKind, Shape, Typed};
pub use error::StytchError;
pub use info::ErrorInfo;
pub use set::{ErrorSet, UnknownErrorType};
