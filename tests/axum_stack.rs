//! `ErrorLayer` in real axum stacks, with tower-http's middleware inside and outside it: every
//! error response an envelope with the request's id, bodies compressed by `CompressionLayer`
//! decoded and read as the client reads them.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use stytch_errors::axum::ErrorLayer;
use stytch_errors::{ConsumerError, HttpError, StytchError};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestId, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

#[path = "support/axum_app.rs"]
mod app;

use app::{AppError, build, get_with_id, routes, runtime, send};

#[test]
fn envelopes_with_the_request_id_through_compression_in_either_order() {
    let inside = routes()
        .layer(CompressionLayer::new())
        .layer(ErrorLayer::new());
    let outside = routes()
        .layer(ErrorLayer::new())
        .layer(CompressionLayer::new());
    runtime().block_on(async {
        for app in [inside, outside] {
            let answer = send(
                app.clone(),
                get_with_id("/widgets/7", "request-id-client-1"),
            )
            .await;
            assert!(answer.compressed, "an envelope is long enough to compress");
            assert_eq!(answer.status, StatusCode::NOT_FOUND);
            let (body, id) = answer.envelope();
            assert_eq!(id, "request-id-client-1");
            let expected = AppError::WidgetNotFound { id: 7 };
            assert_eq!(
                body,
                serde_json::to_value(expected.envelope("request-id-client-1")).unwrap()
            );

            // An entry of a set, through a `Box<dyn StytchError>`.
            let answer = send(app.clone(), get_with_id("/boxed", "request-id-client-2")).await;
            let (body, _) = answer.envelope();
            assert_eq!(
                body,
                serde_json::to_value(ConsumerError::user_not_found.envelope("request-id-client-2"))
                    .unwrap()
            );

            // A success keeps its body, and gets the header.
            let answer = send(app.clone(), get_with_id("/id", "request-id-client-3")).await;
            assert_eq!(answer.status, StatusCode::OK);
            assert_eq!(answer.body, b"request-id-client-3");
            assert_eq!(answer.header("x-request-id"), Some("request-id-client-3"));

            // A handler's own JSON error is left as it is.
            let answer = send(app.clone(), get_with_id("/own-json", "request-id-4")).await;
            assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(answer.body, br#"{"mine":true}"#);
            assert_eq!(answer.header("x-request-id"), Some("request-id-4"));
        }
    });
}

#[test]
fn rejections_unknown_routes_and_wrong_methods_are_envelopes() {
    // With compression between a rejection and the layer, the rejection's text is compressed
    // (when over 32 bytes): the layer does not decode it, and answers with the entry's message.
    let apps = [
        (routes().layer(ErrorLayer::new()), true),
        (
            routes()
                .layer(CompressionLayer::new())
                .layer(ErrorLayer::new()),
            false,
        ),
        (
            routes()
                .layer(ErrorLayer::new())
                .layer(CompressionLayer::new()),
            true,
        ),
    ];
    runtime().block_on(async {
        for (app, texts) in apps {
            // Malformed JSON: axum's text becomes the message.
            let malformed = build(Method::POST, "/widgets")
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-request-id", "request-id-json")
                .body(Body::from("{\"name\": "))
                .unwrap();
            let answer = send(app.clone(), malformed).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            let (body, id) = answer.envelope();
            assert_eq!(id, "request-id-json");
            assert_eq!(body["error_type"], "bad_request");
            assert_eq!(body["error_url"], HttpError::bad_request.error_url());
            let message = body["error_message"].as_str().unwrap();
            if texts {
                assert!(
                    message.starts_with("Failed to parse the request body as JSON"),
                    "{message}"
                );
            } else {
                assert_eq!(message, HttpError::bad_request.error_message());
            }

            // No content type: 415.
            let untyped = build(Method::POST, "/widgets")
                .body(Body::from("{}"))
                .unwrap();
            let answer = send(app.clone(), untyped).await;
            assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
            assert_eq!(answer.envelope().0["error_type"], "unsupported_media_type");

            // A path parameter that is not a number.
            let answer = send(
                app.clone(),
                get_with_id("/widgets/seven", "request-id-path"),
            )
            .await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            let (body, _) = answer.envelope();
            assert_eq!(body["error_type"], "bad_request");
            let message = body["error_message"].as_str().unwrap();
            assert!(!texts || message.contains("Cannot parse"), "{body}");

            // A query that does not deserialize.
            let answer = send(app.clone(), get_with_id("/widgets?limit=many", "r-1")).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            let (body, _) = answer.envelope();
            let message = body["error_message"].as_str().unwrap();
            assert!(
                !texts || message.starts_with("Failed to deserialize query string"),
                "{body}"
            );

            // An unknown route: axum's empty 404.
            let answer = send(app.clone(), get_with_id("/nothing/here", "request-id-404")).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND);
            let (body, id) = answer.envelope();
            assert_eq!(id, "request-id-404");
            assert_eq!(
                body,
                serde_json::to_value(HttpError::route_not_found.envelope("request-id-404"))
                    .unwrap()
            );

            // A wrong method: 405, the `allow` header kept.
            let delete = build(Method::DELETE, "/widgets")
                .body(Body::empty())
                .unwrap();
            let answer = send(app.clone(), delete).await;
            assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
            assert!(answer.header("allow").unwrap().contains("POST"));
            let (body, _) = answer.envelope();
            assert_eq!(body["error_type"], "method_not_allowed");
            assert_eq!(
                body["error_message"],
                HttpError::method_not_allowed.error_message()
            );
        }
    });
}

