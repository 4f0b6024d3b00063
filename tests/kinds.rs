//! A derived type's kind enum: one listing of every error_type the type can send, each once,
//! and a client that types every one of them over a real axum server and a real reqwest client.

use std::collections::HashSet;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use stytch_errors::reqwest::ResponseExt;
use stytch_errors::{
    ApiError, ConsumerError, ErrorCatalog, ErrorSet, HasKind, HttpError, StytchError, Typed,
    WithRetryAfter, stytch_errors,
};
use tokio::net::TcpListener;

stytch_errors! {
    /// The widget service's shared errors.
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "The widget could not be found.",
        }
        409 {
            widget_locked: "The widget is locked by another request.",
        }
    }
}

/// An application's errors: its own (one interpolated), entries of two sets (one with its own
/// message), and three transparent fields whose kinds overlap with the rest and each other.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    #[stytch(status = 404, message = "Widget {id} was not found in this project.")]
    WidgetMissing { id: u64 },
    #[stytch(entry = ConsumerError::email_not_found, message = "No user has the email {email}.")]
    NoSuchEmail { email: String },
    /// Also listed by `Widget`'s set: listed once, here.
    #[stytch(entry = WidgetError::widget_locked)]
    Locked,
    #[stytch(transparent)]
    Widget(WidgetError),
    #[stytch(transparent)]
    Http(HttpError),
    /// The same errors as `Http`: each listed once, under `Http`.
    #[stytch(transparent)]
    Throttled(WithRetryAfter<HttpError>),
    #[cfg(any())]
    #[stytch(status = 500)]
    CompiledOut,
}

/// A value of `AppError` for each kind; the match is exhaustive, so a kind without one does
/// not compile.
fn sample(kind: AppErrorKind) -> AppError {
    match kind {
        AppErrorKind::WidgetMissing => AppError::WidgetMissing { id: 7 },
        AppErrorKind::NoSuchEmail => AppError::NoSuchEmail {
            email: "ünïcödé@example.com".to_owned(),
        },
        AppErrorKind::Locked => AppError::Locked,
        AppErrorKind::Widget(kind) => AppError::Widget(kind),
        AppErrorKind::Http(kind) => AppError::Http(kind),
        AppErrorKind::Throttled(kind) => {
            AppError::Throttled(kind.with_retry_after(std::time::Duration::from_secs(1)))
        }
    }
}

#[test]
fn the_kind_lists_every_error_type_once_own_variants_first() {
    let all = AppErrorKind::ALL;
    let names: Vec<&str> = all.iter().map(|kind| kind.error_type()).collect();
    let distinct: HashSet<&str> = names.iter().copied().collect();
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    // Three own, the set's two but the one `Locked` sends, and HttpError's once.
    assert_eq!(all.len(), 3 + 1 + HttpError::ALL.len());
    assert_eq!(
        &all[..4],
        [
            AppErrorKind::WidgetMissing,
            AppErrorKind::NoSuchEmail,
            AppErrorKind::Locked,
            AppErrorKind::Widget(WidgetError::widget_not_found),
        ]
    );
    assert!(
        all[4..]
            .iter()
            .all(|kind| matches!(kind, AppErrorKind::Http(_)))
    );
    // The listing of the type is the kind's, entry for entry.
    let listed: Vec<&str> = AppError::errors()
        .iter()
        .map(|info| info.error_type())
        .collect();
    assert_eq!(listed, names);
    for (i, kind) in all.iter().enumerate() {
        assert!(std::ptr::eq(AppErrorKind::__INFOS[i], kind.info()));
        assert_eq!(AppError::errors()[i], kind.info());
        assert_eq!(
            AppErrorKind::from_error_type(kind.error_type()),
            Some(*kind)
        );
        assert_eq!(kind.error_type().parse::<AppErrorKind>(), Ok(*kind));
    }
    // The entry variant with its own message is listed with the template it sends.
    assert_eq!(
        AppErrorKind::NoSuchEmail.info().error_message(),
        "No user has the email {email}."
    );
    assert_eq!(
        AppErrorKind::NoSuchEmail.info().error_type(),
        "email_not_found"
    );
    assert_eq!(AppErrorKind::from_error_type("widget_gone"), None);
    assert_eq!(<AppErrorKind as ErrorSet>::NAME, "AppErrorKind");
}

