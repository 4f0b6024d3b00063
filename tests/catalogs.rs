//! The built-in catalogs (`ConsumerError`, `B2bError`) checked field by field against the Stytch
//! pages they were declared from (copies in `tests/fixtures/`).
//!
//! Each page is parsed here, independently of the declarations, with a small line-based parser
//! for its format:
//! - the consumer page is MDX: title in `<strong>`, description in the `<p>` after the badge,
//!   causes and troubleshooting as `<li>` items after their headings. MDX escapes (`\_`) are
//!   undone and HTML links become Markdown links; inline code and Markdown links stay as written.
//! - the B2B page is a plain-text rendering: its prose is carried exactly as printed, and it shows
//!   no titles, so titles are the default (the error_type in sentence case).

use serde_json::Value;
use stytch_errors::{B2bError, ConsumerError};

const CONSUMER_PAGE: &str = include_str!("fixtures/000_13e115e6d3fa74f3.txt");
const B2B_PAGE: &str = include_str!("fixtures/001_facf64d4e8840029.txt");

/// The request id used in every JSON example of both pages.
const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// One entry of a documentation page, as the page states it.
#[derive(Debug, Default)]
struct SeedEntry {
    /// The entry's heading (its error_type as printed).
    heading: String,
    /// The status on the entry's badge.
    badge_status: u16,
    title: String,
    description: String,
    causes: Vec<String>,
    troubleshooting: Vec<String>,
    /// The JSON example.
    json: Value,
}

impl SeedEntry {
    fn json_str(&self, key: &str) -> &str {
        self.json[key]
            .as_str()
            .unwrap_or_else(|| panic!("{}: JSON example has no string `{key}`", self.heading))
    }

    fn status_code(&self) -> u16 {
        let status = self.json["status_code"]
            .as_u64()
            .unwrap_or_else(|| panic!("{}: JSON example has no `status_code`", self.heading));
        u16::try_from(status).unwrap()
    }
}

/// `email_not_found` -> "Email not found": underscores to spaces, first letter uppercased.
fn sentence_case(error_type: &str) -> String {
    let spaced = error_type.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Consumer page (MDX)
// ---------------------------------------------------------------------------------------------

/// Converts MDX prose to Markdown: `\_` -> `_`, `<a href="X">Y</a>` -> `[Y](X)`. Everything else
/// (backticks, Markdown links) is kept verbatim. Panics on any other HTML left in the text.
fn mdx_to_markdown(text: &str) -> String {
    let mut text = text.replace("\\_", "_");
    while let Some(start) = text.find("<a href=\"") {
        let href_start = start + "<a href=\"".len();
        let href_end = href_start + text[href_start..].find("\">").expect("unterminated href");
        let label_start = href_end + "\">".len();
        let label_end = label_start + text[label_start..].find("</a>").expect("unterminated <a>");
        let link = format!(
            "[{}]({})",
            &text[label_start..label_end],
            &text[href_start..href_end]
        );
        text.replace_range(start..label_end + "</a>".len(), &link);
    }
    assert!(
        !text.contains('<') && !text.contains('>'),
        "unconverted HTML in consumer prose: {text}"
    );
    text
}

/// The text between `open` and `close` when `line` is exactly `open … close`.
fn between<'a>(line: &'a str, open: &str, close: &str) -> Option<&'a str> {
    line.strip_prefix(open)?.strip_suffix(close)
}

fn parse_consumer_page(page: &str) -> Vec<SeedEntry> {
    #[derive(Clone, Copy)]
    enum List {
        None,
        Causes,
        Troubleshooting,
    }

    let mut entries: Vec<SeedEntry> = Vec::new();
    let mut list = List::None;
    let mut json: Option<Vec<&str>> = None;
    let mut seen_description = false;

    for line in page.lines() {
        let trimmed = line.trim();

        if let Some(lines) = json.as_mut() {
            if trimmed == "```" {
                let entry = entries.last_mut().expect("JSON example outside an entry");
                entry.json = serde_json::from_str(&lines.join("\n"))
                    .unwrap_or_else(|e| panic!("{}: bad JSON example: {e}", entry.heading));
                json = None;
            } else {
                lines.push(line);
            }
            continue;
        }

        if let Some(heading) = line.strip_prefix("## ") {
            entries.push(SeedEntry {
                heading: mdx_to_markdown(heading),
                ..SeedEntry::default()
            });
            list = List::None;
            seen_description = false;
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            continue;
        };

        if let Some(rest) = trimmed.strip_prefix("<p><Badge color=\"red\">") {
            let (status, rest) = rest.split_once("</Badge> ").expect("badge line");
            entry.badge_status = status.parse().expect("badge status");
            let title = between(rest, "<strong>", "</strong></p>").expect("title in <strong>");
            entry.title = mdx_to_markdown(title);
        } else if let Some(text) = between(trimmed, "<p>", "</p>") {
            assert!(
                !seen_description,
                "{}: two description paragraphs",
                entry.heading
            );
            entry.description = mdx_to_markdown(text);
            seen_description = true;
        } else if trimmed == "<Heading noAnchor={true} level={3}>Common Causes</Heading>" {
            list = List::Causes;
        } else if trimmed == "<Heading noAnchor={true} level={3}>Troubleshooting</Heading>" {
            list = List::Troubleshooting;
        } else if let Some(item) = between(trimmed, "<li>", "</li>") {
            let item = mdx_to_markdown(item);
            match list {
                List::Causes => entry.causes.push(item),
                List::Troubleshooting => entry.troubleshooting.push(item),
                List::None => panic!("{}: list item outside a list: {item}", entry.heading),
            }
        } else if trimmed == "```js theme={null}" {
            json = Some(Vec::new());
            list = List::None;
        }
    }
    entries
}

