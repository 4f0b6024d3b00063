//! A set of the real Stytch error_types: every name is found, in declaration order, and misses
//! are misses.

use std::mem::size_of;

use stytch_errors::ErrorSet;
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
