//! The built-in catalogs (`ConsumerError`, `B2bError`) checked field by field against the Stytch
//! pages they were declared from (copies in `tests/fixtures/`).
//!
//! Each page is parsed independently of the declarations, by the parsers in `seeds/`.

mod seeds;

use seeds::{
    B2B_PAGE, CONSUMER_PAGE, SeedEntry, mdx_to_markdown, parse_b2b_page, parse_consumer_page,
    sentence_case,
};
use stytch_errors::{B2bError, ConsumerError};

/// The request id used in every JSON example of both pages.
const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

// ---------------------------------------------------------------------------------------------
// Checks shared by both catalogs
// ---------------------------------------------------------------------------------------------

/// A catalog entry seen through the accessors under test.
struct Declared {
    info: &'static stytch_errors::ErrorInfo,
    error_type: &'static str,
    message: &'static str,
    status_code: u16,
    url: &'static str,
}

fn consumer_declared() -> Vec<Declared> {
    ConsumerError::ALL
        .iter()
        .map(|e| Declared {
            info: e.info(),
            error_type: e.error_type(),
            message: e.error_message(),
            status_code: e.status_code(),
            url: e.error_url(),
        })
        .collect()
}

fn b2b_declared() -> Vec<Declared> {
    B2bError::ALL
        .iter()
        .map(|e| Declared {
            info: e.info(),
            error_type: e.error_type(),
            message: e.error_message(),
            status_code: e.status_code(),
            url: e.error_url(),
        })
        .collect()
}

fn check_seed_page_itself(api: &str, seeds: &[SeedEntry], expected_len: usize) {
    assert_eq!(
        seeds.len(),
        expected_len,
        "{api}: entries found on the seed page"
    );
    for seed in seeds {
        let error_type = seed.json_str("error_type");
        assert_eq!(
            seed.heading, error_type,
            "{api} {error_type}: heading vs JSON error_type"
        );
        assert_eq!(
            seed.badge_status,
            seed.status_code(),
            "{api} {error_type}: badge vs JSON status_code"
        );
        assert_eq!(
            seed.json_str("request_id"),
            REQUEST_ID,
            "{api} {error_type}: request_id"
        );
        assert!(
            !seed.title.is_empty(),
            "{api} {error_type}: no title parsed"
        );
        assert!(
            !seed.description.is_empty(),
            "{api} {error_type}: no description parsed"
        );
    }
}

fn check_order(api: &str, declared: &[Declared], seeds: &[SeedEntry]) {
    let declared: Vec<&str> = declared.iter().map(|d| d.error_type).collect();
    let seeds: Vec<&str> = seeds.iter().map(|s| s.json_str("error_type")).collect();
    assert_eq!(declared, seeds, "{api}: ALL is not in page order");
}

fn check_fields(api: &str, declared: &[Declared], seeds: &[SeedEntry]) {
    assert_eq!(declared.len(), seeds.len(), "{api}: entry count");
    for (d, seed) in declared.iter().zip(seeds) {
        let info = d.info;
        let et = seed.json_str("error_type");
        assert_eq!(info.error_type(), et, "{api} {et}: error_type");
        assert_eq!(d.error_type, et, "{api} {et}: error_type()");
        assert_eq!(
            info.status_code(),
            seed.status_code(),
            "{api} {et}: status_code"
        );
        assert_eq!(
            d.status_code,
            seed.status_code(),
            "{api} {et}: status_code()"
        );
        assert_eq!(
            info.error_message(),
            seed.json_str("error_message"),
            "{api} {et}: error_message"
        );
        assert_eq!(
            d.message,
            seed.json_str("error_message"),
            "{api} {et}: error_message()"
        );
        assert_eq!(
            info.error_url(),
            seed.json_str("error_url"),
            "{api} {et}: error_url"
        );
        assert_eq!(d.url, seed.json_str("error_url"), "{api} {et}: error_url()");
        assert_eq!(info.title(), seed.title, "{api} {et}: title");
        assert_eq!(
            info.description(),
            seed.description,
            "{api} {et}: description"
        );
        assert_eq!(info.causes(), seed.causes.as_slice(), "{api} {et}: causes");
        assert_eq!(
            info.troubleshooting(),
            seed.troubleshooting.as_slice(),
            "{api} {et}: troubleshooting"
        );
    }
}

