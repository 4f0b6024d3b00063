//! Stytch's error pages (copies in `tests/fixtures/`) parsed into their entries, independently of
//! the declarations, by a small line-based parser for each page's format:
//! - the consumer page is MDX: title in `<strong>`, description in the `<p>` after the badge,
//!   causes and troubleshooting as `<li>` items after their headings. MDX escapes (`\_`) are
//!   undone and HTML links become Markdown links; inline code and Markdown links stay as written.
//! - the B2B page is a plain-text rendering: its prose is carried exactly as printed, and it shows
//!   no titles, so titles are the default (the error_type in sentence case).
//!
//! Shared by the tests that compare the built-in catalogs with the pages.

#![allow(dead_code)] // Each test uses its own part of it.

use serde_json::Value;

pub const CONSUMER_PAGE: &str = include_str!("../fixtures/consumer-404.mdx");
pub const B2B_PAGE: &str = include_str!("../fixtures/b2b-404.txt");

/// One entry of a documentation page, as the page states it.
#[derive(Debug, Default)]
pub struct SeedEntry {
    /// The entry's heading (its error_type as printed).
    pub heading: String,
    /// The status on the entry's badge.
    pub badge_status: u16,
    pub title: String,
    pub description: String,
    pub causes: Vec<String>,
    pub troubleshooting: Vec<String>,
    /// The JSON example.
    pub json: Value,
}

impl SeedEntry {
    pub fn json_str(&self, key: &str) -> &str {
        self.json[key]
            .as_str()
            .unwrap_or_else(|| panic!("{}: JSON example has no string `{key}`", self.heading))
    }

    pub fn status_code(&self) -> u16 {
        let status = self.json["status_code"]
            .as_u64()
            .unwrap_or_else(|| panic!("{}: JSON example has no `status_code`", self.heading));
        u16::try_from(status).unwrap()
    }
}

/// `email_not_found` -> "Email not found": underscores to spaces, first letter uppercased.
pub fn sentence_case(error_type: &str) -> String {
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
pub fn mdx_to_markdown(text: &str) -> String {
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
pub fn between<'a>(line: &'a str, open: &str, close: &str) -> Option<&'a str> {
    line.strip_prefix(open)?.strip_suffix(close)
}

pub fn parse_consumer_page(page: &str) -> Vec<SeedEntry> {
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

pub const BULLET: &str = "  \u{2022} ";

pub fn is_error_type(line: &str) -> bool {
    !line.is_empty()
        && line.starts_with(|c: char| c.is_ascii_lowercase())
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The status of a badge line such as `404Not found`.
pub fn b2b_badge_status(line: &str) -> Option<u16> {
    let status = line.get(..3)?;
    let reason = line.get(3..)?;
    (status.bytes().all(|b| b.is_ascii_digit()) && reason == "Not found")
        .then(|| status.parse().unwrap())
}

pub fn parse_b2b_page(page: &str) -> Vec<SeedEntry> {
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
