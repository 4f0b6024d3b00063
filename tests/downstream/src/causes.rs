//! What a derive that owns the message adds, and the inputs that once were refused: messages
//! given through `macro_rules!`, a field shown twice, higher-ranked where clauses, variants
//! under `cfg`, causes (`#[source]`, a field named `source`, `#[from]`), `error_details` and
//! `#[deprecated]`. Compiled under the crate's strict lints.

use std::collections::BTreeMap;
use std::fmt;

use stytch_errors::{ConsumerError, StytchError, stytch_errors};

/// A derived type declared by a `macro_rules!` macro, its message a `$message:literal` that
/// interpolates a field.
macro_rules! declare_error {
    ($name:ident, $status:literal, $message:literal) => {
        /// Declared by a macro.
        #[derive(Debug, StytchError)]
        #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
        #[stytch(status = $status, message = $message)]
        pub struct $name {
            /// The id of the widget.
            pub id: u64,
        }
    };
}

/// A derived type naming entries through `$entry:path`.
macro_rules! declare_entry_error {
    ($name:ident, $entry:path) => {
        /// Declared by a macro, its variant an entry.
        #[derive(Debug, StytchError)]
        pub enum $name {
            /// The entry.
            #[stytch(entry = $entry)]
            Entry,
        }
    };
}

/// A set whose names come through `$name:path` and `$name:ident`.
macro_rules! declare_set {
    ($set:ident, $first:path, $second:ident, $message:literal) => {
        stytch_errors! {
            /// Declared by a macro.
            #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
            pub enum $set {
                404 {
                    $first: $message,
                    $second: "The second.",
                }
            }
        }
    };
}

/// A struct whose message is a macro's literal.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
#[stytch(status = 404, message = "Widget {id} could not be found.")]
pub struct Plain {
    /// The id of the widget.
    pub id: u64,
}

declare_error!(FromMacro, 404, "Widget {id} could not be found.");
declare_entry_error!(EntryFromMacro, ConsumerError::email_not_found);
declare_set!(
    SetFromMacro,
    first_from_path,
    second_from_ident,
    "The first."
);

/// A field shown twice, through two traits.
#[derive(Debug, StytchError)]
#[stytch(
    status = 404,
    url = "https://example.com/e",
    message = "Widget {id} ({id:?}, {id:>4})"
)]
pub struct Repeated {
    /// The id of the widget.
    pub id: u64,
}

/// A higher-ranked where clause, as `derive(Debug)` takes it.
#[derive(Debug, StytchError)]
#[stytch(
    status = 400,
    url = "https://example.com/e",
    message = "Bad input: {t:?}"
)]
pub struct Hrtb<T>
where
    for<'a> &'a T: fmt::Debug,
{
    /// The input.
    pub t: T,
}

/// Two variants with one `error_type`, never compiled in together.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum Configured {
    /// Under a predicate that holds.
    #[cfg(not(any()))]
    #[stytch(status = 404, error_type = "gone", message = "Gone.")]
    Present,
    /// Under one that does not.
    #[cfg(any())]
    #[stytch(status = 404, error_type = "gone", message = "Gone too.")]
    Absent,
    /// An entry, compared with the others when compiled.
    #[stytch(entry = ConsumerError::email_not_found)]
    Email,
}

/// The causes of errors, as thiserror marks them.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum Caused {
    /// `#[from]`: a `From` impl, and the source.
    #[stytch(status = 500, message = "The store failed.")]
    Store(#[from] std::io::Error),
    /// `#[source]` on a field that is not the only one.
    #[stytch(status = 502, message = "Upstream {name} failed.")]
    Upstream {
        /// The upstream's name.
        name: String,
        /// Why.
        #[source]
        cause: fmt::Error,
    },
    /// A field named `source` is the source.
    #[stytch(status = 503, message = "Unavailable.")]
    Unavailable {
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// No cause.
    #[stytch(status = 404, message = "Missing.")]
    Missing,
    /// A transparent variant delegates `source()` too.
    #[stytch(transparent)]
    Wrapped(Repeated),
    /// A deprecated variant.
    #[deprecated = "use `Missing`"]
    #[stytch(status = 410, message = "Gone.")]
    Gone,
}

/// Validation errors, sent as `error_details`.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum Validation {
    /// Fields that failed, each with why.
    #[stytch(status = 400, message = "{count} fields are invalid.")]
    Invalid {
        /// How many.
        count: usize,
        /// Per field, what is wrong.
        #[stytch(details)]
        fields: BTreeMap<String, String>,
    },
    /// An entry, with details.
    #[stytch(entry = ConsumerError::email_not_found)]
    Email(#[stytch(details)] Vec<u32>),
    /// No details.
    #[stytch(status = 409, message = "Conflict.")]
    Conflict,
}

stytch_errors! {
    /// A set with a retired entry.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum Retiring {
        404 {
            /// Still declared for the clients that meet it.
            #[deprecated = "no longer sent"]
            retired: "Retired.",
            current: "Current.",
        }
    }
}

/// A higher-ranked bound on the field's type itself, and a generic error as the source.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum HrtbEnum<T, E>
where
    T: for<'a> PartialEq<&'a str> + fmt::Debug,
    E: std::error::Error + 'static,
{
    /// Shows the field with `Debug`.
    #[stytch(status = 400, message = "Bad {t:?} ({t:?})")]
    Bad {
        /// The input.
        t: T,
    },
    /// A generic cause.
    #[stytch(status = 500, message = "Failed.")]
    Failed(#[source] E),
}

/// A field borrowed for `'x`, its type bounded for every lifetime: the derive adds no bound that
/// differs from the user's only in its lifetime.
#[derive(Debug, StytchError)]
#[stytch(
    status = 400,
    url = "https://example.com/e",
    message = "Bad input: {t:?}"
)]
pub struct HrtbBorrowed<'x, T>
where
    for<'a> &'a T: fmt::Debug,
{
    /// The input.
    pub t: &'x T,
}
