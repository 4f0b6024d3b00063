//! `actix-web` integration: errors as responses, and the middleware that makes every error
//! response of an app an envelope with the request's id.
//!
//! Every set declared with `stytch_errors!`, every type deriving `StytchError`,
//! [`ErrorEnvelope`] and `Box<dyn StytchError + Send + Sync>` implement actix-web's
//! `ResponseError`: the error's status, `content-type: application/json` and the envelope as
//! the body. A handler returns them as its error type:
//!
//! ```ignore
//! async fn user(id: web::Path<String>) -> Result<web::Json<User>, ConsumerError> {
//!     find(&id).ok_or(ConsumerError::user_not_found).map(web::Json)
//! }
//! ```
//!
//! [`ErrorEnvelopes`] wraps the app (`wrap` puts the last middleware outermost):
//!
//! ```ignore
//! App::new()
//!     .route("/users/{id}", web::get().to(user))
//!     .wrap(actix_web::middleware::Compress::default()) // inside or outside
//!     .wrap(stytch_errors::actix_web::ErrorEnvelopes::new())
//!     .wrap(actix_web::middleware::Logger::default())  // outside: it sees the accepted id
//! ```
//!
//! It does what `axum::ErrorLayer` does for axum, the same way: it takes the request's id from
//! its `x-request-id` header (or the header named with [`ErrorEnvelopes::request_id_header`])
//! when acceptable ([`is_acceptable_request_id`]), or
//! generates one, never echoing a refused id; the request goes on with that one id as its
//! header, and [`RequestId`] extracts it; the error's `ResponseError` renders the envelope
//! once, with that id, and the response carries it as its header too; every other error
//! response (status 400 and above) that is not JSON becomes an envelope of the same status, of
//! [`HttpError`] (or of the service's own type, with [`ErrorEnvelopes::map_http_error`]):
//! extractor errors (`Json`, `Path`, `Query`), the 404 of an unknown route, the 405 of a wrong
//! method, a middleware's text answer, whose text becomes the `error_message`; with the
//! `tracing` feature, it records one event per error response.
//!
//! What it leaves alone: every response below 400, every JSON error response, and their
//! bodies, compressed or not. A text error response that an inner middleware compressed is
//! answered with the envelope of its status, uncompressed, without its text.
//!
//! Without the middleware, an error answers with a generated id, in its body and its
//! `x-request-id` header.

use std::cell::RefCell;
use std::fmt;
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::StatusCode;
use actix_web::http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue,
    RETRY_AFTER, TRANSFER_ENCODING,
};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};

mod docs;

pub use docs::DocsService;

use crate::respond::{self, Convert, MAX_TEXT, REQUEST_ID_HEADER};
use crate::{ErrorEnvelope, HttpError, StytchError, generate_request_id, is_acceptable_request_id};

thread_local! {
    /// The id of the request that the innermost [`ErrorEnvelopes`] on this thread is polling.
    static CURRENT: RefCell<Option<HeaderValue>> = const { RefCell::new(None) };
}

/// A generated request id, as a header value.
fn generated() -> HeaderValue {
    // A generated id is visible ASCII, which a header value accepts.
    HeaderValue::try_from(generate_request_id())
        .unwrap_or_else(|_| HeaderValue::from_static("request-id"))
}

