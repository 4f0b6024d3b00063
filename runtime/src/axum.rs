//! `axum` integration: errors as responses, and the layer that gives them the request's id.
//!
//! Every set declared with `stytch_errors!`, every type deriving `StytchError`, and
//! [`ErrorEnvelope`] implement axum's `IntoResponse`: the error's status,
//! `content-type: application/json`, the envelope as the body, and an `x-request-id` header
//! with the envelope's request id. A handler returns them as its error type:
//!
//! ```ignore
//! async fn user(Path(id): Path<String>) -> Result<Json<User>, ConsumerError> {
//!     find(&id).ok_or(ConsumerError::user_not_found).map(Json)
//! }
//! ```
//!
//! `IntoResponse` sees the error, not the request, so it puts a generated id
//! ([`generate_request_id`]) in the envelope. [`RequestIdLayer`] gives
//! the envelope the request's own id instead: the `x-request-id` header of the request (which
//! tower-http's `SetRequestIdLayer` sets, if you use it), or a generated one when there is none.
//!
//! ```ignore
//! let app = Router::new()
//!     .route("/users/{id}", get(user))
//!     .layer(stytch_errors::axum::RequestIdLayer::new());
//! ```
//!
//! Error responses also carry their envelope as a response extension
//! (`response.extensions().get::<ErrorEnvelope<'static>>()`), for middleware that logs them.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderName, HeaderValue, Request};
use tower_layer::Layer;
use tower_service::Service;

use crate::respond::{REQUEST_ID_HEADER, Rendered};
use crate::{ErrorEnvelope, StytchError, generate_request_id};

/// The response of an error, with a generated request id: what the generated `IntoResponse`
/// implementations call.
pub(crate) fn error_response<E: StytchError + ?Sized>(error: &E) -> Response {
    response(Rendered::error(error))
}

/// The envelope as it is; one without a request id gets a generated one, which
/// [`RequestIdLayer`] replaces with the request's.
impl IntoResponse for ErrorEnvelope<'_> {
    fn into_response(self) -> Response {
        response(Rendered::envelope(self))
    }
}

fn response(rendered: Rendered) -> Response {
    let mut response = Response::new(Body::from(rendered.body()));
    *response.status_mut() = crate::http::status(rendered.envelope.status_code());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(value) = rendered
        .envelope
        .request_id()
        .and_then(|id| HeaderValue::from_str(id).ok())
    {
        headers.insert(REQUEST_ID_HEADER, value);
    }
    response.extensions_mut().insert(rendered.envelope.clone());
    response.extensions_mut().insert(rendered);
    response
}

/// A [`tower_layer::Layer`] that gives every request an id and the error envelopes of its
/// response that id.
///
/// On the way in, the id is the request's `x-request-id` header when it has a valid one;
/// otherwise a generated one ([`generate_request_id`]), which is
/// set as the request's header so that handlers and logs see it too. On the way out, an error
/// envelope rendered by this crate gets that id in its body, and the response gets it as its
/// `x-request-id` header (unless a handler set that header itself). An [`ErrorEnvelope`] that
/// a handler returned with a request id of its own keeps it.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestIdLayer {
    _private: (),
}

impl RequestIdLayer {
    /// The layer.
    #[must_use]
    pub fn new() -> Self {
        RequestIdLayer::default()
    }
}

impl<S> Layer<S> for RequestIdLayer {
    type Service = RequestId<S>;

    fn layer(&self, inner: S) -> RequestId<S> {
        RequestId { inner }
    }
}

/// The service of [`RequestIdLayer`].
#[derive(Debug, Clone)]
pub struct RequestId<S> {
    inner: S,
}

impl<S, B> Service<Request<B>> for RequestId<S>
where
    S: Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let name = HeaderName::from_static(REQUEST_ID_HEADER);
        let request_id = match request.headers().get(&name) {
            Some(value) if !value.is_empty() && value.to_str().is_ok() => value.clone(),
            _ => {
                let generated = HeaderValue::try_from(generate_request_id())
                    .unwrap_or_else(|_| HeaderValue::from_static("request-id"));
                request.headers_mut().insert(name, generated.clone());
                generated
            }
        };
        ResponseFuture {
            inner: self.inner.call(request),
            request_id,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`RequestId`].
    pub struct ResponseFuture<F> {
        #[pin]
        inner: F,
        request_id: HeaderValue,
    }
}

impl<F, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = ready!(this.inner.poll(cx))?;
        Poll::Ready(Ok(with_request_id(response, this.request_id)))
    }
}

fn with_request_id(mut response: Response, request_id: &HeaderValue) -> Response {
    let mut adopted = false;
    if let (Some(rendered), Ok(id)) = (
        response.extensions_mut().get_mut::<Rendered>(),
        request_id.to_str(),
    ) && rendered.adopt_request_id(id)
    {
        adopted = true;
        let body = rendered.body();
        let envelope = rendered.envelope.clone();
        response.extensions_mut().insert(envelope);
        response.headers_mut().remove(CONTENT_LENGTH);
        *response.body_mut() = Body::from(body);
    }
    let headers = response.headers_mut();
    if adopted || !headers.contains_key(REQUEST_ID_HEADER) {
        headers.insert(REQUEST_ID_HEADER, request_id.clone());
    }
    response
}
