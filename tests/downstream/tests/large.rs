//! A set of the real Stytch error_types (beyond 128 entries `from_error_type` is a perfect hash
//! rather than a `match`): every name is found, in declaration order, misses are misses, and
//! every entry writes the bytes serde_json writes.

use std::mem::size_of;

use stytch_errors::{ErrorSet, StytchError};
use stytch_errors_downstream::LargeError;

const NAMES: &str = include_str!("../../fixtures/stytch_error_types.txt");

#[test]
fn every_name_round_trips() {
    let names: Vec<&str> = NAMES.lines().filter(|line| !line.is_empty()).collect();
    assert_eq!(names.len(), 804);
    // The longest real names, 67 and 74 bytes, are declared like the others.
    assert_eq!(names.iter().map(|name| name.len()).max(), Some(74));
    assert!(
        names.contains(
            &"invalid_organization_auth_factor_setting_for_oauth_tenant_jit_provisioning"
        )
    );
    assert_eq!(LargeError::ALL.len(), 804);
    for name in &names {
        let entry = LargeError::from_error_type(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(entry.error_type(), *name);
        assert_eq!(entry.error_message(), format!("The {name} error."));
        assert_eq!(
            entry.error_url(),
            format!(
                "https://example.com/docs/errors/{}#{name}",
                entry.status_code()
            )
        );
        let misspelled = format!("{name}x");
        let truncated = &name[..name.len() - 1];
        let upper = name.to_ascii_uppercase();
        for miss in [misspelled.as_str(), truncated, upper.as_str()] {
            if !names.contains(&miss) {
                assert_eq!(LargeError::from_error_type(miss), None, "{miss}");
            }
        }
    }
}

#[test]
fn declaration_order_follows_the_status_groups() {
    let statuses: Vec<u16> = LargeError::ALL
        .iter()
        .map(|entry| entry.status_code())
        .collect();
    assert!(
        statuses.is_sorted(),
        "groups are declared in ascending status order"
    );
    assert_eq!(
        <LargeError as ErrorSet>::ALL
            .first()
            .map(|e| e.status_code()),
        Some(400)
    );
}

#[test]
fn a_set_of_more_than_256_entries_is_two_bytes() {
    assert_eq!(size_of::<LargeError>(), 2);
    assert_eq!(size_of::<Option<LargeError>>(), 2);
}

#[test]
fn nothing_but_a_declared_name_is_found() {
    let names: Vec<&str> = NAMES.lines().filter(|line| !line.is_empty()).collect();
    let mut misses = vec![
        String::new(),
        "_".to_owned(),
        "x".repeat(10_000),
        "é".to_owned(),
    ];
    for name in &names {
        let mut changed = name.as_bytes().to_vec();
        let last = changed.len() - 1;
        changed[last] = if changed[last] == b'z' {
            b'a'
        } else {
            changed[last] + 1
        };
        misses.push(String::from_utf8(changed).unwrap());
        misses.push(format!("_{name}"));
        misses.push(format!("{name}\0"));
        misses.push(format!("{name}é"));
    }
    for miss in misses.iter().filter(|miss| !names.contains(&miss.as_str())) {
        assert_eq!(LargeError::from_error_type(miss), None, "{miss:?}");
    }
}

#[test]
fn every_entry_writes_the_bytes_serde_json_writes() {
    for id in ["", "request-id-1", "quote\" backslash\\ newline\n é \u{1}"] {
        for entry in LargeError::ALL {
            let envelope = entry.envelope(id);
            let mut written = Vec::new();
            envelope.write_json(&mut written).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(&envelope).unwrap()
            );
        }
    }
}

/// A derived type with the 804-name set as a transparent field: its kind lists the set's names
/// and its own, each once, and finds each.
#[test]
fn a_derived_type_over_the_large_set_types_every_name() {
    use stytch_errors::{ErrorCatalog, HasKind};
    use stytch_errors_downstream::derived::{LargeAppError, LargeAppErrorKind};

    let all = LargeAppErrorKind::ALL;
    // The own variant and the entry, and the set's names but the entry's.
    assert_eq!(all.len(), 1 + 804);
    assert_eq!(
        all[..2],
        [LargeAppErrorKind::WidgetGone, LargeAppErrorKind::NoEmail]
    );
    let names: std::collections::HashSet<&str> = all.iter().map(|kind| kind.error_type()).collect();
    assert_eq!(names.len(), all.len());
    let listed: Vec<&str> = LargeAppError::errors()
        .iter()
        .map(|info| info.error_type())
        .collect();
    let kinds: Vec<&str> = all.iter().map(|kind| kind.error_type()).collect();
    assert_eq!(listed, kinds);
    for entry in LargeError::ALL {
        let kind = LargeAppError::Large(*entry).kind();
        assert_eq!(
            LargeAppErrorKind::from_error_type(entry.error_type()),
            Some(kind)
        );
        assert_eq!(kind.error_type(), entry.error_type());
        let expected = if *entry == LargeError::email_not_found {
            LargeAppErrorKind::NoEmail
        } else {
            LargeAppErrorKind::Large(*entry)
        };
        assert_eq!(kind, expected);
    }
}
