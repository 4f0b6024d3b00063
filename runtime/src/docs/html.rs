//! `HtmlPages`: the HTML pages that error types' `error_url`s name, one section per error at
//! its URL's fragment.

use std::collections::{HashMap, HashSet};

use super::{EXAMPLE_REQUEST_ID, json_example};
use crate::{ErrorCatalog, ErrorInfo};

/// The HTML pages of one or more error types: one page per path of their `error_url`s (one
/// per status with Stytch's `…/errors/{status}#{fragment}` template, one for all when the
/// template has no `{status}`), one section per error whose `id` is its URL's fragment.
///
/// A section shows what Stytch's pages show: the `error_type`, the status, the title, the
/// message as sent (a derived type's template with its placeholders, as written), the
/// description, the common causes, the troubleshooting steps and the JSON example of the
/// envelope; a deprecated error is marked so. Sections come in the order of the types'
/// listings ([`ErrorCatalog::errors`]), pages in the order of their first error.
///
/// ```
/// use stytch_errors::ConsumerError;
/// use stytch_errors::docs::HtmlPages;
///
/// let pages = HtmlPages::of::<ConsumerError>().render();
/// assert_eq!(pages.len(), 1);
/// let page = &pages[0];
/// assert_eq!(page.path(), "/docs/api-reference/consumer/api/errors/404");
/// assert_eq!(page.file_path(), "docs/api-reference/consumer/api/errors/404.html");
/// assert_eq!(page.fragments().len(), 41);
/// assert!(page.html().contains(r#"<section id="email_not_found""#));
/// ```
///
/// The pages are keyed by the URL's path, not its host: a service serves them at those paths
/// under whatever host it answers on. An error whose URL (path and fragment) is already on a
/// page is not placed twice; the first listed wins.
///
/// Every text is HTML-escaped (`&`, `<`, `>`, `"`, `'`), so a message or a description
/// holding markup shows it as text. The prose (title, description, causes, troubleshooting) is
/// Markdown, of which two forms are rendered: inline code (`` `email` ``) and links
/// (`[text](url)`) to `http`, `https` and `mailto` URLs and to paths (`/docs/…`, resolved
/// against the host of the error's URL, where the prose was written for); anything else
/// shows as written. Each page carries its own small stylesheet, readable in light and dark
/// mode, and no script.
#[derive(Debug, Clone)]
pub struct HtmlPages {
    entries: Vec<&'static ErrorInfo>,
}

impl HtmlPages {
    /// The pages of every error of `E`, a set or a type deriving `StytchError`.
    #[must_use]
    pub fn of<E: ErrorCatalog>() -> Self {
        Self::from_entries(E::errors())
    }

    /// The pages of the given entries, in that order.
    #[must_use]
    pub fn from_entries(entries: impl IntoIterator<Item = &'static ErrorInfo>) -> Self {
        HtmlPages {
            entries: entries.into_iter().collect(),
        }
    }

    /// Adds the errors of `E` after those already given: the pages of several types.
    #[must_use]
    pub fn and<E: ErrorCatalog>(mut self) -> Self {
        self.entries.extend(E::errors());
        self
    }

    /// Renders the pages.
    #[must_use]
    pub fn render(&self) -> Vec<HtmlPage> {
        let mut groups: Vec<(String, Vec<Section>)> = Vec::new();
        let mut by_path: HashMap<String, usize> = HashMap::new();
        let mut placed: HashSet<(String, &str)> = HashSet::new();
        for &info in &self.entries {
            let (path, fragment) = split_url(info);
            if !placed.insert((path.clone(), fragment)) {
                continue;
            }
            let index = *by_path.entry(path.clone()).or_insert_with(|| {
                groups.push((path, Vec::new()));
                groups.len() - 1
            });
            groups[index].1.push(Section { info, fragment });
        }
        groups
            .into_iter()
            .map(|(path, sections)| HtmlPage::new(path, &sections))
            .collect()
    }
}

/// One rendered page: where it is served, and its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    path: String,
    title: String,
    fragments: Vec<&'static str>,
    html: String,
    etag: String,
}

impl HtmlPage {
    fn new(path: String, sections: &[Section]) -> Self {
        let status = sections[0].info.status_code();
        let title = if sections.iter().all(|s| s.info.status_code() == status) {
            format!("{status} errors")
        } else {
            "Errors".to_owned()
        };
        let html = render_page(&title, sections);
        let etag = format!("\"{:016x}\"", fnv1a(html.as_bytes()));
        HtmlPage {
            path,
            title,
            fragments: sections.iter().map(|s| s.fragment).collect(),
            html,
            etag,
        }
    }

