//! The HTML pages rendered from declarations: the built-in catalogs' pages carry every entry of
//! Stytch's pages (copies in `tests/fixtures/`) in page order with the same text; pages group
//! by the path of the URLs with one section per fragment; hostile text renders escaped.

#[path = "support/docs_sample.rs"]
mod sample;
mod seeds;

use sample::{AppError, HOSTILE, WidgetError};
use seeds::{B2B_PAGE, CONSUMER_PAGE, SeedEntry, parse_b2b_page, parse_consumer_page};
use serde_json::Value;
use stytch_errors::docs::{HtmlPage, HtmlPages};
use stytch_errors::{B2bError, ConsumerError, ErrorCatalog};

/// The text of an HTML fragment, as a browser shows it: tags dropped, the page's entities
/// decoded.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('>').expect("a closed tag");
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Markdown prose as a reader sees it: code spans and links reduced to their text.
fn markdown_text(markdown: &str) -> String {
    let mut out = markdown.replace('`', "");
    while let Some(start) = out.find('[') {
        let Some(middle) = out[start..].find("](").map(|i| start + i) else {
            break;
        };
        let end = middle + out[middle..].find(')').expect("a closed link");
        let label = out[start + 1..middle].to_owned();
        out.replace_range(start..=end, &label);
    }
    out
}

/// The inner HTML of the first element that starts with `open`, up to `close`.
fn inner<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some(&html[start..end])
}

/// The inner HTML of each `<li>` of the list with class `class`.
fn items<'a>(section: &'a str, class: &str) -> Vec<&'a str> {
    let Some(list) = inner(section, &format!("<ul class=\"{class}\">\n"), "</ul>") else {
        return Vec::new();
    };
    list.lines()
        .map(|line| {
            line.strip_prefix("<li>")
                .and_then(|line| line.strip_suffix("</li>"))
                .unwrap_or_else(|| panic!("not an item: {line}"))
        })
        .collect()
}

/// The page's sections: each from its `<section` tag to its end, with its `id`.
fn sections(page: &HtmlPage) -> Vec<(String, &str)> {
    page.html()
        .split("<section id=\"")
        .skip(1)
        .map(|part| {
            let (id, _) = part.split_once('"').expect("a quoted id");
            let end = part.find("</section>").expect("a closed section");
            (text(id), &part[..end])
        })
        .collect()
}

/// The JSON example of a section.
fn example(section: &str) -> Value {
    let json =
        inner(section, "<pre class=\"example\"><code>", "</code></pre>").expect("a JSON example");
    serde_json::from_str(&text(json)).expect("a JSON example that parses")
}

/// Each part of the seed entry, in its own place in the section, with the same text; the
/// links of its prose resolved against the page's host.
fn check_section(api: &str, seed: &SeedEntry, id: &str, section: &str) {
    let error_type = seed.json_str("error_type");
    let url = seed.json_str("error_url");
    assert_eq!(Some(id), url.split_once('#').map(|(_, f)| f), "{api}: id");
    let heading = inner(section, "<h2>", "</h2>").expect("a heading");
    assert_eq!(text(heading), seed.heading, "{api}: heading");
    assert_eq!(
        seed.heading, error_type,
        "{api}: the seed's heading is its error_type"
    );
    let status = inner(section, "<span class=\"status\">", "</span>").unwrap();
    assert_eq!(status, seed.badge_status.to_string(), "{api} {error_type}");
    let title = inner(section, "<strong class=\"title\">", "</strong>").unwrap();
    assert_eq!(
        text(title),
        markdown_text(&seed.title),
        "{api} {error_type}"
    );
    let message = inner(section, "<p class=\"message\">Message: <code>", "</code>").unwrap();
    assert_eq!(
        text(message),
        seed.json_str("error_message"),
        "{api} {error_type}"
    );
    let description = inner(section, "<p class=\"description\">", "</p>").unwrap();
    assert_eq!(
        text(description),
        markdown_text(&seed.description),
        "{api} {error_type}: description"
    );
    for (class, seed_items) in [
        ("causes", &seed.causes),
        ("troubleshooting", &seed.troubleshooting),
    ] {
        let texts: Vec<String> = items(section, class).into_iter().map(text).collect();
        let expected: Vec<String> = seed_items.iter().map(|item| markdown_text(item)).collect();
        assert_eq!(texts, expected, "{api} {error_type}: {class}");
    }
    let prose = [&seed.description]
        .into_iter()
        .chain(&seed.causes)
        .chain(&seed.troubleshooting);
    for markdown in prose {
        for (_, rest) in markdown
            .match_indices("](")
            .map(|(i, _)| ((), &markdown[i + 2..]))
        {
            let target = &rest[..rest.find(')').unwrap()];
            let href = if target.starts_with('/') {
                format!("https://stytch.com{target}")
            } else {
                target.to_owned()
            };
            assert!(
                section.contains(&format!("<a href=\"{href}\">")),
                "{api} {error_type}: link to {href}"
            );
        }
    }
    assert_eq!(
        example(section),
        seed.json,
        "{api} {error_type}: JSON example"
    );
}

