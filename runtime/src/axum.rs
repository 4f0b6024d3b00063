//! `axum` integration: errors as responses, and the layer that makes every error response of a
//! service an envelope with the request's id.
//!
//! Every set declared with `stytch_errors!`, every type deriving `StytchError`,
//! [`ErrorEnvelope`] and `Box<dyn StytchError + Send + Sync>` implement axum's `IntoResponse`:
//! the error's status, `content-type: application/json` and the envelope as the body. A
//! handler returns them as its error type:
//!
//! ```ignore
//! async fn user(Path(id): Path<String>) -> Result<Json<User>, ConsumerError> {
//!     find(&id).ok_or(ConsumerError::user_not_found).map(Json)
//! }
//! ```
//!
//! [`ErrorLayer`] goes around the whole router, outermost or anywhere around the routes:
//!
//! ```ignore
//! let app = Router::new()
//!     .route("/users/{id}", get(user))
//!     .layer(CompressionLayer::new())     // any middleware, inside or outside the layer
//!     .layer(stytch_errors::axum::ErrorLayer::new())
//!     .layer(TraceLayer::new_for_http()); // outside: its spans see the accepted id
//! ```
//!
//! What it does:
//! - it takes the request's id from its `x-request-id` header (or the header named with
//!   [`ErrorLayer::request_id_header`]), when the id is acceptable
//!   ([`is_acceptable_request_id`]: 1 to 128 bytes of visible
//!   ASCII); otherwise it generates one, and the refused id is never echoed. The request goes
//!   on with that one id as its header, so that middleware inside and handlers see it, and
//!   [`RequestId`] extracts it;
//! - the error's `IntoResponse` renders the envelope once, with that id, while the layer is
//!   answering the request; the response carries the id as its header too;
//! - every other error response (status 400 and above) that is not JSON becomes an envelope of
//!   the same status, of [`HttpError`] (or of the service's own type, with
//!   [`ErrorLayer::map_http_error`]): axum's rejections, the empty 404 of an unknown route, the
//!   405 of a wrong method, a middleware's text answer, whose text becomes the `error_message`
//!   (trimmed, control characters escaped, cut at 256 bytes);
//! - with the `tracing` feature, it records one event per error response
//!   ([`crate::tracing::TARGET`]).
//!
//! What it leaves alone: every response below 400, every JSON error response (envelopes, and a
//! handler's own JSON), and their bodies, compressed or not. A text error response that an
//! inner middleware compressed is answered with the envelope of its status, uncompressed,
//! without its text.
//!
//! Without the layer, an error answers with a generated id, in its body and its
//! `x-request-id` header.

use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum_core::body::Body;
use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER, TRANSFER_ENCODING,
};
use http::request::Parts;
use http::{HeaderMap, HeaderName, HeaderValue, Request};
use tower_layer::Layer;
use tower_service::Service;

mod docs;

pub use docs::DocsService;

use crate::respond::{self, Convert, MAX_TEXT, REQUEST_ID_HEADER};
use crate::{ErrorEnvelope, HttpError, StytchError, generate_request_id, is_acceptable_request_id};

thread_local! {
    /// The id of the request that the innermost [`ErrorLayer`] on this thread is polling.
    static CURRENT: RefCell<Option<HeaderValue>> = const { RefCell::new(None) };
}

/// A generated request id, as a header value.
fn generated() -> HeaderValue {
    // A generated id is visible ASCII, which a header value accepts.
    HeaderValue::try_from(generate_request_id())
        .unwrap_or_else(|_| HeaderValue::from_static("request-id"))
}

/// The response of an error: what the generated `IntoResponse` implementations call.
pub(crate) fn error_response<E: StytchError + ?Sized>(error: &E) -> Response {
    let mut response =
        CURRENT.with_borrow(|current| match current.as_ref().map(HeaderValue::to_str) {
            Some(Ok(request_id)) => response(&error.envelope(request_id), None, true),
            _ => {
                let request_id = generated();
                let envelope = error.envelope(request_id.to_str().unwrap_or_default());
                response(&envelope, Some(request_id.clone()), false)
            }
        });
    if let Some(delay) = error.retry_after() {
        set_retry_after(response.headers_mut(), delay);
    }
    response
}

/// The `Retry-After` header of an error that says when to retry.
fn set_retry_after(headers: &mut HeaderMap, delay: std::time::Duration) {
    // Digits are a valid header value.
    if let Ok(value) = HeaderValue::try_from(crate::retry::header_value(delay)) {
        headers.insert(RETRY_AFTER, value);
    }
}

