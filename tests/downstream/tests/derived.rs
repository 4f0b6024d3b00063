//! What `#[derive(StytchError)]` generates, exercised from a crate that depends on
//! `stytch-errors` alone.

use std::borrow::Cow;
use std::error::Error as _;

use stytch_errors::{ConsumerError, StytchError};
use stytch_errors_downstream::WidgetError;
use stytch_errors_downstream::derived::{
    AppError, Generic, Never, OwnDisplay, RateLimited, ReadOnlyType, Unauthorized, Wrapped,
};

/// Status, error_type, message and URL of an error, as the envelope carries them.
fn fields(error: &dyn StytchError) -> (u16, String, String, String) {
    (
        error.status_code(),
        error.error_type().to_owned(),
        error.error_message().into_owned(),
        error.error_url().to_owned(),
    )
}

fn fields_of(
    status: u16,
    error_type: &str,
    message: &str,
    url: &str,
) -> (u16, String, String, String) {
    (
        status,
        error_type.to_owned(),
        message.to_owned(),
        url.to_owned(),
    )
}

#[test]
fn messages_interpolate_fields_and_error_types_default_to_snake_case() {
    assert_eq!(
        fields(&AppError::WidgetNotFound { id: 7 }),
        fields_of(
            404,
            "widget_not_found",
            "Widget 7 could not be found.",
            "https://example.com/docs/errors/404#widget_not_found"
        )
    );
    assert_eq!(
        fields(&AppError::Locked(3, "bob".to_owned())),
        fields_of(
            409,
            "widget_locked",
            "Widget 3 is locked by \"bob\".",
            "https://example.com/docs/errors/409#widget_locked"
        )
    );
    assert_eq!(
        fields(&AppError::BadType { r#type: "gadget" }),
        fields_of(
            400,
            "bad_type",
            "Bad type gadget.",
            "https://example.com/docs/errors/400#bad_type"
        )
    );
    assert_eq!(AppError::Unavailable.error_type(), "unavailable");
}

#[test]
fn format_specs_braces_counts_and_fragments() {
    let error = AppError::QuotaExceeded {
        used: 42,
        limit: 255,
        ratio: 0.164_7,
        prec: 2,
    };
    assert_eq!(error.to_string(), "{quota}    42 of 0xff (0.16) **42**");
    assert_eq!(error.error_message(), error.to_string());
    assert_eq!(
        error.error_url(),
        "https://example.com/quota#quota-exceeded"
    );
    assert_eq!(error.error_type(), "quota_exceeded");
    assert_eq!(error.status_code(), 422);
}

#[test]
fn entries_give_status_error_type_message_url_and_info() {
    let entry = ConsumerError::email_not_found;
    let error = AppError::MissingEmail;
    assert_eq!(
        fields(&error),
        fields_of(
            404,
            entry.error_type(),
            entry.error_message(),
            entry.error_url()
        )
    );
    assert_eq!(error.to_string(), entry.error_message());
    assert!(matches!(error.error_message(), Cow::Borrowed(_)));
    assert!(std::ptr::eq(error.entry_info().unwrap(), entry.info()));

    // The message is overridden, the rest is the entry's.
    let user = ConsumerError::user_not_found;
    let error = AppError::MissingUser("user-1".to_owned());
    assert_eq!(
        fields(&error),
        fields_of(
            404,
            "user_not_found",
            "User user-1 could not be found.",
            user.error_url()
        )
    );
    assert!(std::ptr::eq(error.entry_info().unwrap(), user.info()));

    let error = ReadOnlyType;
    assert_eq!(error.error_type(), "type");
    assert_eq!(error.status_code(), 409);
    assert_eq!(error.to_string(), WidgetError::r#type.error_message());
    assert_eq!(
        error.error_url(),
        "https://example.com/docs/widgets/types#type-409"
    );
}

#[test]
fn transparent_delegates_everything() {
    for inner in ConsumerError::ALL.iter().copied() {
        let error = AppError::Stytch(inner);
        assert_eq!(fields(&error), fields(&inner));
        assert_eq!(error.to_string(), inner.to_string());
        assert!(std::ptr::eq(error.entry_info().unwrap(), inner.info()));
        assert_eq!(fields(&Wrapped(inner)), fields(&inner));
    }
    let error = AppError::Widget {
        inner: WidgetError::WidgetLocked,
    };
    assert_eq!(fields(&error), fields(&WidgetError::WidgetLocked));
    // The source is the wrapped error's own source, as with thiserror's `transparent`.
    assert!(error.source().is_none());
    assert!(AppError::WidgetNotFound { id: 1 }.entry_info().is_none());
}

#[test]
fn structs() {
    let error = RateLimited {
        retry_after_secs: 30,
    };
    assert_eq!(
        fields(&error),
        fields_of(
            429,
            "rate_limited",
            "Too many requests; retry after 30 s.",
            "https://example.com/docs/errors/429#rate_limited"
        )
    );
    assert_eq!(
        fields(&Unauthorized),
        fields_of(
            401,
            "unauthorized_credentials",
            "Unauthorized credentials.",
            "https://example.com/docs/errors/401"
        )
    );
    assert!(matches!(Unauthorized.error_message(), Cow::Borrowed(_)));
    // `f.pad`: a fixed message honours width and alignment.
    assert_eq!(format!("{Unauthorized:>27}"), "  Unauthorized credentials.");
}

#[test]
fn generics_and_lifetimes() {
    let name = String::from("size");
    let error: Generic<'_, ConsumerError, i32> = Generic::BadValue {
        value: -1,
        name: &name,
    };
    assert_eq!(
        fields(&error),
        fields_of(
            400,
            "bad_value",
            "Bad value -1 for size.",
            "https://example.com/docs/errors/400#bad_value"
        )
    );
    let error: Generic<'_, WidgetError, i32> = Generic::Inner(WidgetError::WidgetStoreUnavailable);
    assert_eq!(error.status_code(), 503);
    assert_eq!(error.error_type(), "widget_store_unavailable");
}

#[test]
fn a_type_with_its_own_display() {
    let error = OwnDisplay::NotHere(3);
    assert_eq!(
        fields(&error),
        fields_of(
            404,
            "not_here",
            "Nothing at 3.",
            "https://example.com/docs/errors/404#not_here"
        )
    );
    // Entries and transparent fields keep their own messages.
    assert_eq!(
        OwnDisplay::Email.error_message(),
        ConsumerError::EmailNotFound.error_message()
    );
    assert_eq!(OwnDisplay::Email.to_string(), "(email)");
    assert_eq!(
        OwnDisplay::Consumer(ConsumerError::UserNotFound).error_message(),
        ConsumerError::UserNotFound.error_message()
    );
}

#[test]
fn envelopes_and_trait_objects() {
    let errors: Vec<Box<dyn StytchError>> = vec![
        Box::new(AppError::WidgetNotFound { id: 9 }),
        Box::new(AppError::MissingEmail),
        Box::new(RateLimited {
            retry_after_secs: 1,
        }),
    ];
    let envelopes: Vec<String> = errors
        .iter()
        .map(|error| serde_json::to_string(&error.envelope("request-1")).unwrap())
        .collect();
    assert_eq!(
        envelopes[0],
        r#"{"status_code":404,"request_id":"request-1","error_type":"widget_not_found","error_message":"Widget 9 could not be found.","error_url":"https://example.com/docs/errors/404#widget_not_found"}"#
    );
    assert_eq!(
        envelopes[1],
        r#"{"status_code":404,"request_id":"request-1","error_type":"email_not_found","error_message":"Email could not be found.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"}"#
    );
    assert!(envelopes[2].contains(r#""error_type":"rate_limited""#));
}

#[test]
fn an_enum_without_variants_is_an_error_type_too() {
    fn is_stytch_error<E: StytchError>() {}
    is_stytch_error::<Never>();
    let none: Option<Never> = None;
    assert!(none.is_none());
}