/// The status of an error, for the generated `ResponseError` implementations.
pub(crate) fn status_code(status_code: u16) -> StatusCode {
    StatusCode::from_u16(status_code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of an error: what the generated `ResponseError` implementations call.
pub(crate) fn error_response<E: StytchError + ?Sized>(error: &E) -> HttpResponse {
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
/// the request's (in [`ErrorEnvelopes`]) or a generated one.
impl ResponseError for ErrorEnvelope<'_> {
    fn status_code(&self) -> StatusCode {
        status_code(ErrorEnvelope::status_code(self))
    }

    fn error_response(&self) -> HttpResponse {
        match self.request_id().map(HeaderValue::from_str) {
            Some(Ok(header)) => {
                let in_scope = CURRENT.with_borrow(Option::is_some);
                response(self, Some(header), in_scope)
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
impl ResponseError for Box<dyn StytchError + Send + Sync> {
    fn status_code(&self) -> StatusCode {
        status_code(StytchError::status_code(&**self))
    }

    fn error_response(&self) -> HttpResponse {
        error_response(&**self)
    }
}

/// The response of an envelope; `header` is the id for the `x-request-id` header, when the
/// middleware does not set it.
fn response(
    envelope: &ErrorEnvelope<'_>,
    header: Option<HeaderValue>,
    in_scope: bool,
) -> HttpResponse {
    let mut response =
        HttpResponse::with_body(status_code(envelope.status_code()), respond::body(envelope));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(header) = header {
        headers.insert(HeaderName::from_static(REQUEST_ID_HEADER), header);
    }
    #[cfg(feature = "tracing")]
    if in_scope && respond::wants_event(envelope.status_code()) {
        let logged = respond::Logged(envelope.clone().into_owned());
        response.extensions_mut().insert(logged);
    }
    let _ = in_scope;
    response.map_into_boxed_body()
}

/// The id of the request being answered, as [`ErrorEnvelopes`] accepted it: an extractor.
///
/// ```ignore
/// async fn widget(request_id: RequestId, id: web::Path<u64>) -> Result<String, AppError> {
///     log::info!("widget {id}, request {request_id}");
///     // ...
/// }
/// ```
///
/// Behind the middleware, it is the id the middleware accepted or generated, the one the
/// response carries. Without it, it is the request's `x-request-id` header when acceptable,
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

    /// The id of the request that an [`ErrorEnvelopes`] is answering on this thread right now:
    /// `Some` in a handler and in the services inside the middleware, `None` elsewhere.
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

impl FromRequest for RequestId {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestId::current().unwrap_or_else(|| {
            let header = request
                .headers()
                .get(REQUEST_ID_HEADER)
                .filter(|value| is_acceptable_request_id(value.as_bytes()));
            RequestId(header.cloned().unwrap_or_else(generated))
        })))
    }
}

/// The middleware (for `App::wrap`) that makes every error response of the services inside
/// it an envelope, rendered once, with the request's id. See the
/// [module documentation](self) for what it does and does not touch, and where to put it.
#[derive(Debug, Clone)]
pub struct ErrorEnvelopes {
    config: Rc<Config>,
}

#[derive(Debug)]
struct Config {
    header: HeaderName,
    convert: Convert,
}

impl Default for ErrorEnvelopes {
    fn default() -> Self {
        ErrorEnvelopes::new()
    }
}

impl ErrorEnvelopes {
    /// The middleware: the request id in `x-request-id`, other error responses as
    /// [`HttpError`]s.
    #[must_use]
    pub fn new() -> Self {
        ErrorEnvelopes {
            config: Rc::new(Config {
                header: HeaderName::from_static(REQUEST_ID_HEADER),
                convert: Convert::DEFAULT,
            }),
        }
    }

    /// Takes the request id from the header `name` instead of `x-request-id`, and answers with
    /// it in that header.
    #[must_use]
    pub fn request_id_header(self, name: HeaderName) -> Self {
        ErrorEnvelopes {
            config: Rc::new(Config {
                header: name,
                convert: self.config.convert.clone(),
            }),
        }
    }

    /// Answers the error responses that are not envelopes with the service's own error
    /// instead of an [`HttpError`]: `map` gets the `HttpError` of the response's status (that
    /// of its class, for a status HTTP does not define) and the message it would carry (the
    /// response's text, or the entry's message), and returns the error to answer with, whose
    /// status the response takes.
    #[must_use]
    pub fn map_http_error<E, F>(self, map: F) -> Self
    where
        F: Fn(HttpError, &str) -> E + Send + Sync + 'static,
        E: StytchError,
    {
        ErrorEnvelopes {
            config: Rc::new(Config {
                header: self.config.header.clone(),
                convert: Convert::mapped(map),
            }),
        }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ErrorEnvelopes
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = actix_web::Error;
    type Transform = ErrorEnvelopesMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorEnvelopesMiddleware {
            service,
            config: Rc::clone(&self.config),
        }))
    }
}

/// The service of [`ErrorEnvelopes`].
#[derive(Debug)]
pub struct ErrorEnvelopesMiddleware<S> {
    service: S,
    config: Rc<Config>,
}

/// The request's id: its one acceptable header value as it is; otherwise the first
/// acceptable one of several, or a generated one, which replaces the header's values.
fn accept(name: &HeaderName, headers: &mut HeaderMap) -> HeaderValue {
    let mut values = headers.get_all(name);
    if let (Some(value), None) = (values.next(), values.next())
        && is_acceptable_request_id(value.as_bytes())
    {
        return value.clone();
    }
    let id = headers
        .get_all(name)
        .find(|value| is_acceptable_request_id(value.as_bytes()))
        .cloned()
        .unwrap_or_else(generated);
    headers.insert(name.clone(), id.clone());
    id
}

impl<S, B> Service<ServiceRequest> for ErrorEnvelopesMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = actix_web::Error;
    type Future = ResponseFuture<S::Future, B>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        let mut id = Some(accept(&self.config.header, request.headers_mut()));
        let future = respond::in_scope(&CURRENT, &mut id, || self.service.call(request));
        ResponseFuture {
            state: State::Inner { future },
            id,
            config: Rc::clone(&self.config),
        }
    }
}

