//! `ErrorEnvelopes` in real actix-web apps, with actix-web's `Compress` inside and outside it:
//! every error response an envelope with the request's id, gzip bodies decoded as a client
//! decodes them.

use std::io::Read;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Compress, Next, from_fn};
use actix_web::{App, HttpResponse, test, web};
use serde_json::Value;
use stytch_errors::actix_web::{ErrorEnvelopes, RequestId};
use stytch_errors::{ConsumerError, HttpError, StytchError};

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
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

async fn widget(id: web::Path<u64>) -> Result<&'static str, AppError> {
    Err(AppError::WidgetNotFound { id: *id })
}

async fn create(_: web::Json<Widget>) -> &'static str {
    "created"
}

async fn list(_: web::Query<Page>) -> &'static str {
    "widgets"
}

async fn echo_id(request_id: RequestId) -> String {
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
enum Compression {
    None,
    Inside,
    Outside,
}

/// What a client sees: status, headers and the body, gunzipped when it came compressed.
struct Answer {
    status: StatusCode,
    headers: header::HeaderMap,
    body: Vec<u8>,
    compressed: bool,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body))
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    fn envelope(&self) -> (Value, String) {
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        let id = self.header("x-request-id").expect("x-request-id").to_owned();
        assert_eq!(body["request_id"], id.as_str(), "{body}");
        assert_eq!(
            body["status_code"].as_u64(),
            Some(u64::from(self.status.as_u16()))
        );
        (body, id)
    }
}

/// Builds the app around `middleware`, sends `request` and reads the answer.
async fn send(
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
            let app = test::init_service(routes!().wrap(Compress::default()).wrap(middleware)).await;
            answered(test::try_call_service(&app, request).await)
        }
        Compression::Outside => {
            let app = test::init_service(routes!().wrap(middleware).wrap(Compress::default())).await;
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
fn answered<B: MessageBody + 'static>(
    result: Result<ServiceResponse<B>, actix_web::Error>,
) -> HttpResponse {
    match result {
        Ok(response) => response.into_parts().1.map_into_boxed_body(),
        Err(error) => error.error_response(),
    }
}

fn get(uri: &str, id: &str) -> test::TestRequest {
    test::TestRequest::get()
        .uri(uri)
        .insert_header(("x-request-id", id))
}

fn run<F: std::future::Future>(future: F) -> F::Output {
    actix_web::rt::System::new().block_on(future)
}

#[test]
fn envelopes_with_the_request_id_through_compress_in_either_order() {
    run(async {
        for compression in [Compression::Inside, Compression::Outside] {
            let new = ErrorEnvelopes::new;
            let answer = send(compression, new(), get("/widgets/7", "request-id-client-1")).await;
            assert!(answer.compressed, "{compression:?}: the envelope is compressed");
            assert_eq!(answer.status, StatusCode::NOT_FOUND);
            let (body, id) = answer.envelope();
            assert_eq!(id, "request-id-client-1");
            assert_eq!(
                body,
                serde_json::to_value(
                    AppError::WidgetNotFound { id: 7 }.envelope("request-id-client-1")
                )
                .unwrap()
            );

            let answer = send(compression, new(), get("/boxed", "request-id-client-2")).await;
            assert_eq!(
                answer.envelope().0,
                serde_json::to_value(ConsumerError::user_not_found.envelope("request-id-client-2"))
                    .unwrap()
            );

            let answer = send(compression, new(), get("/id", "request-id-client-3")).await;
            assert_eq!(answer.status, StatusCode::OK);
            assert_eq!(answer.body, b"request-id-client-3");
            assert_eq!(answer.header("x-request-id"), Some("request-id-client-3"));

            let answer = send(compression, new(), get("/own-json", "request-id-4")).await;
            assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(answer.body, br#"{"mine":true}"#);
        }
    });
}

#[test]
fn extractor_errors_unknown_routes_and_wrong_methods_are_envelopes() {
    run(async {
        for compression in [Compression::None, Compression::Inside, Compression::Outside] {
            let new = ErrorEnvelopes::new;
            // Text compressed between the extractor and the middleware is not decoded.
            let texts = compression != Compression::Inside;

            let malformed = test::TestRequest::post()
                .uri("/widgets")
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .insert_header(("x-request-id", "request-id-json"))
                .set_payload("{\"name\": ");
            let answer = send(compression, new(), malformed).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{compression:?}");
            let (body, id) = answer.envelope();
            assert_eq!(id, "request-id-json");
            assert_eq!(body["error_type"], "bad_request");
            let message = body["error_message"].as_str().unwrap();
            if texts {
                assert!(message.starts_with("Json deserialize error"), "{message}");
            } else {
                assert_eq!(message, HttpError::bad_request.error_message());
            }

            let answer = send(compression, new(), get("/widgets/seven", "request-id-path")).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "actix answers a bad path 404");
            assert_eq!(answer.envelope().0["error_type"], "route_not_found");

            let answer = send(compression, new(), get("/widgets?limit=many", "r-1")).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            let (body, _) = answer.envelope();
            let message = body["error_message"].as_str().unwrap();
            assert!(!texts || message.starts_with("Query deserialize error"), "{message}");

            let answer = send(compression, new(), get("/nothing/here", "request-id-404")).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND);
            assert_eq!(
                answer.envelope().0,
                serde_json::to_value(HttpError::route_not_found.envelope("request-id-404"))
                    .unwrap()
            );

            let delete = test::TestRequest::default()
                .method(Method::DELETE)
                .uri("/widgets");
            let answer = send(compression, new(), delete).await;
            assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
            let (body, _) = answer.envelope();
            assert_eq!(body["error_type"], "method_not_allowed");
        }
    });
}

