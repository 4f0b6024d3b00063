//! The rustdoc of generated variants: an entry's status, message, description, causes,
//! troubleshooting and URL, readable on docs.rs and in an editor's hover.

use super::valid::ModelEntry;

/// The generated paragraphs of an entry's documentation, each a Markdown line or block.
pub fn variant_doc(entry: &ModelEntry) -> String {
    let mut doc = String::new();
    if !entry.entry.docs.is_empty() {
        doc.push('\n');
    }
    doc.push_str(&format!(
        " **{}** `{}`: {}\n\n Message: {}\n",
        entry.status_code,
        entry.error_type,
        entry.title,
        code_span(&entry.message)
    ));
    if entry.description != entry.message {
        doc.push_str(&format!("\n {}\n", entry.description));
    }
    for (heading, items) in [
        ("Common causes", &entry.causes),
        ("Troubleshooting", &entry.troubleshooting),
    ] {
        if !items.is_empty() {
            doc.push_str(&format!("\n {heading}:\n\n"));
            for item in items {
                doc.push_str(&format!(" - {item}\n"));
            }
        }
    }
    doc.push_str(&format!("\n Documentation: <{}>", entry.url));
    doc
}

/// `text` as an inline code span, fenced with more backticks than it contains in a row.
fn code_span(text: &str) -> String {
    if !text.contains('`') {
        return format!("`{text}`");
    }
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::code_span;

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code_span("plain"), "`plain`");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("`b`"), "`` `b` ``");
    }
}
