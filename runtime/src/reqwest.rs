//! reqwest responses read as errors of a Stytch-style API (feature `reqwest`).
//!
//! ```no_run
//! use stytch_errors::reqwest::ResponseExt;
//! use stytch_errors::{ApiError, ConsumerError, Typed};
//!
//! async fn delete_user(client: &reqwest::Client, url: &str) -> Result<(), ApiError> {
//!     match client.delete(url).send().await {
//!         Ok(response) => response.error_for_envelope().await.map(drop),
//!         // No answer at all: the transport's error, not the API's.
//!         Err(error) => panic!("{error}"),
//!     }
//! }
//! ```
//!
//! The crate's reqwest is built without default features: the application's own reqwest
//! dependency chooses the TLS backend and the HTTP versions.

use std::future::Future;

use crate::ApiError;

/// `error_for_envelope` on a reqwest response.
pub trait ResponseExt: Sized + sealed::Sealed {
    /// As reqwest's `error_for_status`, but keeping everything: the response itself for a
    /// status below 400, and otherwise an [`ApiError`] with the status, the body read to its
    /// end, its envelope if it is one, and the `x-request-id` and `Retry-After` headers. A body
    /// that fails halfway gives an `ApiError` with an empty body, whose
    /// [`source`](std::error::Error::source) is reqwest's error.
    fn error_for_envelope(self) -> impl Future<Output = Result<Self, ApiError>> + Send;
}

impl ResponseExt for reqwest::Response {
    async fn error_for_envelope(self) -> Result<Self, ApiError> {
        let status = self.status();
        if !status.is_client_error() && !status.is_server_error() {
            return Ok(self);
        }
        let headers: Vec<(String, Vec<u8>)> = self
            .headers()
            .iter()
            .filter(|(name, _)| *name == "x-request-id" || *name == "retry-after")
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        let error = match self.bytes().await {
            Ok(body) => ApiError::new(status.as_u16(), Vec::from(body)),
            Err(error) => ApiError::new(status.as_u16(), Vec::new()).with_source(error),
        };
        Err(headers
            .iter()
            .fold(error, |error, (name, value)| error.with_header(name, value)))
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for reqwest::Response {}
}
