//! `ErrorInfo`: its catalog view in JSON, and the envelope it builds.

use stytch_errors_runtime::ErrorInfo;

static INFO: ErrorInfo = ErrorInfo::__new(
    404,
    "owner_not_found",
    "The widget's owner could not be found.",
    "https://example.com/docs/errors/404#owner-missing",
    "owner-missing",
    "Owner not found",
    "There is no user with the supplied `owner_id`.",
    &["The owner was deleted."],
    &[],
    r#"","error_type":"owner_not_found","error_message":"The widget's owner could not be found.","error_url":"https://example.com/docs/errors/404#owner-missing"}"#,
);

#[test]
fn serializes_the_catalog_view_in_order() {
    assert_eq!(
        serde_json::to_string(&INFO).unwrap(),
        concat!(
            r#"{"status_code":404,"error_type":"owner_not_found","title":"Owner not found","#,
            r#""error_message":"The widget's owner could not be found.","#,
            r#""description":"There is no user with the supplied `owner_id`.","#,
            r#""causes":["The owner was deleted."],"troubleshooting":[],"#,
            r#""error_url":"https://example.com/docs/errors/404#owner-missing"}"#
        )
    );
}

#[test]
fn builds_the_envelope_of_one_response() {
    let envelope = INFO.envelope("req-9");
    assert_eq!(envelope.status_code(), 404);
    assert_eq!(envelope.request_id(), Some("req-9"));
    assert_eq!(envelope.error_type(), "owner_not_found");
    assert_eq!(
        envelope.error_message(),
        "The widget's owner could not be found."
    );
    assert_eq!(
        envelope.error_url(),
        Some("https://example.com/docs/errors/404#owner-missing")
    );
}
