//! Documentation pages rendered from the declaration of error types, in the shape of Stytch's
//! error pages: [`MarkdownPage`], one Markdown page of a type's errors, and [`HtmlPages`], the
//! HTML pages that a type's `error_url`s name, one section per error at the URL's fragment.
//!
//! With the `axum` or `actix-web` feature, `DocsService` serves the HTML pages at the paths of
//! their URLs.

mod html;
mod markdown;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod serve;

pub use html::{HtmlPage, HtmlPages};
pub use markdown::MarkdownPage;

use crate::ErrorInfo;

/// The request id of the JSON examples unless another is given: the one on Stytch's own pages.
const EXAMPLE_REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// The JSON example of an entry's envelope, one field a line as Stytch's pages show it, ending
/// with a line break. Its strings are written by the crate's one JSON string writer, so that
/// the example is what the envelope sends.
fn json_example(info: &ErrorInfo, request_id: &str) -> String {
    let mut out = format!("{{\n  \"status_code\": {},\n", info.status_code());
    let fields = [
        ("request_id", request_id),
        ("error_type", info.error_type()),
        ("error_message", info.error_message()),
        ("error_url", info.error_url()),
    ];
    for (index, (key, value)) in fields.iter().enumerate() {
        let mut quoted = Vec::with_capacity(value.len() + 2);
        // Writing into a `Vec` cannot fail.
        let _ = crate::text::write_json_string(&mut quoted, value);
        out.push_str("  \"");
        out.push_str(key);
        out.push_str("\": ");
        out.push_str(&String::from_utf8_lossy(&quoted));
        out.push_str(if index + 1 < fields.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("}\n");
    out
}
