//! The typed view of parsed envelopes, against the built-in catalogs: every entry comes back
//! from the wire as itself, and an error_type a set does not declare comes back verbatim.

use stytch_errors::{
    B2bError, ConsumerError, ErrorEnvelope, ErrorSet, HasKind, Shape, StytchError, Typed,
};

fn parse(body: &str) -> ErrorEnvelope<'static> {
    ErrorEnvelope::parse(body.as_bytes()).unwrap_or_else(|error| panic!("{error}"))
}

/// Every entry of `E`, sent in both shapes and read back, is known to `E` as itself.
fn every_entry_comes_back_as_itself<E: ErrorSet>() {
    for &entry in E::ALL {
        for shape in [Shape::Stytch, Shape::OAuth2] {
            let sent = entry.envelope("request-id-1").with_shape(shape);
            let body = serde_json::to_string(&sent).unwrap();
            let received = parse(&body);
            assert_eq!(received, sent, "{body}");
            assert_eq!(received.typed::<E>(), Typed::Known(entry), "{body}");
            assert_eq!(received.typed::<E>().error_type(), entry.error_type());
        }
    }
}

#[test]
fn every_consumer_entry_comes_back_as_itself() {
    every_entry_comes_back_as_itself::<ConsumerError>();
}

#[test]
fn every_b2b_entry_comes_back_as_itself() {
    every_entry_comes_back_as_itself::<B2bError>();
}

#[test]
fn a_name_is_known_to_the_catalogs_that_declare_it() {
    let consumer_only = parse(
        r#"{"status_code":404,"error_type":"crypto_wallet_not_found","error_message":"Crypto wallet could not be found."}"#,
    );
    assert_eq!(
        consumer_only.typed::<ConsumerError>(),
        Typed::Known(ConsumerError::crypto_wallet_not_found)
    );
    assert_eq!(
        consumer_only.typed::<B2bError>(),
        Typed::Unknown("crypto_wallet_not_found")
    );

    let b2b_only = parse(
        r#"{"status_code":404,"error":"insufficient_factors_for_session_exchange","error_description":"Use a magic link."}"#,
    );
    assert!(b2b_only.typed::<B2bError>().is_known());
    assert!(!b2b_only.typed::<ConsumerError>().is_known());
}

#[test]
fn an_unknown_name_is_kept_verbatim_never_a_failure() {
    for error_type in [
        "widget_not_found",
        "Email_Not_Found",
        "email_not_found ",
        "",
        "emoji_\u{1F600}",
    ] {
        let body = serde_json::json!({
            "status_code": 404,
            "error_type": error_type,
            "error_message": "m",
        })
        .to_string();
        let envelope = parse(&body);
        let typed = envelope.typed::<ConsumerError>();
        assert_eq!(typed, Typed::Unknown(error_type));
        assert_eq!(typed.unknown(), Some(error_type));
        assert_eq!(typed.known(), None);
        assert_eq!(typed.error_type(), error_type);
    }
}

#[test]
fn the_known_entry_is_found_whatever_status_and_message_came_with_it() {
    let envelope = parse(
        r#"{"status_code":500,"error_type":"email_not_found","error_message":"Something else.","error_details":{"x":1}}"#,
    );
    let typed = envelope.typed::<ConsumerError>();
    assert_eq!(typed.known(), Some(ConsumerError::EmailNotFound));
    assert_eq!(typed.unknown(), None);
    // The envelope keeps what the server sent.
    assert_eq!(envelope.status_code(), 500);
    assert_eq!(envelope.error_message(), "Something else.");
}

/// A value typed by its kind: for a set, the kind is the set, and each entry is its own kind.
fn typed_by_kind<E: HasKind + StytchError>(error: &E) -> bool {
    let body = serde_json::to_string(&error.envelope("request-id-2")).unwrap();
    parse(&body).typed::<E::Kind>() == Typed::Known(error.kind())
}

#[test]
fn a_set_entry_is_typed_as_its_own_kind() {
    for &entry in ConsumerError::ALL {
        assert_eq!(entry.kind(), entry);
        assert!(typed_by_kind(&entry), "{entry:?}");
    }
}
