//! An axum server that answers with the built-in errors, as a service would.
//!
//! ```sh
//! cargo run --example axum_server --features axum
//! curl -i http://127.0.0.1:3000/errors/email_not_found
//! ```
//!
//! `GET /errors/{error_type}` answers with that error of the consumer catalog (or of the B2B one,
//! for a name only it has): its status, `content-type: application/json` and its envelope. An
//! unknown name gets a 404 envelope of this server's own error type, `unknown_error_type`.
//! `GET /widgets/{id}` takes a number: anything else is axum's rejection, which the layer
//! answers as an envelope too, as it does an unknown route or a wrong method.
//!
//! The stack is a service's: tower-http's `CompressionLayer` (bodies gzipped for clients that
//! accept it) inside `stytch_errors::axum::ErrorLayer`. The request id is the request's
//! `x-request-id` header when acceptable, or a generated one; either way the response carries
//! it as its `x-request-id` header and in the envelope.
//!
//! The server listens on 127.0.0.1, on the port in `PORT` (3000 by default; 0 picks a free one),
//! and prints the address it listens on.

use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use stytch_errors::axum::ErrorLayer;
use stytch_errors::{B2bError, ConsumerError, StytchError};
use tower_http::compression::CompressionLayer;

/// The errors of this server itself.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    /// No built-in catalog has the name.
    #[stytch(status = 404, message = "No built-in error is named `{error_type}`.")]
    UnknownErrorType { error_type: String },
    /// There are no widgets.
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
}

/// Answers with the built-in error named `error_type`.
async fn error(Path(error_type): Path<String>) -> Response {
    if let Some(error) = ConsumerError::from_error_type(&error_type) {
        error.into_response()
    } else if let Some(error) = B2bError::from_error_type(&error_type) {
        error.into_response()
    } else {
        AppError::UnknownErrorType { error_type }.into_response()
    }
}

/// A widget: only its id, which must be a number.
async fn widget(Path(id): Path<u64>) -> Result<String, AppError> {
    Err(AppError::WidgetNotFound { id })
}

/// The routes, compression, and the layer that makes every error response an envelope with
/// the request's id.
fn app() -> Router {
    Router::new()
        .route("/errors/{error_type}", get(error))
        .route("/widgets/{id}", get(widget))
        .layer(CompressionLayer::new())
        .layer(ErrorLayer::new())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("PORT is not a port number: {port}"),
            )
        })?,
        Err(_) => 3000,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app()).await
}
