//! `ErrorEnvelopes` in real actix-web apps, with actix-web's `Compress` inside and outside it:
//! every error response an envelope with the request's id, gzip bodies decoded as a client
//! decodes them.

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{App, test, web};
use serde_json::Value;
use stytch_errors::actix_web::ErrorEnvelopes;
use stytch_errors::{ConsumerError, HttpError, StytchError};

#[path = "support/actix_app.rs"]
mod app;

use app::{AppError, Compression, echo_id, get, run, send, widget};

#[test]
fn envelopes_with_the_request_id_through_compress_in_either_order() {
    run(async {
        for compression in [Compression::Inside, Compression::Outside] {
            let new = ErrorEnvelopes::new;
            let answer = send(compression, new(), get("/widgets/7", "request-id-client-1")).await;
            assert!(
                answer.compressed,
                "{compression:?}: the envelope is compressed"
            );
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
            assert_eq!(
                answer.status,
                StatusCode::NOT_FOUND,
                "actix answers a bad path 404"
            );
            assert_eq!(answer.envelope().0["error_type"], "route_not_found");

            let answer = send(compression, new(), get("/widgets?limit=many", "r-1")).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            let (body, _) = answer.envelope();
            let message = body["error_message"].as_str().unwrap();
            assert!(
                !texts || message.starts_with("Query deserialize error"),
                "{message}"
            );

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

        let middleware =
            ErrorEnvelopes::new().map_http_error(|error, message| AppError::Malformed {
                reason: format!("{} ({message})", error.error_type()),
            });
        let answer = send(
            Compression::None,
            middleware,
            get("/nothing", "request-id-m"),
        )
        .await;
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
        let id = response
            .headers()
            .get("x-request-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(id.starts_with("request-id-"), "{id}");
        let body: Value = serde_json::from_slice(&test::read_body(response).await).unwrap();
        assert_eq!(body["request_id"], id.as_str());
        assert_eq!(body["error_message"], "Widget 5 could not be found.");

        let response = test::call_service(&app, get("/id", "request-id-header").to_request()).await;
        assert_eq!(test::read_body(response).await, "request-id-header");
    });
}