fn check_catalog<E: ErrorCatalog>(api: &str, seeds: &[SeedEntry], path: &str) {
    let pages = HtmlPages::of::<E>().render();
    assert_eq!(pages.len(), 1, "{api}: one status, one page");
    let page = &pages[0];
    assert_eq!(page.path(), path);
    assert_eq!(page.title(), "404 errors");
    let sections = sections(page);
    assert_eq!(
        sections.len(),
        seeds.len(),
        "{api}: a section per seed entry"
    );
    assert_eq!(page.fragments().len(), seeds.len());
    for ((seed, (id, section)), fragment) in seeds.iter().zip(&sections).zip(page.fragments()) {
        assert_eq!(id, fragment);
        check_section(api, seed, id, section);
    }
    println!(
        "{api}: {} of {} sections match the seed page",
        sections.len(),
        seeds.len()
    );
}

#[test]
fn consumer_page_matches_stytch_entry_by_entry() {
    let seeds = parse_consumer_page(CONSUMER_PAGE);
    assert_eq!(seeds.len(), 41);
    check_catalog::<ConsumerError>(
        "consumer",
        &seeds,
        "/docs/api-reference/consumer/api/errors/404",
    );
}

#[test]
fn b2b_page_matches_stytch_entry_by_entry() {
    let seeds = parse_b2b_page(B2B_PAGE);
    assert_eq!(seeds.len(), 34);
    check_catalog::<B2bError>("b2b", &seeds, "/docs/b2b/api/errors/404");
}

#[test]
fn hostile_text_renders_escaped_and_no_page_carries_a_script() {
    let pages = HtmlPages::of::<AppError>().render();
    for page in &pages {
        assert!(!page.html().contains("<script"), "{}", page.path());
        assert!(!page.html().contains("<img"), "{}", page.path());
        assert!(
            !page.html().contains("href=\"javascript:"),
            "{}",
            page.path()
        );
    }
    let html: String = pages.iter().map(HtmlPage::html).collect();
    for escaped in [
        "Rejected &lt;script&gt;top.__pwned = 1&lt;/script&gt; &amp; &quot;double&quot; &#39;single&#39; quotes.",
        "Hostile &lt;img src=x onerror=&quot;top.__pwned = 1&quot;&gt; &amp; <code>&lt;b&gt;code&lt;/b&gt;</code>, [a link](javascript:top.__pwned=1).",
        "A cause with &lt;script&gt;top.__pwned = 1&lt;/script&gt; in it.",
        "Field {field} holds &lt;script&gt;top.__pwned = 1&lt;/script&gt; &amp; &quot;quotes&quot;.",
    ] {
        assert!(html.contains(escaped), "missing: {escaped}");
    }
    // As a browser reads it, the text is what was declared.
    let hostile = pages
        .iter()
        .find(|p| p.path() == "/docs/errors/422")
        .expect("the 422 page");
    let (_, section) = &sections(hostile)[0];
    let message = inner(section, "<code>", "</code>").unwrap();
    assert_eq!(text(message), WidgetError::hostile_input.error_message());
    assert!(text(message).contains(HOSTILE));
    assert_eq!(
        example(section)["error_message"],
        WidgetError::hostile_input.error_message()
    );
}