    /// The path the page is served at: the path of its errors' URLs, such as
    /// `/docs/errors/404` (dot segments resolved, as a browser asks for it).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The file that holds the page on a static host, relative to the site's root: the path
    /// with `.html` appended (`docs/errors/404.html`, which static hosts serve at
    /// `/docs/errors/404`), or `index.html` in the directory of a path ending in `/`.
    #[must_use]
    pub fn file_path(&self) -> String {
        let relative = self.path.trim_start_matches('/');
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            format!("{relative}.html")
        }
    }

    /// The page's title, such as "404 errors" ("Errors" for a page of several statuses).
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The `id`s of its sections, in page order: the fragments of their errors' URLs.
    #[must_use]
    pub fn fragments(&self) -> &[&'static str] {
        &self.fragments
    }

    /// The page, a complete HTML document.
    #[must_use]
    pub fn html(&self) -> &str {
        &self.html
    }

    /// A strong entity tag of the page's bytes, quoted as the `ETag` header carries it.
    #[must_use]
    pub fn etag(&self) -> &str {
        &self.etag
    }
}

/// An error on its page.
struct Section {
    info: &'static ErrorInfo,
    fragment: &'static str,
}

/// The path of an error's URL (dot segments resolved) and its fragment; the entry's declared
/// fragment when the URL has none.
fn split_url(info: &'static ErrorInfo) -> (String, &'static str) {
    let url = info.error_url();
    let (url, fragment) = match url.split_once('#') {
        Some((url, fragment)) if !fragment.is_empty() => (url, fragment),
        Some((url, _)) => (url, info.fragment()),
        None => (url, info.fragment()),
    };
    (page_path(url), fragment)
}

/// The path of a URL without its fragment, dot segments resolved: `/` when it has none.
fn page_path(url: &str) -> String {
    let after_origin = &url[origin(url).len()..];
    normalize(after_origin.split('?').next().unwrap_or_default())
}