#[test]
fn an_inner_middlewares_text_answer_keeps_its_status_and_becomes_the_message() {
    run(async {
        let answer = send(
            Compression::None,
            ErrorEnvelopes::new(),
            get("/maintenance", "request-id-503"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.header("retry-after"), Some("120"));
        let (body, _) = answer.envelope();
        assert_eq!(body["error_type"], "service_unavailable");
        assert_eq!(
            body["error_message"],
            "Down for maintenance until 10:00 UTC; the widget store is being upgraded."
        );

        let answer = send(
            Compression::Inside,
            ErrorEnvelopes::new(),
            get("/maintenance", "request-id-503"),
        )
        .await;
        assert!(!answer.compressed);
        assert_eq!(
            answer.envelope().0,
            serde_json::to_value(HttpError::service_unavailable.envelope("request-id-503"))
                .unwrap()
        );
    });
}

#[test]
fn errors_of_inner_middleware_are_envelopes_with_the_request_id() {
    run(async {
        for compression in [Compression::None, Compression::Inside, Compression::Outside] {
            let answer = send(compression, ErrorEnvelopes::new(), get("/refused", "r-401")).await;
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
            let (body, id) = answer.envelope();
            assert_eq!(id, "r-401");
            assert_eq!(body["error_type"], "unauthorized");
            assert_eq!(body["error_message"], "Missing credentials.");

            let request = get("/refused-typed", "r-typed");
            let answer = send(compression, ErrorEnvelopes::new(), request).await;
            assert_eq!(
                answer.envelope().0,
                serde_json::to_value(AppError::WidgetNotFound { id: 11 }.envelope("r-typed"))
                    .unwrap()
            );
        }
    });
}

#[test]
fn request_ids_refused_are_never_echoed() {
    run(async {
        let new = ErrorEnvelopes::new;
        let long = format!("request-id-{}", "a".repeat(5000));
        let answer = send(Compression::None, new(), get("/widgets/1", &long)).await;
        let (_, id) = answer.envelope();
        assert!(id.starts_with("request-id-") && id.len() < 128, "{id}");
        assert!(!String::from_utf8_lossy(&answer.body).contains("aaaa"));

        for refused in [&b"two words"[..], b"caf\xe9"] {
            let request = test::TestRequest::get()
                .uri("/widgets/1")
                .insert_header(("x-request-id", HeaderValue::from_bytes(refused).unwrap()));
            let answer = send(Compression::None, new(), request).await;
            assert!(answer.envelope().1.starts_with("request-id-"));
        }

        let request = test::TestRequest::get()
            .uri("/id")
            .append_header(("x-request-id", ""))
            .append_header(("x-request-id", "request-id-second"));
        let answer = send(Compression::None, new(), request).await;
        assert_eq!(answer.body, b"request-id-second");
        assert_eq!(answer.headers.get_all("x-request-id").count(), 1);

        let request = test::TestRequest::get().uri("/id");
        let answer = send(Compression::None, new(), request).await;
        let id = answer.header("x-request-id").unwrap();
        assert!(id.starts_with("request-id-"));
        assert_eq!(answer.body, id.as_bytes());
    });
}

#[test]
fn the_header_is_configurable_and_the_hook_maps_http_errors() {
    run(async {
        let middleware =
            ErrorEnvelopes::new().request_id_header(HeaderName::from_static("x-correlation-id"));
        let request = get("/widgets/3", "ignored").insert_header(("x-correlation-id", "corr-1"));
        let answer = send(Compression::None, middleware, request).await;
        assert_eq!(answer.header("x-correlation-id"), Some("corr-1"));
        assert_eq!(answer.json()["request_id"], "corr-1");

        let middleware = ErrorEnvelopes::new().map_http_error(|error, message| AppError::Malformed {
            reason: format!("{} ({message})", error.error_type()),
        });
        let answer = send(Compression::None, middleware, get("/nothing", "request-id-m")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        let (body, _) = answer.envelope();
        assert_eq!(body["error_type"], "malformed");
        assert_eq!(
            body["error_message"],
            "The request was malformed: route_not_found (The requested route could not be found.)"
        );
    });
}

#[test]
fn without_the_middleware_errors_carry_a_generated_id() {
    run(async {
        let app = test::init_service(
            App::new()
                .route("/widgets/{id}", web::get().to(widget))
                .route("/id", web::get().to(echo_id)),
        )
        .await;
        let response = test::call_service(&app, get("/widgets/5", "unseen").to_request()).await;
        let id = response.headers().get("x-request-id").unwrap().to_str().unwrap().to_owned();
        assert!(id.starts_with("request-id-"), "{id}");
        let body: Value = serde_json::from_slice(&test::read_body(response).await).unwrap();
        assert_eq!(body["request_id"], id.as_str());
        assert_eq!(body["error_message"], "Widget 5 could not be found.");

        let response = test::call_service(&app, get("/id", "request-id-header").to_request()).await;
        assert_eq!(test::read_body(response).await, "request-id-header");
    });
}
