//! `Typed`: an envelope's error_type as an entry of a set, or verbatim.

use crate::ErrorSet;

/// An envelope's error_type seen through the set `E`: the entry it names, or the raw name when
/// `E` does not declare it (an error the API added after the set was written, or one of another
/// set). Made by [`ErrorEnvelope::typed`](crate::ErrorEnvelope::typed).
///
/// ```
/// use stytch_errors::{ErrorEnvelope, ErrorSet, Typed};
///
/// fn is_retryable<E: ErrorSet>(envelope: &ErrorEnvelope<'_>) -> bool {
///     match envelope.typed::<E>() {
///         Typed::Known(error) => error.info().status_code() >= 500,
///         // Not in our catalog: trust the status the server sent.
///         Typed::Unknown(_) => envelope.status_code() >= 500,
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Typed<'a, E> {
    /// The entry of `E` whose wire name is the envelope's error_type.
    Known(E),
    /// The envelope's error_type, verbatim: `E` has no entry of that name.
    Unknown(&'a str),
}

impl<'a, E: ErrorSet> Typed<'a, E> {
    /// The entry, if the set knows the name.
    pub fn known(self) -> Option<E> {
        match self {
            Typed::Known(error) => Some(error),
            Typed::Unknown(_) => None,
        }
    }

    /// The raw name, if the set does not know it.
    pub fn unknown(self) -> Option<&'a str> {
        match self {
            Typed::Known(_) => None,
            Typed::Unknown(error_type) => Some(error_type),
        }
    }

    /// Whether the set knows the name.
    pub fn is_known(&self) -> bool {
        matches!(self, Typed::Known(_))
    }

    /// The error_type, known or not: for a known one, the entry's wire name, which is the
    /// envelope's.
    pub fn error_type(&self) -> &'a str {
        match self {
            Typed::Known(error) => error.info().error_type(),
            Typed::Unknown(error_type) => error_type,
        }
    }
}
