//! `ErrorSet`: what every enum declared with `stytch_errors!` is, and the error of looking up a
//! name it does not have.

use std::fmt;
use std::hash::Hash;

use crate::text::Escaped;
use crate::{ErrorInfo, StytchError, suggest};

/// A closed set of errors: an enum declared with `stytch_errors!`, or the kind enum that
/// `#[derive(StytchError)]` generates beside a type. Each entry carries static [`ErrorInfo`],
/// and each error_type is one entry. Implemented by the macros only.
///
/// Generic code uses it to enumerate a set, to look names up, and to read metadata:
///
/// ```
/// use stytch_errors::ErrorSet;
///
/// fn statuses<E: ErrorSet>() -> Vec<u16> {
///     E::ALL.iter().map(|entry| entry.info().status_code()).collect()
/// }
/// ```
pub trait ErrorSet:
    StytchError + Copy + Eq + Ord + Hash + fmt::Debug + Send + Sync + 'static
{
    /// The name of the enum as declared, such as `"ConsumerError"`.
    const NAME: &'static str;

    /// Every entry, in declaration order.
    const ALL: &'static [Self];

    /// The metadata of every entry, in the order of [`ALL`](Self::ALL), for the code the macros
    /// generate to read at compile time. Written by the macros; not part of the public API.
    #[doc(hidden)]
    const __INFOS: &'static [&'static ErrorInfo];

    /// The static metadata of this entry.
    fn info(self) -> &'static ErrorInfo;

    /// The entry whose wire name is `error_type`, if the set has one. Exact and case-sensitive.
    fn from_error_type(error_type: &str) -> Option<Self>;

    /// Entries whose wire names look like `error_type`, closest first: a typo (`emial_not_found`),
    /// another casing (`EmailNotFound`, `email-not-found`), or a part of the name (`email`).
    /// Empty when nothing is close.
    fn similar(error_type: &str) -> Vec<Self> {
        suggest::rank(error_type, Self::ALL, |entry| entry.info().error_type())
    }
}

/// The error of parsing a name that a set does not declare, for instance with
/// [`str::parse`]. Carries the name verbatim, and finds the closest name the set does declare
/// when asked ([`suggestion`](Self::suggestion), and `Display`), at a cost bounded by the set's
/// names whatever the length of the name looked up.
///
/// Its `Display` quotes the name cut short and escaped, as all text from outside.
#[derive(Clone)]
pub struct UnknownErrorType {
    error_type: String,
    set_name: &'static str,
    /// The set's suggestion for a name: `E::similar`'s first.
    suggest: fn(&str) -> Option<&'static str>,
}

fn first_similar<E: ErrorSet>(error_type: &str) -> Option<&'static str> {
    E::similar(error_type)
        .first()
        .map(|entry| entry.info().error_type())
}

impl UnknownErrorType {
    /// The error for `error_type`, which `E` does not declare.
    pub fn new<E: ErrorSet>(error_type: &str) -> Self {
        UnknownErrorType {
            error_type: error_type.to_owned(),
            set_name: E::NAME,
            suggest: first_similar::<E>,
        }
    }

    /// The name that was looked up, verbatim.
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The name of the set it was looked up in.
    pub fn set_name(&self) -> &'static str {
        self.set_name
    }

    /// The closest name the set declares, if one is close. Computed on each call.
    pub fn suggestion(&self) -> Option<&'static str> {
        (self.suggest)(&self.error_type)
    }
}

/// Two errors are equal when they are about the same name in the same set (the suggestion
/// follows from those two).
impl PartialEq for UnknownErrorType {
    fn eq(&self, other: &UnknownErrorType) -> bool {
        self.error_type == other.error_type && self.set_name == other.set_name
    }
}

impl Eq for UnknownErrorType {}

impl fmt::Debug for UnknownErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownErrorType")
            .field("error_type", &self.error_type)
            .field("set_name", &self.set_name)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for UnknownErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown error_type `{}` for {}",
            Escaped::new(&self.error_type),
            self.set_name
        )?;
        if let Some(suggestion) = self.suggestion() {
            write!(f, "; did you mean `{suggestion}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownErrorType {}
