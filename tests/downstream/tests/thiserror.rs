//! `#[derive(StytchError)]` composes with thiserror: thiserror writes `Display`, `Error` and the
//! sources; the derive takes that `Display` as the message and adds the envelope's fields.

#![deny(warnings)]

use std::error::Error as _;

use stytch_errors::{ConsumerError, StytchError};

/// The error of a storage layer, the source of one variant below.
#[derive(Debug, thiserror::Error)]
#[error("disk full")]
struct DiskFull;

#[derive(Debug, thiserror::Error, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum ServiceError {
    #[error("widget {id} could not be found")]
    #[stytch(status = 404)]
    WidgetNotFound { id: u64 },

    #[error("could not save widget {0}")]
    #[stytch(status = 507, error_type = "storage_full")]
    Save(u64, #[source] DiskFull),

    #[error("{}", ConsumerError::email_not_found.error_message())]
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,

    #[error(transparent)]
    #[stytch(transparent)]
    Consumer(#[from] ConsumerError),
}

/// A struct, with thiserror on the type.
#[derive(Debug, thiserror::Error, StytchError)]
#[error("slow down: {retry_after_secs} s")]
#[stytch(status = 429, url = "https://example.com/docs/errors/429")]
struct RateLimited {
    retry_after_secs: u32,
}

#[test]
fn thiserror_writes_the_message_and_the_derive_the_rest() {
    let error = ServiceError::WidgetNotFound { id: 4 };
    assert_eq!(error.to_string(), "widget 4 could not be found");
    assert_eq!(error.error_message(), "widget 4 could not be found");
    assert_eq!(error.status_code(), 404);
    assert_eq!(error.error_type(), "widget_not_found");
    assert_eq!(
        error.error_url(),
        "https://example.com/docs/errors/404#widget_not_found"
    );

    let error = ServiceError::Save(2, DiskFull);
    assert_eq!(error.error_message(), "could not save widget 2");
    assert_eq!(error.error_type(), "storage_full");
    assert_eq!(error.source().unwrap().to_string(), "disk full");

    let error = ServiceError::MissingEmail;
    assert_eq!(error.error_message(), error.to_string());
    assert_eq!(error.error_type(), "email_not_found");

    let error: ServiceError = ConsumerError::UserNotFound.into();
    assert_eq!(
        error.to_string(),
        ConsumerError::UserNotFound.error_message()
    );
    assert_eq!(error.error_type(), "user_not_found");
    assert_eq!(error.status_code(), 404);

    let error = RateLimited {
        retry_after_secs: 3,
    };
    assert_eq!(error.error_message(), "slow down: 3 s");
    assert_eq!(error.error_type(), "rate_limited");
    let envelope = error.envelope("request-1");
    assert_eq!(envelope.error_message(), "slow down: 3 s");
    assert_eq!(envelope.status_code(), 429);
}