#[test]
fn one_page_per_path_one_section_per_fragment_in_listing_order() {
    let pages = HtmlPages::of::<AppError>().and::<WidgetError>().render();
    let layout: Vec<(&str, &[&str])> = pages.iter().map(|p| (p.path(), p.fragments())).collect();
    assert_eq!(
        layout,
        [
            (
                "/docs/errors/409",
                &["widget_held", "widget_locked", "widget_frozen"][..]
            ),
            ("/docs/errors/400", &["bad_field"][..]),
            (
                "/docs/errors/404",
                &["widget_not_found", "owner-missing"][..]
            ),
            (
                "/docs/api-reference/consumer/api/errors/404",
                &["email_not_found"][..]
            ),
            ("/docs/errors/422", &["hostile_input"][..]),
        ],
        "each error_url once, though WidgetError is given twice"
    );
    // Every listed error has its section at its URL's path and fragment.
    for info in AppError::errors() {
        let (url, fragment) = info.error_url().split_once('#').unwrap();
        let page = pages.iter().find(|p| url.ends_with(p.path())).unwrap();
        assert!(page.fragments().contains(&fragment), "{}", info.error_url());
    }
    let page_409 = &pages[0];
    assert_eq!(page_409.title(), "409 errors");
    assert_eq!(page_409.file_path(), "docs/errors/409.html");
    let sections = sections(page_409);
    assert!(
        sections[0]
            .1
            .contains("Message: <code>Widget {id} is held by {owner}.</code>")
    );
    assert!(
        sections[0]
            .1
            .contains("<p class=\"description\">The widget is held by another user.</p>")
    );
    let deprecated = "<span class=\"deprecated\">Deprecated</span>";
    assert!(!sections[1].1.contains(deprecated), "widget_locked");
    assert!(sections[2].1.contains(deprecated), "widget_frozen");
    let owner = sections_of(&pages, "/docs/errors/404")[1].1.to_owned();
    assert!(owner.contains("<h2><a href=\"#owner-missing\">owner_not_found</a></h2>"));
    assert!(owner.contains("See <a href=\"https://widgets.example/docs/owners\">owners</a>."));
    assert!(owner.contains("<code>owner_id</code>"));
}

fn sections_of<'a>(pages: &'a [HtmlPage], path: &str) -> Vec<(String, &'a str)> {
    sections(pages.iter().find(|p| p.path() == path).unwrap())
}

#[test]
fn every_json_example_is_the_serialized_envelope() {
    let pages = HtmlPages::of::<ConsumerError>().and::<AppError>().render();
    let mut checked = 0;
    for info in ConsumerError::errors()
        .into_iter()
        .chain(AppError::errors())
    {
        let (url, fragment) = info.error_url().split_once('#').unwrap();
        let page = pages.iter().find(|p| url.ends_with(p.path())).unwrap();
        let (_, section) = sections(page)
            .into_iter()
            .find(|(id, _)| id == fragment)
            .unwrap();
        let envelope = info.envelope("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141");
        assert_eq!(example(section), serde_json::to_value(envelope).unwrap());
        checked += 1;
    }
    assert_eq!(checked, 41 + AppError::errors().len());
}

#[test]
fn pages_are_complete_documents_with_their_own_style_and_stable_tags() {
    let pages = HtmlPages::of::<ConsumerError>().render();
    let html = pages[0].html();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(html.ends_with("</main>\n</body>\n</html>\n"));
    assert!(html.contains("<style>") && html.contains("@media (prefers-color-scheme:dark)"));
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "self-contained"
    );
    assert_eq!(
        pages,
        HtmlPages::of::<ConsumerError>().render(),
        "rendering is deterministic"
    );
    let other = HtmlPages::of::<B2bError>().render();
    let etag = pages[0].etag();
    assert!(
        etag.len() == 18 && etag.starts_with('"') && etag.ends_with('"'),
        "{etag}"
    );
    assert_ne!(etag, other[0].etag());
}

/// A type whose template has no `{status}`: one page for all its errors. Listed, never built.
#[allow(dead_code)]
#[derive(Debug, stytch_errors::StytchError)]
#[stytch(url = "https://single.example/errors#{error_type}")]
enum OnePageError {
    #[stytch(status = 404, message = "Gizmo {0} could not be found.")]
    GizmoNotFound(u64),
    #[stytch(status = 409, message = "Gizmo is busy.")]
    Busy,
    #[stytch(
        status = 410,
        message = "Gizmo is gone.",
        url = "https://single.example/retired#gone"
    )]
    Retired,
}

#[test]
fn a_template_without_status_gives_one_page_and_an_own_url_its_own() {
    let pages = HtmlPages::of::<OnePageError>().render();
    let layout: Vec<(&str, &str, &[&str])> = pages
        .iter()
        .map(|p| (p.path(), p.title(), p.fragments()))
        .collect();
    assert_eq!(
        layout,
        [
            ("/errors", "Errors", &["gizmo_not_found", "busy"][..]),
            ("/retired", "410 errors", &["gone"][..]),
        ]
    );
    assert!(
        pages[0]
            .html()
            .contains("Message: <code>Gizmo {0} could not be found.</code>")
    );
}