#[test]
fn an_inner_middlewares_text_answer_keeps_its_status_and_becomes_the_message() {
    runtime().block_on(async {
        let app = routes().layer(ErrorLayer::new());
        let answer = send(app, get_with_id("/maintenance", "request-id-503")).await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.header("retry-after"), Some("120"));
        let (body, _) = answer.envelope();
        assert_eq!(body["error_type"], "service_unavailable");
        assert_eq!(
            body["error_message"],
            "Down for maintenance until 10:00 UTC; the widget store is being upgraded."
        );
        assert_eq!(
            body["error_url"],
            "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/503"
        );

        // Compressed by a middleware between: the text is not read, the envelope is the
        // entry's, and the body is not encoded any more.
        let app = routes()
            .layer(CompressionLayer::new())
            .layer(ErrorLayer::new());
        let answer = send(app, get_with_id("/maintenance", "request-id-503")).await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(!answer.compressed);
        assert!(
            answer.header("content-length").is_none()
                || answer.header("content-length") == Some(answer.body.len().to_string().as_str())
        );
        let (body, _) = answer.envelope();
        assert_eq!(
            body,
            serde_json::to_value(HttpError::service_unavailable.envelope("request-id-503"))
                .unwrap()
        );
    });
}

#[test]
fn long_text_is_cut_and_control_characters_escaped() {
    async fn noisy() -> Response {
        let text = format!("line one\nline \u{1b}[31mtwo {}", "x".repeat(1000));
        (StatusCode::BAD_GATEWAY, text).into_response()
    }
    runtime().block_on(async {
        let app = Router::new()
            .route("/", get(noisy))
            .layer(ErrorLayer::new());
        let answer = send(app, get_with_id("/", "r-2")).await;
        assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
        let (body, _) = answer.envelope();
        let message = body["error_message"].as_str().unwrap();
        assert!(
            message.starts_with("line one\\nline \\u{1b}[31mtwo xxx"),
            "{message}"
        );
        assert!(message.ends_with("x…"), "{message}");
        assert!(message.len() <= 256 + '…'.len_utf8(), "{}", message.len());
        assert_eq!(body["error_type"], "bad_gateway");
    });
}

#[test]
fn request_ids_refused_are_never_echoed() {
    runtime().block_on(async {
        let app = routes().layer(ErrorLayer::new());

        // Too long: a generated id, and the long one nowhere.
        let long = format!("request-id-{}", "a".repeat(5000));
        let answer = send(app.clone(), get_with_id("/widgets/1", &long)).await;
        let (_, id) = answer.envelope();
        assert!(id.starts_with("request-id-") && id.len() < 128, "{id}");
        assert!(!String::from_utf8_lossy(&answer.body).contains("aaaa"));

        // 128 bytes is the longest taken.
        let longest = "b".repeat(128);
        let answer = send(app.clone(), get_with_id("/widgets/1", &longest)).await;
        assert_eq!(answer.envelope().1, longest);

        // Not visible ASCII: a space, a byte above 0x7f.
        for refused in [&b"two words"[..], b"caf\xe9"] {
            let request = build(Method::GET, "/widgets/1")
                .header("x-request-id", HeaderValue::from_bytes(refused).unwrap())
                .body(Body::empty())
                .unwrap();
            let answer = send(app.clone(), request).await;
            let (_, id) = answer.envelope();
            assert!(id.starts_with("request-id-"), "{id}");
        }

        // Two headers, the first empty: the second, and the handler sees it alone.
        let request = build(Method::GET, "/id")
            .header("x-request-id", "")
            .header("x-request-id", "request-id-second")
            .body(Body::empty())
            .unwrap();
        let answer = send(app.clone(), request).await;
        assert_eq!(answer.body, b"request-id-second");
        assert_eq!(
            answer.headers.get_all("x-request-id").iter().count(),
            1,
            "one id in the response"
        );
        assert_eq!(answer.header("x-request-id"), Some("request-id-second"));

        // None: generated, the same for the handler, the header and the body.
        let request = build(Method::GET, "/id").body(Body::empty()).unwrap();
        let answer = send(app.clone(), request).await;
        let id = answer.header("x-request-id").unwrap();
        assert!(id.starts_with("request-id-"));
        assert_eq!(answer.body, id.as_bytes());
    });
}

