//! `ErrorCatalog`: the errors a type can be, known at compile time, for documentation pages,
//! OpenAPI responses and JSON Schemas.

use crate::{ErrorInfo, ErrorSet};

/// A type whose errors are all known at compile time: every [`ErrorSet`] (so every set declared
/// with `stytch_errors!`) and every type deriving `StytchError` implements it. Docs pages
/// ([`MarkdownPage::of`](crate::docs::MarkdownPage::of)) and, with their features, OpenAPI
/// responses and JSON Schemas are made from it.
///
/// ```
/// use stytch_errors::{ConsumerError, ErrorCatalog, StytchError};
///
/// #[derive(Debug, StytchError)]
/// #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
/// enum AppError {
///     /// No widget has the id.
///     #[stytch(status = 404, message = "Widget {id} could not be found.")]
///     WidgetNotFound { id: u64 },
///     #[stytch(transparent)]
///     Stytch(ConsumerError),
/// }
///
/// let errors = AppError::errors();
/// assert_eq!(errors[0].error_type(), "widget_not_found");
/// assert_eq!(errors[0].error_message(), "Widget {id} could not be found.");
/// // The transparent variant lists the entries of its field's type.
/// assert_eq!(errors.len(), 1 + ConsumerError::errors().len());
/// ```
pub trait ErrorCatalog {
    /// The name of the type as declared, such as `"ConsumerError"`.
    const TYPE_NAME: &'static str;

    /// Every error of the type, in declaration order, as static metadata.
    ///
    /// For a set, its entries. For a derived type, one per variant (the struct itself for a
    /// struct): an entry variant lists its entry; a variant with its own attributes lists its
    /// status, error_type, URL and message as written (placeholders and all; for a variant
    /// whose message is the type's own `Display`, its title), with its doc comment as the
    /// description; a transparent variant lists the errors of its field's type, when that type
    /// lists its own (nothing otherwise). Variants under a `cfg` that does not hold are left
    /// out. Each error_type is listed once, where it first appears: an entry variant whose
    /// entry a transparent field's set lists too gives one item.
    fn errors() -> Vec<&'static ErrorInfo>;
}

impl<E: ErrorSet> ErrorCatalog for E {
    const TYPE_NAME: &'static str = <E as ErrorSet>::NAME;

    fn errors() -> Vec<&'static ErrorInfo> {
        E::ALL.iter().map(|entry| entry.info()).collect()
    }
}