fn check_envelopes(api: &str, declared: &[Declared], seeds: &[SeedEntry]) {
    assert_eq!(declared.len(), seeds.len(), "{api}: entry count");
    for (d, seed) in declared.iter().zip(seeds) {
        let et = seed.json_str("error_type");
        let envelope = serde_json::to_value(d.info.envelope(REQUEST_ID))
            .unwrap_or_else(|e| panic!("{api} {et}: envelope does not serialize: {e}"));
        assert_eq!(
            envelope, seed.json,
            "{api} {et}: envelope vs the page's JSON example"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Consumer catalog
// ---------------------------------------------------------------------------------------------

#[test]
fn consumer_seed_page_parses_into_41_consistent_entries() {
    check_seed_page_itself("consumer", &parse_consumer_page(CONSUMER_PAGE), 41);
}

#[test]
fn consumer_catalog_has_41_entries() {
    assert_eq!(ConsumerError::ALL.len(), 41);
}

#[test]
fn consumer_catalog_is_in_page_order() {
    check_order(
        "consumer",
        &consumer_declared(),
        &parse_consumer_page(CONSUMER_PAGE),
    );
}

#[test]
fn consumer_catalog_fields_match_the_page() {
    check_fields(
        "consumer",
        &consumer_declared(),
        &parse_consumer_page(CONSUMER_PAGE),
    );
}

#[test]
fn consumer_envelopes_equal_the_page_json_examples() {
    check_envelopes(
        "consumer",
        &consumer_declared(),
        &parse_consumer_page(CONSUMER_PAGE),
    );
}

#[test]
fn consumer_from_error_type_finds_every_entry() {
    for &e in ConsumerError::ALL {
        assert_eq!(
            ConsumerError::from_error_type(e.error_type()),
            Some(e),
            "consumer {}: from_error_type",
            e.error_type()
        );
    }
    assert_eq!(ConsumerError::from_error_type("email_not_fond"), None);
}

// ---------------------------------------------------------------------------------------------
// B2B catalog
// ---------------------------------------------------------------------------------------------

#[test]
fn b2b_seed_page_parses_into_34_consistent_entries() {
    check_seed_page_itself("b2b", &parse_b2b_page(B2B_PAGE), 34);
}

#[test]
fn b2b_catalog_has_34_entries() {
    assert_eq!(B2bError::ALL.len(), 34);
}

#[test]
fn b2b_catalog_is_in_page_order() {
    check_order("b2b", &b2b_declared(), &parse_b2b_page(B2B_PAGE));
}

#[test]
fn b2b_catalog_fields_match_the_page() {
    check_fields("b2b", &b2b_declared(), &parse_b2b_page(B2B_PAGE));
}

#[test]
fn b2b_envelopes_equal_the_page_json_examples() {
    check_envelopes("b2b", &b2b_declared(), &parse_b2b_page(B2B_PAGE));
}

#[test]
fn b2b_from_error_type_finds_every_entry() {
    for &e in B2bError::ALL {
        assert_eq!(
            B2bError::from_error_type(e.error_type()),
            Some(e),
            "b2b {}: from_error_type",
            e.error_type()
        );
    }
    assert_eq!(B2bError::from_error_type("email_not_fond"), None);
}

// ---------------------------------------------------------------------------------------------
// The parsers' conversions themselves
// ---------------------------------------------------------------------------------------------

#[test]
fn sentence_case_matches_stytch_titles() {
    assert_eq!(sentence_case("email_not_found"), "Email not found");
    assert_eq!(
        sentence_case("idp_auth_code_not_found"),
        "Idp auth code not found"
    );
}

#[test]
fn mdx_conversion_unescapes_and_turns_html_links_into_markdown() {
    assert_eq!(
        mdx_to_markdown("public\\_token could not be found."),
        "public_token could not be found."
    );
    assert_eq!(
        mdx_to_markdown("using the <a href=\"/docs/api/session-get\">get sessions endpoint</a>."),
        "using the [get sessions endpoint](/docs/api/session-get)."
    );
    assert_eq!(
        mdx_to_markdown("a `token` and [x](https://y)"),
        "a `token` and [x](https://y)"
    );
}
