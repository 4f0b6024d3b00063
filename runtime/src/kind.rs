//! `HasKind`: the fieldless kind of an error value, the type a client matches a parsed envelope
//! against.

use crate::ErrorSet;

/// An error type whose values each have a kind: a fieldless [`ErrorSet`] with one entry per
/// error the type can send. A client types a parsed envelope with the kind, since the fields of
/// the error (an id, a cause) do not travel on the wire.
///
/// A set declared with `stytch_errors!` is its own kind:
///
/// ```
/// use stytch_errors::{ConsumerError, HasKind};
///
/// fn kind_name<E: HasKind>(error: &E) -> &'static str {
///     use stytch_errors::ErrorSet as _;
///     error.kind().info().error_type()
/// }
///
/// assert_eq!(ConsumerError::email_not_found.kind(), ConsumerError::email_not_found);
/// assert_eq!(kind_name(&ConsumerError::email_not_found), "email_not_found");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no kind to list in a derived kind enum",
    label = "`{Self}` implements no `HasKind`",
    note = "a set from `stytch_errors!` and a non-generic `#[derive(StytchError)]` type have a kind; otherwise write `#[stytch(kind = false)]` on the deriving type"
)]
pub trait HasKind {
    /// The kind: `Self` for a set.
    type Kind: ErrorSet;

    /// The kind of this value.
    fn kind(&self) -> Self::Kind;
}