/// The envelope as it is, its request id in the header too; one without a request id gets
/// the request's (in [`ErrorLayer`]) or a generated one.
impl IntoResponse for ErrorEnvelope<'_> {
    fn into_response(self) -> Response {
        match self.request_id().map(HeaderValue::from_str) {
            Some(Ok(header)) => {
                let in_layer = CURRENT.with_borrow(Option::is_some);
                response(&self, Some(header), in_layer)
            }
            Some(Err(_)) | None => {
                CURRENT.with_borrow(|current| match current.as_ref().map(HeaderValue::to_str) {
                    Some(Ok(request_id)) => {
                        response(&self.clone().with_request_id(request_id), None, true)
                    }
                    _ => {
                        let request_id = generated();
                        let id = request_id.to_str().unwrap_or_default();
                        response(
                            &self.clone().with_request_id(id),
                            Some(request_id.clone()),
                            false,
                        )
                    }
                })
            }
        }
    }
}

/// Any error, boxed: a handler that answers with errors of several types.
impl IntoResponse for Box<dyn StytchError + Send + Sync> {
    fn into_response(self) -> Response {
        error_response(&*self)
    }
}

/// The response of an envelope; `header` is the id for the `x-request-id` header, when the
/// layer does not set it.
fn response(envelope: &ErrorEnvelope<'_>, header: Option<HeaderValue>, in_layer: bool) -> Response {
    let mut response = Response::new(Body::from(respond::body(envelope)));
    *response.status_mut() = crate::http::status(envelope.status_code());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(header) = header {
        headers.insert(REQUEST_ID_HEADER, header);
    }
    #[cfg(feature = "tracing")]
    if in_layer && respond::wants_event(envelope.status_code()) {
        let logged = respond::Logged(envelope.clone().into_owned());
        response.extensions_mut().insert(logged);
    }
    let _ = in_layer;
    response
}

/// The id of the request being answered, as [`ErrorLayer`] accepted it: an extractor.
///
/// ```ignore
/// async fn widget(request_id: RequestId, Path(id): Path<u64>) -> Result<Json<Widget>, AppError> {
///     tracing::info!(request_id = request_id.as_str(), id, "widget");
///     // ...
/// }
/// ```
///
/// Behind the layer, it is the id the layer accepted or generated, the one the response
/// carries. Without the layer, it is the request's `x-request-id` header when acceptable,
/// or else a generated id.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RequestId(HeaderValue);

impl RequestId {
    /// The id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ids of visible ASCII are accepted, and generated ones are too.
        self.0.to_str().unwrap_or_default()
    }

    /// The id of the request that an [`ErrorLayer`] is answering on this thread right now:
    /// `Some` in a handler and in the services inside the layer, `None` elsewhere.
    #[must_use]
    pub fn current() -> Option<RequestId> {
        CURRENT.with_borrow(|current| current.clone().map(RequestId))
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<S: Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestId::current().unwrap_or_else(|| {
            let header = parts
                .headers
                .get(REQUEST_ID_HEADER)
                .filter(|value| is_acceptable_request_id(value.as_bytes()));
            RequestId(header.cloned().unwrap_or_else(generated))
        }))
    }
}

/// A [`tower_layer::Layer`] that makes every error response of the services inside it an
/// envelope, rendered once, with the request's id. See the [module documentation](self) for
/// what it does and does not touch, and where to put it.
#[derive(Debug, Clone)]
pub struct ErrorLayer {
    config: Config,
}

/// What the layer was told. Held by value, not shared: it is cloned once per request for the
/// response future, and again wherever axum clones the service, and with the default header
/// (or any `HeaderName::from_static`) and no mapping a clone touches no reference count.
#[derive(Debug, Clone)]
struct Config {
    header: HeaderName,
    convert: Convert,
}

impl Default for ErrorLayer {
    fn default() -> Self {
        ErrorLayer::new()
    }
}

impl ErrorLayer {
    /// The layer: the request id in `x-request-id`, other error responses as [`HttpError`]s.
    #[must_use]
    pub fn new() -> Self {
        ErrorLayer {
            config: Config {
                header: HeaderName::from_static(REQUEST_ID_HEADER),
                convert: Convert::DEFAULT,
            },
        }
    }

    /// Takes the request id from the header `name` instead of `x-request-id`, and answers with
    /// it in that header.
    #[must_use]
    pub fn request_id_header(mut self, name: HeaderName) -> Self {
        self.config.header = name;
        self
    }

    /// Answers the error responses that are not envelopes with the service's own error
    /// instead of an [`HttpError`]: `map` gets the `HttpError` of the response's status (that
    /// of its class, for a status HTTP does not define) and the message it would carry (the
    /// response's text, or the entry's message), and returns the error to answer with, whose
    /// status the response takes.
    #[must_use]
    pub fn map_http_error<E, F>(mut self, map: F) -> Self
    where
        F: Fn(HttpError, &str) -> E + Send + Sync + 'static,
        E: StytchError,
    {
        self.config.convert = Convert::mapped(map);
        self
    }
}

impl<S> Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            config: self.config.clone(),
        }
    }
}

