//! Runtime of [stytch-errors](https://docs.rs/stytch-errors): the traits that generated error sets
//! implement, their static metadata, the JSON envelope they travel in, documentation pages, and
//! the optional integrations with web frameworks, OpenAPI and tracing.
//!
//! Use this crate through `stytch-errors`, which re-exports everything here together with the
//! `stytch_errors!` macro and the built-in Stytch catalogs, and forwards its features.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod api_error;
mod catalog;
pub mod docs;
mod envelope;
mod error;
mod http_error;
mod info;
mod kind;
mod request_id;
mod retry;
mod set;
mod suggest;
mod text;

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod respond;
#[cfg(any(feature = "utoipa", feature = "schemars"))]
mod schema_text;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub mod schemars;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub mod tracing;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod utoipa;

#[doc(hidden)]
pub mod __private;

pub use api_error::{ApiError, RetryAfter};
pub use catalog::ErrorCatalog;
pub use envelope::{ErrorEnvelope, ParseError, ParseErrorKind, Shape, Typed};
pub use error::StytchError;
pub use http_error::HttpError;
pub use info::ErrorInfo;
pub use kind::HasKind;
pub use request_id::{MAX_REQUEST_ID_LEN, generate_request_id, is_acceptable_request_id};
pub use retry::WithRetryAfter;
pub use set::{ErrorSet, UnknownErrorType};