// ---------------------------------------------------------------------------------------------
// B2B page (plain text)
// ---------------------------------------------------------------------------------------------

const BULLET: &str = "  \u{2022} ";

fn is_error_type(line: &str) -> bool {
    !line.is_empty()
        && line.starts_with(|c: char| c.is_ascii_lowercase())
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The status of a badge line such as `404Not found`.
fn b2b_badge_status(line: &str) -> Option<u16> {
    let status = line.get(..3)?;
    let reason = line.get(3..)?;
    (status.bytes().all(|b| b.is_ascii_digit()) && reason == "Not found")
        .then(|| status.parse().unwrap())
}

fn parse_b2b_page(page: &str) -> Vec<SeedEntry> {
    #[derive(Clone, Copy, PartialEq)]
    enum Part {
        Outside,
        Description,
        Causes,
        Troubleshooting,
        Error,
    }

    let lines: Vec<&str> = page.lines().collect();
    let mut entries: Vec<SeedEntry> = Vec::new();
    let mut part = Part::Outside;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        // An entry: its error_type, a blank line, then the badge line.
        if is_error_type(line)
            && lines.get(i + 1) == Some(&"")
            && let Some(status) = lines.get(i + 2).and_then(|l| b2b_badge_status(l))
        {
            entries.push(SeedEntry {
                heading: line.to_owned(),
                badge_status: status,
                title: sentence_case(line),
                ..SeedEntry::default()
            });
            part = Part::Description;
            i += 3;
            continue;
        }
        if part == Part::Outside || line.is_empty() {
            i += 1;
            continue;
        }
        let entry = entries.last_mut().unwrap();
        match line {
            "Common causes" => part = Part::Causes,
            "Troubleshooting steps" => part = Part::Troubleshooting,
            "Error" => part = Part::Error,
            "{" if part == Part::Error => {
                let end = i + lines[i..]
                    .iter()
                    .position(|l| *l == "}")
                    .expect("unterminated JSON example");
                entry.json = serde_json::from_str(&lines[i..=end].join("\n"))
                    .unwrap_or_else(|e| panic!("{}: bad JSON example: {e}", entry.heading));
                part = Part::Outside;
                i = end;
            }
            _ => {
                if let Some(item) = line.strip_prefix(BULLET) {
                    match part {
                        Part::Causes => entry.causes.push(item.to_owned()),
                        Part::Troubleshooting => entry.troubleshooting.push(item.to_owned()),
                        _ => panic!("{}: bullet outside a list: {line}", entry.heading),
                    }
                } else if part == Part::Description {
                    assert!(
                        entry.description.is_empty(),
                        "{}: two description paragraphs",
                        entry.heading
                    );
                    entry.description = line.to_owned();
                } else {
                    panic!("{}: unexpected line: {line}", entry.heading);
                }
            }
        }
        i += 1;
    }
    entries
}

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
            message: e.message(),
            status_code: e.status_code(),
            url: e.url(),
        })
        .collect()
}

fn b2b_declared() -> Vec<Declared> {
    B2bError::ALL
        .iter()
        .map(|e| Declared {
            info: e.info(),
            error_type: e.error_type(),
            message: e.message(),
            status_code: e.status_code(),
            url: e.url(),
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
            "{api} {et}: message()"
        );
        assert_eq!(
            info.error_url(),
            seed.json_str("error_url"),
            "{api} {et}: error_url"
        );
        assert_eq!(d.url, seed.json_str("error_url"), "{api} {et}: url()");
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
