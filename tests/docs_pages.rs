//! The Markdown pages rendered from the built-in catalogs carry every entry of Stytch's pages
//! (copies in `tests/fixtures/`), in page order: heading, status, title, description, causes,
//! troubleshooting steps, and the JSON example with its `error_url`.

mod seeds;

use seeds::{B2B_PAGE, CONSUMER_PAGE, SeedEntry, parse_b2b_page, parse_consumer_page};
use serde_json::Value;
use stytch_errors::docs::MarkdownPage;
use stytch_errors::{B2bError, ConsumerError, ErrorSet};

/// The rendered page cut into its entries' sections: the text after each `## ` heading line
/// start, the heading included.
fn sections(page: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = page.match_indices("\n## ").map(|(i, _)| i + 1).collect();
    starts.push(page.len());
    starts
        .windows(2)
        .map(|pair| &page[pair[0]..pair[1]])
        .collect()
}

/// The JSON example of a section.
fn json_example(api: &str, section: &str) -> Value {
    let start = section
        .find("```json\n")
        .unwrap_or_else(|| panic!("{api}: a section without JSON example:\n{section}"))
        + "```json\n".len();
    let end = start + section[start..].find("\n```").expect("a closed JSON block");
    serde_json::from_str(&section[start..end]).expect("a JSON example that parses")
}

/// Each text of the seed entry, in the order the page shows them: found in the section, each
/// after the one before.
fn check_section(api: &str, seed: &SeedEntry, section: &str) {
    let error_type = seed.json_str("error_type");
    let mut texts = vec![
        format!("## {error_type}\n"),
        format!("**{}**", seed.badge_status),
        format!("**{}**", seed.title),
        seed.description.clone(),
    ];
    texts.extend(seed.causes.iter().map(|cause| format!("- {cause}")));
    texts.extend(seed.troubleshooting.iter().map(|step| format!("- {step}")));
    texts.push(format!(
        "\"error_message\": {}",
        Value::from(seed.json_str("error_message"))
    ));
    texts.push(format!("\"error_url\": \"{}\"", seed.json_str("error_url")));
    let mut cursor = 0;
    for text in &texts {
        let found = section[cursor..].find(text.as_str()).unwrap_or_else(|| {
            panic!("{api} {error_type}: `{text}` missing or out of order in:\n{section}")
        });
        cursor += found + text.len();
    }
    if !seed.causes.is_empty() {
        assert!(
            section.contains("### Common causes\n"),
            "{api} {error_type}"
        );
    }
    if !seed.troubleshooting.is_empty() {
        assert!(
            section.contains("### Troubleshooting\n"),
            "{api} {error_type}"
        );
    }
    assert_eq!(
        json_example(api, section),
        seed.json,
        "{api} {error_type}: the JSON example is the page's"
    );
}

fn check_page<E: ErrorSet>(api: &str, seeds: &[SeedEntry]) {
    let page = MarkdownPage::of::<E>().to_string();
    assert!(
        page.starts_with(&format!("# {}\n", E::NAME)),
        "{api}: title"
    );
    let sections = sections(&page);
    assert_eq!(
        sections.len(),
        seeds.len(),
        "{api}: one section per seed entry"
    );
    for (seed, section) in seeds.iter().zip(&sections) {
        check_section(api, seed, section);
    }
}

#[test]
fn consumer_page_carries_every_seed_entry_in_order() {
    let seeds = parse_consumer_page(CONSUMER_PAGE);
    assert_eq!(seeds.len(), 41);
    check_page::<ConsumerError>("consumer", &seeds);
}

#[test]
fn b2b_page_carries_every_seed_entry_in_order() {
    let seeds = parse_b2b_page(B2B_PAGE);
    assert_eq!(seeds.len(), 34);
    check_page::<B2bError>("b2b", &seeds);
}

#[test]
fn title_intro_and_request_id_are_the_callers() {
    let page = MarkdownPage::of::<ConsumerError>()
        .title("Consumer API errors")
        .intro("Rendered from the declaration.")
        .request_id("request-id-docs")
        .to_string();
    assert!(page.starts_with("# Consumer API errors\n\nRendered from the declaration.\n\n## "));
    let first = sections(&page)[0];
    assert_eq!(
        json_example("consumer", first)["request_id"],
        "request-id-docs"
    );
    assert_eq!(
        page.matches("\"request_id\": \"request-id-docs\"").count(),
        41
    );
}
