//! Causes, `error_details` and the inputs that once were refused, at run time.

use std::collections::BTreeMap;
use std::error::Error as _;

use stytch_errors::{ErrorEnvelope, StytchError};
use stytch_errors_downstream::causes::{
    Caused, Configured, EntryFromMacro, FromMacro, Hrtb, HrtbBorrowed, Repeated, Retiring,
    SetFromMacro, Validation,
};

#[test]
fn macro_rules_callers_interpolate_and_name_entries() {
    let error = FromMacro { id: 7 };
    assert_eq!(error.to_string(), "Widget 7 could not be found.");
    assert_eq!(error.error_type(), "from_macro");
    assert_eq!(EntryFromMacro::Entry.error_type(), "email_not_found");
    assert_eq!(
        SetFromMacro::from_error_type("first_from_path"),
        Some(SetFromMacro::first_from_path)
    );
    assert_eq!(
        SetFromMacro::second_from_ident.error_message(),
        "The second."
    );
}

#[test]
fn a_field_shown_twice_and_higher_ranked_bounds() {
    assert_eq!(Repeated { id: 7 }.to_string(), "Widget 7 (7,    7)");
    assert_eq!(Hrtb { t: vec![1, 2] }.to_string(), "Bad input: [1, 2]");
    let input = vec![3];
    assert_eq!(HrtbBorrowed { t: &input }.to_string(), "Bad input: [3]");
}

#[test]
fn variants_under_cfg_are_compared_among_those_compiled_in() {
    assert_eq!(Configured::Present.error_type(), "gone");
    assert_eq!(Configured::Email.error_type(), "email_not_found");
}

fn question_mark() -> Result<(), Caused> {
    Err(std::io::Error::other("disk full"))?;
    Ok(())
}

#[test]
fn from_source_and_transparent_causes() {
    let error = question_mark().unwrap_err();
    assert_eq!(error.to_string(), "The store failed.");
    assert_eq!(error.status_code(), 500);
    assert_eq!(error.source().unwrap().to_string(), "disk full");
    // The cause is for logs: the envelope carries the message alone.
    let envelope = error.envelope("req-1");
    assert_eq!(envelope.error_message(), "The store failed.");
    assert!(envelope.extra().is_empty());

    let upstream = Caused::Upstream {
        name: "billing".to_owned(),
        cause: std::fmt::Error,
    };
    assert_eq!(
        upstream.source().unwrap().to_string(),
        std::fmt::Error.to_string()
    );
    let unavailable = Caused::Unavailable {
        source: "down for maintenance".into(),
    };
    assert_eq!(
        unavailable.source().unwrap().to_string(),
        "down for maintenance"
    );
    assert!(Caused::Missing.source().is_none());
    let wrapped = Caused::Wrapped(Repeated { id: 1 });
    assert!(wrapped.source().is_none());
    assert_eq!(wrapped.error_type(), "repeated");
    #[allow(deprecated)]
    let gone = Caused::Gone;
    assert_eq!(gone.status_code(), 410);
}

fn written(envelope: &ErrorEnvelope<'_>) -> serde_json::Value {
    let mut out = Vec::new();
    envelope.write_json(&mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn details_travel_as_error_details_on_both_paths() {
    let mut fields = BTreeMap::new();
    fields.insert("email".to_owned(), "is empty".to_owned());
    let error = Validation::Invalid { count: 1, fields };
    let envelope = error.envelope("req-1");
    let expected = serde_json::json!({
        "status_code": 400,
        "request_id": "req-1",
        "error_type": "invalid",
        "error_message": "1 fields are invalid.",
        "error_url": "https://example.com/docs/errors/400#invalid",
        "error_details": {"email": "is empty"},
    });
    assert_eq!(serde_json::to_value(&envelope).unwrap(), expected);
    assert_eq!(written(&envelope), expected);

    let email = Validation::Email(vec![1, 2]);
    let entry = email.envelope("req-2");
    assert_eq!(entry.error_type(), "email_not_found");
    assert_eq!(entry.error_details(), Some(&serde_json::json!([1, 2])));
    assert_eq!(written(&entry)["error_details"], serde_json::json!([1, 2]));

    let conflict = Validation::Conflict;
    let plain = conflict.envelope("req-3");
    assert_eq!(plain.error_details(), None);
    assert!(written(&plain).get("error_details").is_none());
}

#[test]
#[allow(deprecated)]
fn a_deprecated_entry_stays_declared() {
    assert_eq!(Retiring::ALL, [Retiring::retired, Retiring::current]);
    assert_eq!(
        Retiring::from_error_type("retired"),
        Some(Retiring::retired)
    );
}
