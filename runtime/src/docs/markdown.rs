//! `MarkdownPage`: the errors of a type as one Markdown page.

use std::fmt;

use super::{EXAMPLE_REQUEST_ID, json_example};
use crate::{ErrorCatalog, ErrorInfo};

/// A Markdown page documenting errors, one section per entry in declaration order, in the shape
/// of Stytch's error pages: a heading with the `error_type`, the status and title, the
/// description, the common causes, the troubleshooting steps, and the JSON example of the
/// envelope with its `error_url`.
///
/// Build one with [`MarkdownPage::of`] and print it with `Display`:
///
/// ```
/// use stytch_errors::ConsumerError;
/// use stytch_errors::docs::MarkdownPage;
///
/// let page = MarkdownPage::of::<ConsumerError>().title("Consumer API errors").to_string();
/// assert!(page.starts_with("# Consumer API errors\n"));
/// assert!(page.contains("\n## email_not_found\n"));
/// ```
///
/// Each entry renders as:
///
/// ````markdown
/// ## email_not_found
///
/// **404** · **Email not found**
///
/// There is not a user in this project associated with the supplied `email` or `email_id`.
///
/// ### Common causes
///
/// - The user mistypes their email when trying to authenticate via an email-based method …
///
/// ### Troubleshooting
///
/// - Prompt the user to check their inputted email, and try again
///
/// ```json
/// {
///   "status_code": 404,
///   "request_id": "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
///   "error_type": "email_not_found",
///   "error_message": "Email could not be found.",
///   "error_url": "https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"
/// }
/// ```
/// ````
///
/// The headings are the error_types, so their anchors are the default fragments of the
/// entries' URLs. Sections without causes or troubleshooting steps leave those headings out.
#[derive(Debug, Clone)]
pub struct MarkdownPage<'a> {
    title: &'a str,
    intro: Option<&'a str>,
    request_id: &'a str,
    entries: Vec<&'static ErrorInfo>,
}

impl<'a> MarkdownPage<'a> {
    /// The page of every error of `E`, a set or a type deriving `StytchError`, titled with its
    /// name.
    #[must_use]
    pub fn of<E: ErrorCatalog>() -> Self {
        Self::from_entries(E::TYPE_NAME, E::errors())
    }

    /// A page of the given entries, in that order.
    #[must_use]
    pub fn from_entries(
        title: &'a str,
        entries: impl IntoIterator<Item = &'static ErrorInfo>,
    ) -> Self {
        MarkdownPage {
            title,
            intro: None,
            request_id: EXAMPLE_REQUEST_ID,
            entries: entries.into_iter().collect(),
        }
    }

    /// Replaces the page's title (its `#` heading).
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = title;
        self
    }

    /// A paragraph under the title (Markdown).
    #[must_use]
    pub fn intro(mut self, intro: &'a str) -> Self {
        self.intro = Some(intro);
        self
    }

    /// The `request_id` of the JSON examples; by default the one Stytch's pages show.
    #[must_use]
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = request_id;
        self
    }
}

impl fmt::Display for MarkdownPage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# {}", self.title)?;
        if let Some(intro) = self.intro {
            write!(f, "\n{intro}\n")?;
        }
        for (index, info) in self.entries.iter().enumerate() {
            if index > 0 {
                f.write_str("\n---\n")?;
            }
            entry(f, info, self.request_id)?;
        }
        Ok(())
    }
}

fn entry(f: &mut fmt::Formatter<'_>, info: &ErrorInfo, request_id: &str) -> fmt::Result {
    write!(
        f,
        "\n## {}\n\n**{}** · **{}**{}\n\n{}\n",
        info.error_type(),
        info.status_code(),
        info.title(),
        if info.deprecated() {
            " · *Deprecated*"
        } else {
            ""
        },
        info.description()
    )?;
    list(f, "Common causes", info.causes())?;
    list(f, "Troubleshooting", info.troubleshooting())?;
    write!(f, "\n```json\n{}```\n", json_example(info, request_id))
}

fn list(f: &mut fmt::Formatter<'_>, heading: &str, items: &[&str]) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    write!(f, "\n### {heading}\n\n")?;
    for item in items {
        // Continuation lines are indented so that they stay in the item.
        writeln!(f, "- {}", item.replace('\n', "\n  "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::MarkdownPage;
    use crate::ErrorInfo;

    static BARE: ErrorInfo = ErrorInfo::__new(
        409,
        "widget_locked",
        "Widget \"7\" is locked.\tRetry.",
        "https://example.com/errors/409#widget_locked",
        "widget_locked",
        "Widget locked",
        "Widget is locked.",
        &[],
        &[],
        r#"","error_type":"widget_locked","error_message":"Widget \"7\" is locked.\tRetry.","error_url":"https://example.com/errors/409#widget_locked"}"#,
    )
    .__deprecated(true);
    static FULL: ErrorInfo = ErrorInfo::__new(
        404,
        "widget_not_found",
        "Widget could not be found.",
        "https://example.com/errors/404#widget_not_found",
        "widget_not_found",
        "Widget not found",
        "No widget has the `widget_id`.",
        &["It was deleted.", "Two\nlines."],
        &["Create it."],
        r#"","error_type":"widget_not_found","error_message":"Widget could not be found.","error_url":"https://example.com/errors/404#widget_not_found"}"#,
    );

    #[test]
    fn renders_each_part_of_an_entry_and_skips_empty_lists() {
        let page = MarkdownPage::from_entries("Widget errors", [&FULL, &BARE])
            .intro("Errors of the widget API.")
            .request_id("request-id-1")
            .to_string();
        let expected = r#"# Widget errors

Errors of the widget API.

## widget_not_found

**404** · **Widget not found**

No widget has the `widget_id`.

### Common causes

- It was deleted.
- Two
  lines.

### Troubleshooting

- Create it.

```json
{
  "status_code": 404,
  "request_id": "request-id-1",
  "error_type": "widget_not_found",
  "error_message": "Widget could not be found.",
  "error_url": "https://example.com/errors/404#widget_not_found"
}
```

---

## widget_locked

**409** · **Widget locked** · *Deprecated*

Widget is locked.

```json
{
  "status_code": 409,
  "request_id": "request-id-1",
  "error_type": "widget_locked",
  "error_message": "Widget \"7\" is locked.\tRetry.",
  "error_url": "https://example.com/errors/409#widget_locked"
}
```
"#;
        assert_eq!(page, expected);
    }

    #[test]
    fn the_json_example_is_the_serialized_envelope() {
        let page = MarkdownPage::from_entries("t", [&BARE]).to_string();
        let start = page.find("```json\n").unwrap() + "```json\n".len();
        let end = start + page[start..].find("```").unwrap();
        let example: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        let envelope = serde_json::to_value(
            BARE.envelope("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"),
        )
        .unwrap();
        assert_eq!(example, envelope);
    }
}