/// The service of [`ErrorLayer`].
#[derive(Debug, Clone)]
pub struct ErrorService<S> {
    inner: S,
    config: Config,
}

/// The request's id: its one acceptable header value as it is; otherwise the first
/// acceptable one of several, or a generated one, which replaces the header's values.
fn accept(name: &HeaderName, headers: &mut HeaderMap) -> HeaderValue {
    let mut values = headers.get_all(name).iter();
    if let (Some(value), None) = (values.next(), values.next())
        && is_acceptable_request_id(value.as_bytes())
    {
        return value.clone();
    }
    let id = headers
        .get_all(name)
        .iter()
        .find(|value| is_acceptable_request_id(value.as_bytes()))
        .cloned()
        .unwrap_or_else(generated);
    headers.insert(name.clone(), id.clone());
    id
}

impl<S, B> Service<Request<B>> for ErrorService<S>
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
        let mut id = Some(accept(&self.config.header, request.headers_mut()));
        let inner = &mut self.inner;
        let future = respond::in_scope(&CURRENT, &mut id, || inner.call(request));
        ResponseFuture {
            state: State::Inner { future },
            id,
            config: self.config.clone(),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ErrorService`].
    pub struct ResponseFuture<F> {
        #[pin]
        state: State<F>,
        id: Option<HeaderValue>,
        config: Config,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProj]
    enum State<F> {
        Inner { #[pin] future: F },
        Converting { future: Pin<Box<dyn Future<Output = Response> + Send>> },
    }
}

impl<F, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            let response = match this.state.as_mut().project() {
                StateProj::Inner { future } => {
                    ready!(respond::in_scope(&CURRENT, this.id, || future.poll(cx)))?
                }
                StateProj::Converting { future } => return future.as_mut().poll(cx).map(Ok),
            };
            let id = this.id.take().unwrap_or_else(generated);
            let status = response.status().as_u16();
            if status >= 400
                && !response
                    .headers()
                    .get(CONTENT_TYPE)
                    .is_some_and(|value| respond::is_json(value.as_bytes()))
            {
                let future = Box::pin(convert(response, id, this.config.clone()));
                this.state.set(State::Converting { future });
                continue;
            }
            return Poll::Ready(Ok(finish(response, &this.config.header, id)));
        }
    }
}

/// The response on its way out: the id as its header, unless it has that header already,
/// and the event of an error response.
fn finish(mut response: Response, name: &HeaderName, id: HeaderValue) -> Response {
    #[cfg(feature = "tracing")]
    if response.status().as_u16() >= 400 {
        let logged = response.extensions_mut().remove::<respond::Logged>();
        crate::tracing::response_event(
            response.status().as_u16(),
            logged.as_ref().map(|logged| &logged.0),
            id.to_str().unwrap_or_default(),
        );
    }
    response.headers_mut().entry(name).or_insert(id);
    response
}

/// An error response that is not JSON, as an envelope: its text, when it is plain text that
/// no middleware encoded, becomes the message.
async fn convert(response: Response, id: HeaderValue, config: Config) -> Response {
    let (mut parts, body) = response.into_parts();
    let encoded = parts
        .headers
        .get(CONTENT_ENCODING)
        .is_some_and(|value| !value.as_bytes().eq_ignore_ascii_case(b"identity"));
    let text = parts
        .headers
        .get(CONTENT_TYPE)
        .is_some_and(|value| respond::is_text(value.as_bytes()));
    let text = if text && !encoded {
        read_text(body).await
    } else {
        None
    };
    let (envelope, retry_after) =
        config
            .convert
            .envelope(parts.status.as_u16(), text, id.to_str().unwrap_or_default());
    parts.status = crate::http::status(envelope.status_code());
    if let Some(delay) = retry_after {
        set_retry_after(&mut parts.headers, delay);
    }
    for name in [CONTENT_ENCODING, CONTENT_LENGTH, TRANSFER_ENCODING] {
        parts.headers.remove(name);
    }
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let body = Body::from(respond::body(&envelope));
    let mut response = Response::from_parts(parts, body);
    #[cfg(feature = "tracing")]
    if respond::wants_event(envelope.status_code()) {
        response
            .extensions_mut()
            .insert(respond::Logged(envelope.clone()));
    }
    // The request's id, in the header too: this response is the layer's own.
    response.headers_mut().remove(&config.header);
    finish(response, &config.header, id)
}

/// The text of a body, up to a little over [`MAX_TEXT`] bytes, as a message.
async fn read_text(mut body: Body) -> Option<String> {
    use http_body::Body as _;

    let mut text = Vec::new();
    let mut more = false;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.ok()?.into_data() else {
            continue;
        };
        text.extend_from_slice(&data[..data.len().min(MAX_TEXT + 1 - text.len())]);
        if text.len() > MAX_TEXT {
            more = true;
            break;
        }
    }
    respond::text_message(&text, more)
}
