//! `Retry-After` from the server to the client over loopback: a real axum server behind
//! `ErrorLayer`, a real reqwest client reading the answers as `ApiError`s.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use stytch_errors::reqwest::ResponseExt;
use stytch_errors::{ApiError, HttpError, RetryAfter, StytchError, WithRetryAfter, stytch_errors};
use tokio::net::TcpListener;

stytch_errors! {
    /// A set with a throttling entry.
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum QuotaError {
        429 {
            quota_exceeded: "The project's quota is used up for this minute.",
        }
    }
}

async fn throttled() -> WithRetryAfter<HttpError> {
    HttpError::too_many_requests.with_retry_after(Duration::from_secs(30))
}

async fn unavailable() -> WithRetryAfter<HttpError> {
    HttpError::service_unavailable.with_retry_after(Duration::from_secs(120))
}

async fn quota() -> WithRetryAfter<QuotaError> {
    // A fraction of a second rounds up: the client never comes back early.
    QuotaError::quota_exceeded.with_retry_after(Duration::from_millis(1500))
}

async fn no_hint() -> HttpError {
    HttpError::too_many_requests
}

/// An inner middleware's own text answer with its own header, which the layer turns into an
/// envelope and keeps the header of.
async fn text() -> impl IntoResponse {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, HeaderValue::from_static("7"))],
        "down for maintenance",
    )
}

async fn serve() -> String {
    let app = Router::new()
        .route("/throttled", get(throttled))
        .route("/unavailable", get(unavailable))
        .route("/quota", get(quota))
        .route("/no-hint", get(no_hint))
        .route("/text", get(text))
        .layer(stytch_errors::axum::ErrorLayer::new());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

async fn api_error(url: String) -> ApiError {
    reqwest::get(url)
        .await
        .expect("the server answers")
        .error_for_envelope()
        .await
        .expect_err("an error answer")
}

#[tokio::test]
async fn the_hint_the_server_sets_is_the_one_the_client_reads() {
    let base = serve().await;
    let cases = [
        ("/throttled", 429, "too_many_requests", Some(30)),
        ("/unavailable", 503, "service_unavailable", Some(120)),
        ("/quota", 429, "quota_exceeded", Some(2)),
        ("/no-hint", 429, "too_many_requests", None),
        ("/text", 503, "service_unavailable", Some(7)),
    ];
    for (path, status, error_type, seconds) in cases {
        let error = api_error(format!("{base}{path}")).await;
        assert_eq!(error.status(), status, "{path}");
        assert_eq!(error.error_type(), Some(error_type), "{path}");
        assert_eq!(
            error.retry_after(),
            seconds.map(|seconds| RetryAfter::Delay(Duration::from_secs(seconds))),
            "{path}"
        );
        assert!(error.is_retryable());
    }
    assert_eq!(
        api_error(format!("{base}/text"))
            .await
            .envelope()
            .unwrap()
            .error_message(),
        "down for maintenance"
    );
    println!("{} of {} hints read back", cases.len(), cases.len());
}

#[test]
fn the_hint_is_part_of_the_error_not_of_its_envelope() {
    let error = HttpError::too_many_requests.with_retry_after(Duration::from_secs(30));
    assert_eq!(
        error.envelope("request-id-1"),
        HttpError::too_many_requests.envelope("request-id-1")
    );
    let boxed: Box<dyn StytchError + Send + Sync> = Box::new(error);
    assert_eq!(boxed.retry_after(), Some(Duration::from_secs(30)));
}
