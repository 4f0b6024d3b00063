//! `actix-web` integration: errors as responses, and the middleware that gives them the
//! request's id.
//!
//! Every set declared with `stytch_errors!`, every type deriving `StytchError`, and
//! [`ErrorEnvelope`] implement actix-web's `ResponseError`: the error's status,
//! `content-type: application/json`, the envelope as the body, and an `x-request-id` header
//! with the envelope's request id. A handler returns them as its error type:
//!
//! ```ignore
//! async fn user(id: web::Path<String>) -> Result<web::Json<User>, ConsumerError> {
//!     find(&id).ok_or(ConsumerError::user_not_found).map(web::Json)
//! }
//! ```
//!
//! `ResponseError` sees the error, not the request, so it puts a generated id
//! ([`generate_request_id`]) in the envelope. The [`request_id`]
//! middleware gives the envelope the request's own id instead: its `x-request-id` header, or a
//! generated one when there is none.
//!
//! ```ignore
//! App::new()
//!     .wrap(actix_web::middleware::from_fn(stytch_errors::actix_web::request_id))
//!     .route("/users/{id}", web::get().to(user))
//! ```

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};

use crate::respond::{REQUEST_ID_HEADER, Rendered};
use crate::{ErrorEnvelope, StytchError, generate_request_id};

/// The status of an error, for the generated `ResponseError` implementations.
pub(crate) fn status_code(status_code: u16) -> StatusCode {
    StatusCode::from_u16(status_code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of an error, with a generated request id: what the generated `ResponseError`
/// implementations call.
pub(crate) fn error_response<E: StytchError + ?Sized>(error: &E) -> HttpResponse {
    response(Rendered::error(error))
}

/// The envelope as it is; one without a request id gets a generated one, which the
/// [`request_id`] middleware replaces with the request's.
impl ResponseError for ErrorEnvelope<'_> {
    fn status_code(&self) -> StatusCode {
        status_code(ErrorEnvelope::status_code(self))
    }

    fn error_response(&self) -> HttpResponse {
        response(Rendered::envelope(self.clone()))
    }
}

fn response(rendered: Rendered) -> HttpResponse {
    let mut builder = HttpResponse::build(status_code(rendered.envelope.status_code()));
    builder.insert_header((CONTENT_TYPE, HeaderValue::from_static("application/json")));
    if let Some(value) = rendered
        .envelope
        .request_id()
        .and_then(|id| HeaderValue::from_str(id).ok())
    {
        builder.insert_header((HeaderName::from_static(REQUEST_ID_HEADER), value));
    }
    let mut response = builder.body(rendered.body());
    response.extensions_mut().insert(rendered);
    response
}

/// A middleware, for `actix_web::middleware::from_fn`, that gives every request an id and the
/// error envelopes of its response that id.
///
/// On the way in, the id is the request's `x-request-id` header when it has a valid one;
/// otherwise a generated one ([`generate_request_id`]), which is set
/// as the request's header so that handlers and logs see it too. On the way out, an error
/// envelope rendered by this crate gets that id in its body, and the response gets it as its
/// `x-request-id` header (unless a handler set that header itself). An [`ErrorEnvelope`] that a
/// handler returned with a request id of its own keeps it.
///
/// # Errors
///
/// Those of the services it wraps, passed on as they are.
pub async fn request_id<B: MessageBody + 'static>(
    mut request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, actix_web::Error> {
    let name = HeaderName::from_static(REQUEST_ID_HEADER);
    let request_id = match request.headers().get(&name) {
        Some(value) if !value.is_empty() && value.to_str().is_ok() => value.clone(),
        _ => {
            let generated = HeaderValue::try_from(generate_request_id())
                .unwrap_or_else(|_| HeaderValue::from_static("request-id"));
            request
                .headers_mut()
                .insert(name.clone(), generated.clone());
            generated
        }
    };
    let mut response = next.call(request).await?;
    let body = request_id.to_str().ok().and_then(|id| {
        let mut extensions = response.response_mut().extensions_mut();
        let rendered = extensions.get_mut::<Rendered>()?;
        rendered.adopt_request_id(id).then(|| rendered.body())
    });
    let adopted = body.is_some();
    if adopted || !response.headers().contains_key(&name) {
        response.headers_mut().insert(name, request_id);
    }
    Ok(match body {
        Some(body) => response.map_body(|_, _| EitherBody::right(BoxBody::new(body))),
        None => response.map_into_left_body(),
    })
}

#[cfg(test)]
mod tests {
    use actix_web::http::StatusCode;
    use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
    use actix_web::{App, test, web};

    use crate::ErrorEnvelope;

    async fn missing() -> Result<&'static str, ErrorEnvelope<'static>> {
        Err(ErrorEnvelope::new(
            404,
            "widget_not_found",
            "Widget could not be found.",
        ))
    }

    async fn forwarded() -> Result<&'static str, ErrorEnvelope<'static>> {
        Err(ErrorEnvelope::new(409, "widget_locked", "Locked.").with_request_id("upstream-1"))
    }

    fn json(body: &[u8]) -> serde_json::Value {
        serde_json::from_slice(body).unwrap()
    }

    #[test]
    fn answers_with_the_envelope_and_the_request_id() {
        actix_web::rt::System::new().block_on(async {
            let app = test::init_service(
                App::new()
                    .wrap(actix_web::middleware::from_fn(super::request_id))
                    .route("/missing", web::get().to(missing))
                    .route("/forwarded", web::get().to(forwarded))
                    .route("/ok", web::get().to(|| async { "ok" })),
            )
            .await;

            let request = test::TestRequest::get()
                .uri("/missing")
                .insert_header(("x-request-id", "request-id-from-client"))
                .to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
            assert_eq!(
                response.headers().get(CONTENT_TYPE),
                Some(&HeaderValue::from_static("application/json"))
            );
            assert_eq!(
                response.headers().get("x-request-id").unwrap(),
                "request-id-from-client"
            );
            let body = json(&test::read_body(response).await);
            assert_eq!(body["request_id"], "request-id-from-client");
            assert_eq!(body["error_type"], "widget_not_found");
            assert_eq!(body["status_code"], 404);

            // Without the header: a generated id, the same in the header and in the body.
            let response =
                test::call_service(&app, test::TestRequest::get().uri("/missing").to_request())
                    .await;
            let header = response.headers().get("x-request-id").unwrap().clone();
            let body = json(&test::read_body(response).await);
            assert!(header.to_str().unwrap().starts_with("request-id-"));
            assert_eq!(body["request_id"], header.to_str().unwrap());

            // An envelope with its own id keeps it in the body.
            let request = test::TestRequest::get()
                .uri("/forwarded")
                .insert_header(("x-request-id", "request-id-from-client"))
                .to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status(), StatusCode::CONFLICT);
            assert_eq!(
                json(&test::read_body(response).await)["request_id"],
                "upstream-1"
            );

            // Other responses get the header, and keep their body.
            let request = test::TestRequest::get()
                .uri("/ok")
                .insert_header(("x-request-id", "request-id-2"))
                .to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(
                response.headers().get("x-request-id").unwrap(),
                "request-id-2"
            );
            assert_eq!(test::read_body(response).await, "ok");
        });
    }
}