#[test]
fn a_value_has_the_kind_its_error_type_is_listed_under() {
    assert_eq!(
        AppError::WidgetMissing { id: 1 }.kind(),
        AppErrorKind::WidgetMissing
    );
    // Sent through the field, listed under the own variant.
    assert_eq!(
        AppError::Widget(WidgetError::widget_locked).kind(),
        AppErrorKind::Locked
    );
    assert_eq!(
        AppError::Throttled(HttpError::too_many_requests.with_retry_after(Default::default()))
            .kind(),
        AppErrorKind::Http(HttpError::too_many_requests)
    );
    for kind in AppErrorKind::ALL {
        let value = sample(*kind);
        assert_eq!(value.kind(), *kind, "{value:?}");
        assert_eq!(value.error_type(), kind.error_type());
        assert_eq!(value.status_code(), kind.status_code());
    }
    assert_eq!(
        serde_json::to_string(&AppErrorKind::Locked).unwrap(),
        "\"widget_locked\""
    );
    assert_eq!(
        serde_json::from_str::<AppErrorKind>("\"route_not_found\"").unwrap(),
        AppErrorKind::Http(HttpError::route_not_found)
    );
    assert_eq!(
        format!("{:?}", AppErrorKind::Widget(WidgetError::widget_not_found)),
        "Widget(WidgetNotFound)"
    );
}

async fn answer(Path(index): Path<usize>) -> AppError {
    sample(AppErrorKind::ALL[index])
}

#[tokio::test]
async fn a_client_types_every_error_the_server_sends() {
    let app = Router::new()
        .route("/errors/{index}", get(answer))
        .layer(stytch_errors::axum::ErrorLayer::new());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::new();
    for (index, kind) in AppErrorKind::ALL.iter().enumerate() {
        let error: ApiError = client
            .get(format!("http://{address}/errors/{index}"))
            .send()
            .await
            .expect("the server answers")
            .error_for_envelope()
            .await
            .expect_err("an error answer");
        let expected = sample(*kind);
        assert_eq!(error.status(), expected.status_code());
        assert_eq!(
            error.typed::<AppErrorKind>(),
            Some(Typed::Known(expected.kind()))
        );
        assert_eq!(
            error.envelope().unwrap().error_message(),
            expected.error_message()
        );
    }
    println!(
        "{} of {} kinds typed by the client",
        AppErrorKind::ALL.len(),
        AppErrorKind::ALL.len()
    );
}

/// A type over another derived type: its field's kind is that type's kind enum.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum GatewayError {
    /// Also listed through `App`: listed here.
    #[stytch(entry = WidgetError::widget_not_found)]
    NoWidget,
    #[stytch(transparent)]
    App(AppError),
}

#[test]
fn a_kind_of_a_derived_types_kind() {
    assert_eq!(GatewayErrorKind::ALL.len(), AppErrorKind::ALL.len());
    assert_eq!(GatewayErrorKind::ALL[0], GatewayErrorKind::NoWidget);
    assert_eq!(
        GatewayError::App(AppError::Widget(WidgetError::widget_not_found)).kind(),
        GatewayErrorKind::NoWidget
    );
    assert_eq!(
        GatewayError::App(AppError::Widget(WidgetError::widget_locked)).kind(),
        GatewayErrorKind::App(AppErrorKind::Locked)
    );
    assert_eq!(
        GatewayErrorKind::from_error_type("route_not_found"),
        Some(GatewayErrorKind::App(AppErrorKind::Http(
            HttpError::route_not_found
        )))
    );
    let names: HashSet<&str> = GatewayErrorKind::ALL
        .iter()
        .map(|kind| kind.error_type())
        .collect();
    assert_eq!(names.len(), GatewayErrorKind::ALL.len());
}