/// A path with its `.` and `..` segments resolved, as a browser resolves them before asking.
fn normalize(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let mut parts = path.split('/').skip(1).peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        match part {
            "." | ".." => {
                if part == ".." {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            _ => segments.push(part),
        }
    }
    format!("/{}", segments.join("/"))
}

/// The scheme and host of an error's URL, such as `https://stytch.com`.
fn origin(url: &str) -> &str {
    let Some(scheme_end) = url.find("://") else {
        return "";
    };
    let rest = &url[scheme_end + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &url[..scheme_end + 3 + end]
}

/// FNV-1a, 64 bits: the page's entity tag.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted
/// attribute values.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Appends Markdown prose: inline code and links rendered, everything else escaped as text.
/// `origin` resolves links to paths.
fn prose(out: &mut String, text: &str, origin: &str) {
    let mut rest = text;
    while let Some(start) = rest.find(['`', '[']) {
        escape(out, &rest[..start]);
        let tail = &rest[start..];
        let consumed = if tail.starts_with('`') {
            code_span(out, tail)
        } else {
            link(out, tail, origin)
        };
        match consumed {
            Some(length) => rest = &tail[length..],
            None => {
                escape(out, &tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    escape(out, rest);
}

/// An inline code span at the start of `text`, rendered; the bytes it took.
fn code_span(out: &mut String, text: &str) -> Option<usize> {
    let end = 1 + text[1..].find('`')?;
    out.push_str("<code>");
    escape(out, &text[1..end]);
    out.push_str("</code>");
    Some(end + 1)
}

/// A link `[label](target)` at the start of `text`, rendered when its target is a web or mail
/// URL or a path; the bytes it took.
fn link(out: &mut String, text: &str, origin: &str) -> Option<usize> {
    let label_end = text.find("](")?;
    let target_end = label_end + 2 + text[label_end + 2..].find(')')?;
    let label = &text[1..label_end];
    let target = &text[label_end + 2..target_end];
    let href = if target.starts_with('/') && !target.starts_with("//") {
        format!("{origin}{target}")
    } else if ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| target.starts_with(scheme))
    {
        target.to_owned()
    } else {
        return None;
    };
    if label.contains('[') || href.contains(char::is_whitespace) {
        return None;
    }
    out.push_str("<a href=\"");
    escape(out, &href);
    out.push_str("\">");
    prose(out, label, origin);
    out.push_str("</a>");
    Some(target_end + 1)
}

/// The page's stylesheet: system fonts, light and dark colours, the targeted section marked.
const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--code:#f2f4f6;--status:#b42318;--link:#0969da;--mark:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--code:#1b2029;--status:#f47067;--link:#4493f8;--mark:#2f2a12}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;margin:0 0 .5rem}
h2{font:600 1.25rem/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:0 0 .5rem;overflow-wrap:anywhere}
h2 a{color:inherit;text-decoration:none}
h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--link)}
nav ul{columns:20rem;padding:0;list-style:none;font-size:.9rem}
section{border-top:1px solid var(--line);padding:1.5rem 1rem;margin:0 -1rem;scroll-margin-top:.5rem}
section:target{background:var(--mark)}
.status{background:var(--status);color:var(--bg);border-radius:4px;padding:.05rem .4rem;font-weight:600}
.deprecated{border:1px solid var(--muted);color:var(--muted);border-radius:4px;padding:0 .4rem;font-size:.85rem}
.message{color:var(--muted)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
code{background:var(--code);border-radius:4px;padding:.1em .3em;overflow-wrap:anywhere}
pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;overflow-x:auto}
pre code{padding:0;background:none;overflow-wrap:normal}
";

fn render_page(title: &str, sections: &[Section]) -> String {
    let mut out = String::with_capacity(4096 + sections.len() * 1536);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>",
    );
    escape(&mut out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    escape(&mut out, title);
    out.push_str("</h1>\n<nav aria-label=\"Errors on this page\">\n<ul>\n");
    for section in sections {
        out.push_str("<li><a href=\"#");
        escape(&mut out, section.fragment);
        out.push_str("\"><code>");
        escape(&mut out, section.info.error_type());
        out.push_str("</code></a></li>\n");
    }
    out.push_str("</ul>\n</nav>\n");
    for section in sections {
        render_section(&mut out, section);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn render_section(out: &mut String, section: &Section) {
    let info = section.info;
    let origin = origin(info.error_url());
    out.push_str("<section id=\"");
    escape(out, section.fragment);
    out.push_str("\">\n<h2><a href=\"#");
    escape(out, section.fragment);
    out.push_str("\">");
    escape(out, info.error_type());
    out.push_str("</a></h2>\n<p><span class=\"status\">");
    out.push_str(&info.status_code().to_string());
    out.push_str("</span> <strong class=\"title\">");
    prose(out, info.title(), origin);
    out.push_str("</strong>");
    if info.deprecated() {
        out.push_str(" <span class=\"deprecated\">Deprecated</span>");
    }
    out.push_str("</p>\n<p class=\"message\">Message: <code>");
    escape(out, info.error_message());
    out.push_str("</code></p>\n<p class=\"description\">");
    prose(out, info.description(), origin);
    out.push_str("</p>\n");
    for (heading, class, items) in [
        ("Common causes", "causes", info.causes()),
        ("Troubleshooting", "troubleshooting", info.troubleshooting()),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str("<h3>");
        out.push_str(heading);
        out.push_str("</h3>\n<ul class=\"");
        out.push_str(class);
        out.push_str("\">\n");
        for item in items {
            out.push_str("<li>");
            prose(out, item, origin);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<pre class=\"example\"><code>");
    escape(out, &json_example(info, EXAMPLE_REQUEST_ID));
    out.push_str("</code></pre>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::{escape, normalize, origin, page_path, prose};

    fn rendered(text: &str) -> String {
        let mut out = String::new();
        prose(&mut out, text, "https://stytch.com");
        out
    }

    #[test]
    fn escapes_the_five_characters() {
        let mut out = String::new();
        escape(&mut out, r#"<a href="x">&'</a>"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn renders_inline_code_and_safe_links_only() {
        assert_eq!(
            rendered("The `email` <b>or</b> `email_id`."),
            "The <code>email</code> &lt;b&gt;or&lt;/b&gt; <code>email_id</code>."
        );
        assert_eq!(
            rendered("See the [get sessions endpoint](/docs/api/session-get)."),
            "See the <a href=\"https://stytch.com/docs/api/session-get\">get sessions endpoint</a>."
        );
        assert_eq!(
            rendered("[x](https://a.example/?q=\"1\"&b)"),
            "<a href=\"https://a.example/?q=&quot;1&quot;&amp;b\">x</a>"
        );
        // Not a link a page should carry: shown as written.
        assert_eq!(
            rendered("[x](javascript:alert(1))"),
            "[x](javascript:alert(1))"
        );
        assert_eq!(rendered("[x](//evil.example)"), "[x](//evil.example)");
        assert_eq!(rendered("an ` unpaired"), "an ` unpaired");
        assert_eq!(
            rendered("[`code`](/p)"),
            "<a href=\"https://stytch.com/p\"><code>code</code></a>"
        );
    }

    #[test]
    fn paths_resolve_dot_segments_and_origins_end_at_the_host() {
        assert_eq!(normalize("/docs/errors/404"), "/docs/errors/404");
        assert_eq!(normalize("/docs/./x/../errors/"), "/docs/errors/");
        assert_eq!(normalize("/a/.."), "/");
        assert_eq!(normalize(""), "/");
        assert_eq!(origin("https://stytch.com/docs#x"), "https://stytch.com");
        assert_eq!(
            page_path("https://stytch.com/docs/errors/404"),
            "/docs/errors/404"
        );
        assert_eq!(page_path("https://example.com:8080/a/./b?q=/c"), "/a/b");
        assert_eq!(page_path("https://example.com?next=/elsewhere"), "/");
        assert_eq!(origin("http://127.0.0.1:80"), "http://127.0.0.1:80");
    }
}
