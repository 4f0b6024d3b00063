//! What `stytch_errors!` generates, exercised from a crate that depends on `stytch-errors` alone.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::mem::size_of;

use stytch_errors::{ErrorSet, StytchError, UnknownErrorType};
use stytch_errors_downstream::{WidgetError, internal_message};

#[test]
fn variants_and_wire_name_constants_are_the_same_values() {
    assert_eq!(WidgetError::widget_not_found, WidgetError::WidgetNotFound);
    assert_eq!(WidgetError::owner_not_found, WidgetError::OwnerNotFound);
    assert_eq!(WidgetError::r#type, WidgetError::Type);
    assert_eq!(
        WidgetError::ALL,
        [
            WidgetError::WidgetNotFound,
            WidgetError::OwnerNotFound,
            WidgetError::WidgetLocked,
            WidgetError::Type,
            WidgetError::WidgetStoreUnavailable,
        ]
    );
    assert_eq!(<WidgetError as ErrorSet>::ALL, WidgetError::ALL);
    assert_eq!(<WidgetError as ErrorSet>::NAME, "WidgetError");
}

#[test]
fn accessors_are_const() {
    const STATUS: u16 = WidgetError::widget_locked.status_code();
    const MESSAGE: &str = WidgetError::widget_locked.error_message();
    const ERROR_TYPE: &str = WidgetError::WidgetLocked.error_type();
    const URL: &str = WidgetError::WidgetLocked.error_url();
    assert_eq!(STATUS, 409);
    assert_eq!(MESSAGE, "Widget is locked by another request.");
    assert_eq!(ERROR_TYPE, "widget_locked");
    assert_eq!(URL, "https://example.com/docs/errors/409#widget_locked");
}

#[test]
fn details_and_their_defaults() {
    let owner = WidgetError::OwnerNotFound.info();
    assert_eq!(owner.title(), "Owner not found");
    assert_eq!(
        owner.description(),
        "There is no user with the supplied `owner_id`."
    );
    assert_eq!(
        owner.causes(),
        ["The owner was deleted after the widget was created."]
    );
    assert_eq!(
        owner.troubleshooting(),
        ["Reassign the widget, then retry.", "Or delete it."]
    );
    assert_eq!(owner.fragment(), "owner-missing");
    assert_eq!(
        owner.error_url(),
        "https://example.com/docs/errors/404#owner-missing"
    );

    let widget = WidgetError::WidgetNotFound.info();
    assert_eq!(widget.title(), "Widget not found");
    assert_eq!(widget.description(), "Widget could not be found.");
    assert!(widget.causes().is_empty());
    assert!(widget.troubleshooting().is_empty());
    assert_eq!(widget.fragment(), "widget_not_found");

    // An entry's own `url` replaces the set's template, placeholders included.
    assert_eq!(
        WidgetError::Type.error_url(),
        "https://example.com/docs/widgets/types#type-409"
    );
    assert_eq!(internal_message(), "Something went wrong.");
}

#[test]
fn lookup_by_wire_name_finds_every_entry_and_nothing_else() {
    for &entry in WidgetError::ALL {
        assert_eq!(
            WidgetError::from_error_type(entry.error_type()),
            Some(entry)
        );
        assert_eq!(entry.error_type().parse::<WidgetError>(), Ok(entry));
    }
    for missing in [
        "",
        "widget",
        "Widget_Not_Found",
        "widget_not_found ",
        "zzz",
        "a",
    ] {
        assert_eq!(WidgetError::from_error_type(missing), None, "{missing:?}");
    }
}

#[test]
fn from_str_names_the_unknown_string_and_the_closest_name() {
    let error: UnknownErrorType = "widget_not_fond".parse::<WidgetError>().unwrap_err();
    assert_eq!(error.error_type(), "widget_not_fond");
    assert_eq!(error.set_name(), "WidgetError");
    assert_eq!(error.suggestion(), Some("widget_not_found"));
    assert_eq!(
        error.to_string(),
        "unknown error_type `widget_not_fond` for WidgetError; did you mean `widget_not_found`?"
    );
    let far = "gizmo_exploded".parse::<WidgetError>().unwrap_err();
    assert_eq!(
        far.to_string(),
        "unknown error_type `gizmo_exploded` for WidgetError"
    );
}

#[test]
fn std_traits() {
    assert_eq!(format!("{:?}", WidgetError::OwnerNotFound), "OwnerNotFound");
    assert_eq!(
        WidgetError::OwnerNotFound.to_string(),
        "The widget's owner could not be found."
    );
    assert_eq!(
        format!("{:>10}", WidgetError::Type),
        "The widget's type is read-only."
    );
    assert_eq!(format!("{:.6}", WidgetError::WidgetLocked), "Widget");
    // Ord is declaration order, not alphabetical.
    let sorted: Vec<_> = WidgetError::ALL
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(sorted, WidgetError::ALL);
    assert!(WidgetError::WidgetNotFound < WidgetError::OwnerNotFound);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(WidgetError::WidgetLocked);
    assert_eq!(boxed.to_string(), "Widget is locked by another request.");
}

#[test]
fn a_set_is_one_byte() {
    assert_eq!(size_of::<WidgetError>(), 1);
    assert_eq!(size_of::<Option<WidgetError>>(), 1);
}

#[test]
fn stytch_error_through_a_trait_object() {
    let error: &dyn StytchError = &WidgetError::OwnerNotFound;
    assert_eq!(error.status_code(), 404);
    assert_eq!(error.error_type(), "owner_not_found");
    assert_eq!(
        error.error_message(),
        "The widget's owner could not be found."
    );
    assert_eq!(
        error.error_url(),
        "https://example.com/docs/errors/404#owner-missing"
    );
    assert_eq!(error.entry_info(), Some(WidgetError::OwnerNotFound.info()));

    let envelope = error.envelope("request-1");
    assert_eq!(envelope.status_code(), 404);
    assert_eq!(envelope.request_id(), Some("request-1"));
    assert_eq!(envelope.error_type(), "owner_not_found");
    assert_eq!(
        envelope.error_url(),
        Some("https://example.com/docs/errors/404#owner-missing")
    );
    assert_eq!(
        envelope.to_string(),
        "404 owner_not_found: The widget's owner could not be found."
    );
}

#[test]
fn static_data_is_borrowed_not_copied() {
    let error = WidgetError::WidgetLocked;
    assert!(matches!(
        StytchError::error_message(&error),
        Cow::Borrowed(_)
    ));
    let info: &'static stytch_errors::ErrorInfo = error.info();
    assert!(std::ptr::eq(info, WidgetError::widget_locked.info()));
    let message: &'static str = error.error_message();
    assert!(std::ptr::eq(message, info.error_message()));
}

#[test]
fn the_envelope_serializes_to_the_wire_shape() {
    let json = serde_json::to_string(&WidgetError::WidgetLocked.envelope("req-\"1\"")).unwrap();
    assert_eq!(
        json,
        r#"{"status_code":409,"request_id":"req-\"1\"","error_type":"widget_locked","error_message":"Widget is locked by another request.","error_url":"https://example.com/docs/errors/409#widget_locked"}"#
    );
}

#[test]
fn serde_uses_the_wire_name() {
    assert_eq!(
        serde_json::to_string(&WidgetError::OwnerNotFound).unwrap(),
        r#""owner_not_found""#
    );
    let back: WidgetError = serde_json::from_str(r#""owner_not_found""#).unwrap();
    assert_eq!(back, WidgetError::OwnerNotFound);
    let all: Vec<WidgetError> =
        serde_json::from_str(&serde_json::to_string(WidgetError::ALL).unwrap()).unwrap();
    assert_eq!(all, WidgetError::ALL);

    let error = serde_json::from_str::<WidgetError>(r#""OwnerNotFound""#).unwrap_err();
    assert!(
        error.to_string().contains(
            "unknown error_type `OwnerNotFound` for WidgetError; did you mean `owner_not_found`?"
        ),
        "{error}"
    );
    let error = serde_json::from_str::<WidgetError>("404").unwrap_err();
    assert!(
        error.to_string().contains("an error_type of WidgetError"),
        "{error}"
    );
}

#[test]
fn generic_code_over_error_sets() {
    fn statuses<E: ErrorSet>() -> BTreeSet<u16> {
        E::ALL
            .iter()
            .map(|entry| entry.info().status_code())
            .collect()
    }
    assert_eq!(statuses::<WidgetError>(), BTreeSet::from([404, 409, 503]));
    assert_eq!(
        WidgetError::similar("widget"),
        [
            WidgetError::WidgetLocked,
            WidgetError::WidgetNotFound,
            WidgetError::WidgetStoreUnavailable
        ]
    );
    assert_eq!(
        <WidgetError as ErrorSet>::from_error_type("type"),
        Some(WidgetError::Type)
    );
}