#[test]
fn the_header_is_configurable_and_tower_https_request_id_is_honoured() {
    #[derive(Clone)]
    struct Counter;
    impl MakeRequestId for Counter {
        fn make_request_id<B>(
            &mut self,
            _: &axum::http::Request<B>,
        ) -> Option<tower_http::request_id::RequestId> {
            Some(HeaderValue::from_static("request-id-from-tower-http").into())
        }
    }
    runtime().block_on(async {
        let name = HeaderName::from_static("x-correlation-id");
        let app = routes().layer(ErrorLayer::new().request_id_header(name.clone()));
        let request = build(Method::GET, "/widgets/3")
            .header("x-correlation-id", "corr-1")
            .header("x-request-id", "ignored")
            .body(Body::empty())
            .unwrap();
        let answer = send(app, request).await;
        assert_eq!(answer.header("x-correlation-id"), Some("corr-1"));
        assert_eq!(answer.json()["request_id"], "corr-1");

        // tower-http's SetRequestIdLayer outside: its id is the request's.
        let app = routes()
            .layer(ErrorLayer::new())
            .layer(SetRequestIdLayer::x_request_id(Counter));
        let request = build(Method::GET, "/widgets/3")
            .body(Body::empty())
            .unwrap();
        let answer = send(app, request).await;
        assert_eq!(answer.envelope().1, "request-id-from-tower-http");

        // Inside: it finds the id the layer set, and keeps it.
        let app = routes()
            .layer(SetRequestIdLayer::x_request_id(Counter))
            .layer(ErrorLayer::new());
        let answer = send(app, get_with_id("/id", "request-id-client")).await;
        assert_eq!(answer.body, b"request-id-client");
    });
}

#[test]
fn trace_layer_inside_sees_the_accepted_id_and_the_hook_maps_http_errors() {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let spans = Arc::clone(&seen);
    let trace =
        TraceLayer::new_for_http().make_span_with(move |request: &axum::http::Request<Body>| {
            let id = request.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_owned();
            spans.lock().unwrap().push(id);
            tracing::info_span!("request")
        });
    runtime().block_on(async {
        let app = routes().layer(trace).layer(ErrorLayer::new());
        let long = "z".repeat(300);
        let answer = send(app.clone(), get_with_id("/widgets/9", &long)).await;
        let (_, id) = answer.envelope();
        let answer2 = send(app, get_with_id("/nothing", "request-id-traced")).await;
        assert_eq!(answer2.envelope().1, "request-id-traced");
        assert_eq!(*seen.lock().unwrap(), [id, "request-id-traced".to_owned()]);

        // A service's own type for the error responses that are not envelopes.
        let app = routes().layer(ErrorLayer::new().map_http_error(|error, message| {
            AppError::Malformed {
                reason: format!("{} ({message})", error.error_type()),
            }
        }));
        let answer = send(app, get_with_id("/nothing", "request-id-mapped")).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "the mapped error's status"
        );
        let (body, _) = answer.envelope();
        assert_eq!(body["error_type"], "malformed");
        assert_eq!(
            body["error_message"],
            "The request was malformed: route_not_found (The requested route could not be found.)"
        );
        assert_eq!(
            body["error_url"],
            "https://example.com/docs/errors/400#malformed"
        );
    });
}

#[test]
fn the_header_and_the_hook_are_kept_together_in_either_order() {
    let map = |error: HttpError, _: &str| AppError::Malformed {
        reason: error.error_type().to_owned(),
    };
    let name = HeaderName::from_static("x-correlation-id");
    let layers = [
        ErrorLayer::new()
            .request_id_header(name.clone())
            .map_http_error(map),
        ErrorLayer::new()
            .map_http_error(map)
            .request_id_header(name.clone()),
    ];
    runtime().block_on(async {
        for layer in layers {
            let request = build(Method::GET, "/nothing")
                .header("x-correlation-id", "corr-both")
                .body(Body::empty())
                .unwrap();
            let answer = send(routes().layer(layer), request).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST);
            assert_eq!(answer.header("x-correlation-id"), Some("corr-both"));
            let body = answer.json();
            assert_eq!(body["request_id"], "corr-both");
            assert_eq!(body["error_type"], "malformed");
            assert_eq!(
                body["error_message"],
                "The request was malformed: route_not_found"
            );
        }
    });
}

#[test]
fn without_the_layer_errors_carry_a_generated_id() {
    runtime().block_on(async {
        let answer = send(routes(), get_with_id("/widgets/5", "request-id-unseen")).await;
        let (body, id) = answer.envelope();
        assert!(id.starts_with("request-id-"), "{id}");
        assert_eq!(body["error_message"], "Widget 5 could not be found.");
        // The extractor falls back on the header.
        let answer = send(routes(), get_with_id("/id", "request-id-header")).await;
        assert_eq!(answer.body, b"request-id-header");
    });
}
