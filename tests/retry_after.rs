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

/// A service's own throttling errors, each with its hint: written, from a field (a `Duration`,
/// seconds as `u64`, an `Option`), an entry's, and through a transparent field.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum ThrottleError {
    #[stytch(
        status = 429,
        retry_after = 30,
        message = "Too many widgets were made this minute."
    )]
    WidgetQuota,
    #[stytch(entry = QuotaError::quota_exceeded, retry_after = 60)]
    Quota,
    #[stytch(
        status = 503,
        message = "The widget store is restarting; retry in {wait:?}."
    )]
    Restarting {
        #[stytch(retry_after)]
        wait: Duration,
    },
    #[stytch(status = 429, message = "Slow down for {0} seconds.")]
    SlowDown(#[stytch(retry_after)] u64),
    #[stytch(status = 503, message = "Down, perhaps for a while.")]
    MaybeBack {
        #[stytch(retry_after)]
        wait: Option<Duration>,
    },
    #[stytch(transparent)]
    Upstream(WithRetryAfter<HttpError>),
    #[stytch(status = 429, message = "No hint.")]
    NoHint,
}

fn throttle(case: &str) -> ThrottleError {
    match case {
        "widget-quota" => ThrottleError::WidgetQuota,
        "quota" => ThrottleError::Quota,
        "restarting" => ThrottleError::Restarting {
            wait: Duration::from_millis(4500),
        },
        "slow-down" => ThrottleError::SlowDown(12),
        "maybe-back" => ThrottleError::MaybeBack {
            wait: Some(Duration::from_secs(90)),
        },
        "maybe-never" => ThrottleError::MaybeBack { wait: None },
        "upstream" => ThrottleError::Upstream(
            HttpError::service_unavailable.with_retry_after(Duration::from_secs(45)),
        ),
        _ => ThrottleError::NoHint,
    }
}

async fn derived(axum::extract::Path(case): axum::extract::Path<String>) -> ThrottleError {
    throttle(&case)
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
        .route("/derived/{case}", get(derived))
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

const DERIVED: [(&str, u16, &str, Option<u64>); 8] = [
    ("widget-quota", 429, "widget_quota", Some(30)),
    ("quota", 429, "quota_exceeded", Some(60)),
    // 4.5 s rounds up.
    ("restarting", 503, "restarting", Some(5)),
    ("slow-down", 429, "slow_down", Some(12)),
    ("maybe-back", 503, "maybe_back", Some(90)),
    ("maybe-never", 503, "maybe_back", None),
    ("upstream", 503, "service_unavailable", Some(45)),
    ("no-hint", 429, "no_hint", None),
];

#[tokio::test]
async fn a_derived_types_hints_reach_the_client() {
    let base = serve().await;
    for (case, status, error_type, seconds) in DERIVED {
        let response = reqwest::get(format!("{base}/derived/{case}"))
            .await
            .unwrap();
        let header = response
            .headers()
            .get(header::RETRY_AFTER)
            .map(|value| value.to_str().unwrap().to_owned());
        assert_eq!(header, seconds.map(|seconds| seconds.to_string()), "{case}");
        let error = response
            .error_for_envelope()
            .await
            .expect_err("an error answer");
        assert_eq!(error.status(), status, "{case}");
        assert_eq!(error.error_type(), Some(error_type), "{case}");
        assert_eq!(
            error.retry_after(),
            seconds.map(|seconds| RetryAfter::Delay(Duration::from_secs(seconds))),
            "{case}"
        );
    }
    println!(
        "{} of {} derived hints read back",
        DERIVED.len(),
        DERIVED.len()
    );
}

#[test]
fn a_derived_type_gives_the_hint_it_was_given() {
    let exact = [
        ("widget-quota", Some(Duration::from_secs(30))),
        ("quota", Some(Duration::from_secs(60))),
        ("restarting", Some(Duration::from_millis(4500))),
        ("slow-down", Some(Duration::from_secs(12))),
        ("maybe-back", Some(Duration::from_secs(90))),
        ("maybe-never", None),
        ("upstream", Some(Duration::from_secs(45))),
        ("no-hint", None),
    ];
    for (case, hint) in exact {
        assert_eq!(throttle(case).retry_after(), hint, "{case}");
    }
    // The entry variant is its entry otherwise.
    assert_eq!(
        ThrottleError::Quota.envelope("request-id-1"),
        QuotaError::quota_exceeded.envelope("request-id-1")
    );
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
