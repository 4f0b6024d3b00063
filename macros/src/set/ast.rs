//! The typed view of a `stytch_errors!` input. Every node keeps its tokens, so that each
//! diagnostic can point at what the user wrote.

use proc_macro2::{Span, TokenStream};
use syn::{Attribute, Ident, LitInt, LitStr, Visibility};

use crate::attr::Attrs;

/// One `enum` of the input.
pub struct Set {
    /// Attributes passed through to the enum: docs, derives, `cfg`, `non_exhaustive`...
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// `#[stytch(url = ..., crate = ...)]`.
    pub options: Attrs,
    pub groups: Vec<Group>,
}

/// `404 { ... }`: the entries of one HTTP status.
pub struct Group {
    pub status: LitInt,
    pub entries: Vec<Entry>,
}

/// `error_type: "message" { details }`.
pub struct Entry {
    pub docs: Vec<Attribute>,
    /// `#[deprecated]`: a retired error_type, still declared for the clients that meet it.
    pub deprecated: Option<Attribute>,
    pub name: Name,
    pub message: LitStr,
    pub details: Details,
}

/// The error_type as written: an identifier, or whatever tokens stood before the `:`
/// (`email-not-found`, `"email_not_found"`), kept so that a near miss can be corrected.
pub struct Name {
    pub text: String,
    pub tokens: TokenStream,
    /// Written as a string literal rather than a bare name.
    pub quoted: bool,
    /// Where it starts.
    pub span: Span,
}

/// The `{ ... }` block of an entry. Every key is optional.
#[derive(Default)]
pub struct Details {
    pub title: Option<LitStr>,
    pub description: Option<LitStr>,
    pub causes: Option<Vec<LitStr>>,
    pub troubleshooting: Option<Vec<LitStr>>,
    pub fragment: Option<LitStr>,
    pub url: Option<LitStr>,
}
