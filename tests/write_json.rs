//! `ErrorEnvelope::write_json` writes the bytes serde_json writes, whether it copies the
//! precomputed fragments of a static entry or writes any other envelope member by member: for
//! every entry of both catalogs, with request ids that need escaping, and for envelopes that
//! are not an entry's (changed, built, parsed, in either shape, with nulls and extra fields).

use stytch_errors::{B2bError, ConsumerError, ErrorEnvelope, StytchError};

/// Request ids plain and hostile: quotes, backslashes, every control character, non-ASCII.
fn request_ids() -> Vec<String> {
    let mut ids = vec![
        String::new(),
        "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141".to_owned(),
        "quote\" backslash\\ slash/ tab\t newline\n".to_owned(),
        "é 😀 \u{7f} \u{2028}".to_owned(),
    ];
    ids.push((0u8..0x20).map(char::from).collect());
    ids
}

fn same_bytes(envelope: &ErrorEnvelope<'_>) {
    let mut written = Vec::new();
    envelope.write_json(&mut written).unwrap();
    let expected = serde_json::to_vec(envelope).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn every_entry_with_every_request_id() {
    for id in request_ids() {
        for entry in ConsumerError::ALL {
            same_bytes(&entry.envelope(&id));
            same_bytes(&entry.info().envelope(&id));
            same_bytes(&(entry as &dyn StytchError).envelope(&id));
        }
        for entry in B2bError::ALL {
            same_bytes(&entry.envelope(&id));
        }
    }
}

#[test]
fn envelopes_that_are_not_an_entry_as_it_is() {
    let entry = ConsumerError::EmailNotFound;
    // Changed after it was built: the fragments no longer apply.
    same_bytes(
        &entry
            .envelope("r")
            .with_error_url("https://example.com/other"),
    );
    same_bytes(&entry.envelope("r").with_shape(stytch_errors::Shape::OAuth2));
    same_bytes(
        &entry
            .envelope("r")
            .with_extra("error_details", serde_json::json!({"a": [1]})),
    );
    let mut with_extra = entry.envelope("r");
    with_extra
        .extra_mut()
        .insert("retry".to_owned(), true.into());
    same_bytes(&with_extra);
    // Built by hand, or parsed.
    same_bytes(&ErrorEnvelope::new(418, "teapot", "I'm a \"teapot\"."));
    let parsed = ErrorEnvelope::parse(
        br#"{"status_code":404,"request_id":null,"error_type":"x","error_message":"m","extra":{"k":"v"}}"#,
    )
    .unwrap();
    same_bytes(&parsed);
    same_bytes(&parsed.into_owned());
    // Text that needs escaping in every field, and an extra field named like one of the
    // shape's own, which is not written.
    for id in request_ids() {
        let mut hostile = ErrorEnvelope::new(400, id.as_str(), id.as_str())
            .with_request_id(id.as_str())
            .with_error_url(id.as_str());
        hostile
            .extra_mut()
            .insert("error_type".to_owned(), "shadow".into());
        hostile.extra_mut().insert(id.clone(), id.clone().into());
        same_bytes(&hostile);
        same_bytes(&hostile.clone().with_shape(stytch_errors::Shape::OAuth2));
    }
    // An OAuth2 body without `status_code`, which takes the response's status and is written
    // back without it.
    let oauth = stytch_errors::ApiError::new(
        400,
        &br#"{"error":"invalid_grant","error_description":"bad \"grant\"\n","error_uri":null}"#[..],
    );
    same_bytes(oauth.envelope().unwrap());
}

#[test]
fn the_fast_path_is_the_entrys_json() {
    let mut written = Vec::new();
    ConsumerError::email_not_found
        .envelope("request-id-1")
        .write_json(&mut written)
        .unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        concat!(
            r#"{"status_code":404,"request_id":"request-id-1","error_type":"email_not_found","#,
            r#""error_message":"Email could not be found.","#,
            r#""error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"}"#
        )
    );
}