/// What converting a response that is not an envelope yields.
type Converting<B> = Pin<Box<dyn Future<Output = ServiceResponse<EitherBody<B, BoxBody>>>>>;

pin_project_lite::pin_project! {
    /// The response future of [`ErrorEnvelopesMiddleware`].
    pub struct ResponseFuture<F, B> {
        #[pin]
        state: State<F, B>,
        id: Option<HeaderValue>,
        config: Rc<Config>,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProj]
    enum State<F, B> {
        Inner { #[pin] future: F },
        Converting { future: Converting<B> },
    }
}

impl<F, B> Future for ResponseFuture<F, B>
where
    F: Future<Output = Result<ServiceResponse<B>, actix_web::Error>>,
    B: MessageBody + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B, BoxBody>>, actix_web::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let (future, id) = match this.state.as_mut().project() {
            StateProj::Inner { future } => (future, this.id),
            StateProj::Converting { future } => return future.as_mut().poll(cx).map(Ok),
        };
        let config = this.config;
        let polled = respond::in_scope(&CURRENT, id, || {
            future.poll(cx).map(|result| match result {
                Ok(response) => Answered::Response(response),
                // An error of a service inside, rendered here, in scope: actix-web would
                // render it further out, without the request's id.
                Err(error) => Answered::Failed(error.error_response(), error),
            })
        });
        let response = match polled {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Answered::Response(response)) => response,
            Poll::Ready(Answered::Failed(response, error)) => {
                let id = id.take().unwrap_or_else(generated);
                let response = if needs_envelope(&response) {
                    let (head, body) = response.into_parts();
                    let text = body.try_into_bytes().ok().filter(|_| is_plain_text(&head));
                    let text = text.and_then(|text| {
                        let more = text.len() > MAX_TEXT;
                        respond::text_message(&text[..text.len().min(MAX_TEXT + 1)], more)
                    });
                    envelope_response(head, text, id, config)
                } else {
                    finish(response, &config.header, id)
                };
                let error = actix_web::error::InternalError::from_response(error, response);
                return Poll::Ready(Err(error.into()));
            }
        };
        let id = id.take().unwrap_or_else(generated);
        if needs_envelope(response.response()) {
            let future = Box::pin(convert(response, id, Rc::clone(config)));
            this.state.set(State::Converting { future });
            return this.state.project_converting_poll(cx);
        }
        let (request, response) = response.into_parts();
        let response = finish(response, &config.header, id);
        Poll::Ready(Ok(
            ServiceResponse::new(request, response).map_into_left_body()
        ))
    }
}

