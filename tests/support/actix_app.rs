//! The actix-web application of the stack tests, and how they ask it: a client's view of the
//! answer, gzip bodies decoded.

#![allow(dead_code)]

use std::io::Read;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::middleware::{Compress, Next, from_fn};
use actix_web::{App, HttpResponse, test, web};
use serde_json::Value;
use stytch_errors::actix_web::{ErrorEnvelopes, RequestId};
use stytch_errors::{ConsumerError, StytchError};

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
    #[stytch(status = 400, message = "The request was malformed: {reason}")]
    Malformed { reason: String },
}

#[derive(serde::Deserialize)]
struct Widget {
    #[allow(dead_code)]
    name: String,
}

#[derive(serde::Deserialize)]
struct Page {
    #[allow(dead_code)]
    limit: u32,
}

pub async fn widget(id: web::Path<u64>) -> Result<&'static str, AppError> {
    Err(AppError::WidgetNotFound { id: *id })
}

async fn create(_: web::Json<Widget>) -> &'static str {
    "created"
}

async fn list(_: web::Query<Page>) -> &'static str {
    "widgets"
}

pub async fn echo_id(request_id: RequestId) -> String {
    request_id.as_str().to_owned()
}

async fn boxed() -> Result<&'static str, Box<dyn StytchError + Send + Sync>> {
    Err(Box::new(ConsumerError::user_not_found))
}

async fn own_json() -> HttpResponse {
    HttpResponse::UnprocessableEntity()
        .content_type("application/json")
        .body(r#"{"mine":true}"#)
}

async fn maintenance(
    request: ServiceRequest,
    _: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    let response = HttpResponse::ServiceUnavailable()
        .insert_header((header::RETRY_AFTER, "120"))
        .content_type("text/plain; charset=utf-8")
        .body("Down for maintenance until 10:00 UTC; the widget store is being upgraded.\n");
    Ok(request.into_response(response))
}

async fn refuse(
    _: ServiceRequest,
    _: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    Err(actix_web::error::ErrorUnauthorized("Missing credentials."))
}

async fn refuse_typed(
    _: ServiceRequest,
    _: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    Err(AppError::WidgetNotFound { id: 11 }.into())
}

/// The routes, wrapped as `wrap` wraps: `compress` `Inside` or `Outside` the middleware.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Compression {
    None,
    Inside,
    Outside,
}

/// What a client sees: status, headers and the body, gunzipped when it came compressed.
pub struct Answer {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: Vec<u8>,
    pub compressed: bool,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    pub fn envelope(&self) -> (Value, String) {
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        let id = self
            .header("x-request-id")
            .expect("x-request-id")
            .to_owned();
        assert_eq!(body["request_id"], id.as_str(), "{body}");
        assert_eq!(
            body["status_code"].as_u64(),
            Some(u64::from(self.status.as_u16()))
        );
        (body, id)
    }
}

/// Builds the app around `middleware`, sends `request` and reads the answer.
pub async fn send(
    compression: Compression,
    middleware: ErrorEnvelopes,
    request: test::TestRequest,
) -> Answer {
    macro_rules! routes {
        () => {
            App::new()
                .route("/widgets/{id}", web::get().to(widget))
                .service(
                    web::resource("/widgets")
                        .route(web::post().to(create))
                        .route(web::get().to(list)),
                )
                .route("/id", web::get().to(echo_id))
                .route("/boxed", web::get().to(boxed))
                .route("/own-json", web::get().to(own_json))
                .route(
                    "/malformed",
                    web::get().to(|| async {
                        Err::<&str, _>(AppError::Malformed {
                            reason: "line\nbreak".to_owned(),
                        })
                    }),
                )
                .service(
                    web::resource("/refused")
                        .wrap(from_fn(refuse))
                        .route(web::get().to(|| async { "never" })),
                )
                .service(
                    web::resource("/refused-typed")
                        .wrap(from_fn(refuse_typed))
                        .route(web::get().to(|| async { "never" })),
                )
                .service(
                    web::resource("/maintenance")
                        .wrap(from_fn(maintenance))
                        .route(web::get().to(|| async { "never" })),
                )
        };
    }
    let request = request
        .insert_header((header::ACCEPT_ENCODING, "gzip"))
        .to_request();
    let response = match compression {
        Compression::None => {
            let app = test::init_service(routes!().wrap(middleware)).await;
            answered(test::try_call_service(&app, request).await)
        }
        Compression::Inside => {
            let app =
                test::init_service(routes!().wrap(Compress::default()).wrap(middleware)).await;
            answered(test::try_call_service(&app, request).await)
        }
        Compression::Outside => {
            let app =
                test::init_service(routes!().wrap(middleware).wrap(Compress::default())).await;
            answered(test::try_call_service(&app, request).await)
        }
    };
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap()
        .to_vec();
    let compressed = headers.get(header::CONTENT_ENCODING).is_some();
    let body = if compressed {
        assert_eq!(headers.get(header::CONTENT_ENCODING).unwrap(), "gzip");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut decoded)
            .expect("a gzip body");
        decoded
    } else {
        bytes
    };
    Answer {
        status,
        headers,
        body,
        compressed,
    }
}

/// The response, or for an error the response actix-web's dispatcher would send for it.
pub fn answered<B: MessageBody + 'static>(
    result: Result<ServiceResponse<B>, actix_web::Error>,
) -> HttpResponse {
    match result {
        Ok(response) => response.into_parts().1.map_into_boxed_body(),
        Err(error) => error.error_response(),
    }
}

pub fn get(uri: &str, id: &str) -> test::TestRequest {
    test::TestRequest::get()
        .uri(uri)
        .insert_header(("x-request-id", id))
}

pub fn run<F: std::future::Future>(future: F) -> F::Output {
    actix_web::rt::System::new().block_on(future)
}