impl<F, B> State<F, B> {
    /// Polls the conversion just started.
    fn project_converting_poll(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<ServiceResponse<EitherBody<B, BoxBody>>, actix_web::Error>> {
        match self.project() {
            StateProj::Converting { future } => future.as_mut().poll(cx).map(Ok),
            StateProj::Inner { .. } => unreachable!("the conversion was just set"),
        }
    }
}

/// What the services inside answered: a response, or an error and its response.
enum Answered<B> {
    Response(ServiceResponse<B>),
    Failed(HttpResponse, actix_web::Error),
}

/// Whether a response is an error response that is not JSON.
fn needs_envelope<B>(response: &HttpResponse<B>) -> bool {
    response.status().as_u16() >= 400
        && !response
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|value| respond::is_json(value.as_bytes()))
}

/// Whether a response's body is plain text that no middleware encoded.
fn is_plain_text<B>(response: &HttpResponse<B>) -> bool {
    let headers = response.headers();
    let encoded = headers
        .get(CONTENT_ENCODING)
        .is_some_and(|value| !value.as_bytes().eq_ignore_ascii_case(b"identity"));
    !encoded
        && headers
            .get(CONTENT_TYPE)
            .is_some_and(|value| respond::is_text(value.as_bytes()))
}

/// The response on its way out: the id as its header, unless it has that header already,
/// and the event of an error response.
fn finish<B>(mut response: HttpResponse<B>, name: &HeaderName, id: HeaderValue) -> HttpResponse<B> {
    #[cfg(feature = "tracing")]
    if response.status().as_u16() >= 400 {
        let logged = response.extensions_mut().remove::<respond::Logged>();
        crate::tracing::response_event(
            response.status().as_u16(),
            logged.as_ref().map(|logged| &logged.0),
            id.to_str().unwrap_or_default(),
        );
    }
    if !response.headers().contains_key(name) {
        response.headers_mut().insert(name.clone(), id);
    }
    response
}

/// The envelope of an error response that was not one, in place of its body.
fn envelope_response(
    mut head: HttpResponse<()>,
    text: Option<String>,
    id: HeaderValue,
    config: &Config,
) -> HttpResponse<BoxBody> {
    let (envelope, retry_after) = config.convert.envelope(
        head.status().as_u16(),
        text,
        id.to_str().unwrap_or_default(),
    );
    *head.status_mut() = status_code(envelope.status_code());
    let headers = head.headers_mut();
    if let Some(delay) = retry_after {
        set_retry_after(headers, delay);
    }
    for name in [CONTENT_ENCODING, CONTENT_LENGTH, TRANSFER_ENCODING] {
        headers.remove(name);
    }
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    // The request's id, in the header too: this response is the middleware's own.
    headers.remove(&config.header);
    #[cfg(feature = "tracing")]
    if respond::wants_event(envelope.status_code()) {
        head.extensions_mut()
            .insert(respond::Logged(envelope.clone()));
    }
    let response = head.set_body(BoxBody::new(respond::body(&envelope)));
    finish(response, &config.header, id)
}

/// An error response that is not JSON, as an envelope: its text, when it is plain text that
/// no middleware encoded, becomes the message.
async fn convert<B: MessageBody + 'static>(
    response: ServiceResponse<B>,
    id: HeaderValue,
    config: Rc<Config>,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let (request, response) = response.into_parts();
    let text = is_plain_text(&response);
    let (head, body) = response.into_parts();
    let text = if text { read_text(body).await } else { None };
    let response = envelope_response(head, text, id, &config);
    ServiceResponse::new(request, response).map_into_right_body()
}

/// The text of a body, up to a little over [`MAX_TEXT`] bytes, as a message.
async fn read_text<B: MessageBody>(body: B) -> Option<String> {
    let mut body = Box::pin(body);
    let mut text = Vec::new();
    let mut more = false;
    while let Some(chunk) = std::future::poll_fn(|cx| body.as_mut().poll_next(cx)).await {
        let data = chunk.ok()?;
        text.extend_from_slice(&data[..data.len().min(MAX_TEXT + 1 - text.len())]);
        if text.len() > MAX_TEXT {
            more = true;
            break;
        }
    }
    respond::text_message(&text, more)
}
