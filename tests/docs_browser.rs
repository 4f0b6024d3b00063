//! Every `error_url` resolves, in a real browser: the pages of the built-in catalogs and of a
//! sample service (a set and a derived type) are served by `DocsService` on a loopback axum
//! server, and headless Chromium loads each error's URL, on that server's host, and finds the
//! section its fragment names, showing the error's message. Also a screenshot of a page, light
//! and dark, saved under `target/docs-browser/`.
//!
//! Needs Chromium: `chromium` or `chromium-browser` on the PATH, or its path in `CHROME`
//! (`apt-get install chromium` on Debian; `.ci/run` installs it when missing).

#[path = "support/docs_sample.rs"]
mod sample;
#[path = "support/docs_server.rs"]
mod server;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use sample::AppError;
use serde_json::json;
use stytch_errors::axum::{DocsService, ErrorLayer};
use stytch_errors::docs::HtmlPages;
use stytch_errors::{B2bError, ConsumerError, ErrorCatalog, ErrorInfo};

/// The groups of errors whose URLs are checked: each type's listing.
fn groups() -> [(&'static str, Vec<&'static ErrorInfo>); 3] {
    [
        ("consumer", ConsumerError::errors()),
        ("b2b", B2bError::errors()),
        ("sample", AppError::errors()),
    ]
}

/// The URL on the loopback server of an `error_url`: its path, query and fragment, on this
/// host. The service serves its pages by path, whatever host the URL names.
fn local(error_url: &str) -> &str {
    let after_scheme = error_url.split_once("://").expect("an absolute URL").1;
    &after_scheme[after_scheme.find('/').expect("a path")..]
}

/// The test's own page: it loads every URL in a same-origin frame of its own, one after the
/// other, and writes one line per URL with what it found: whether the document's `:target` is
/// the section whose `id` is the fragment, whether that section shows the message, and whether
/// the frame scrolled to it (the section in view). A
/// hostile text that ran would set `top.__pwned`, which the last line reports.
fn harness() -> String {
    let mut checks = Vec::new();
    for (group, errors) in groups() {
        for info in errors {
            let url = local(info.error_url());
            let fragment = url.split_once('#').expect("a fragment").1;
            checks.push(json!({
                "group": group,
                "url": url,
                "fragment": fragment,
                "message": info.error_message(),
            }));
        }
    }
    let checks = serde_json::to_string(&checks)
        .unwrap()
        .replace('<', "\\u003c");
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>error_url check</title></head>
<body><ol id="results"></ol><p id="done"></p>
<script>
const checks = {checks};
const results = document.getElementById("results");
let index = 0;
function verdict(frame, check) {{
  const page = frame.contentDocument;
  const target = page.querySelector(":target");
  if (!target) return "FAIL no :target";
  if (target !== page.getElementById(check.fragment)) return "FAIL :target is not #" + check.fragment;
  if (target.tagName !== "SECTION") return "FAIL :target is a " + target.tagName;
  if (!target.textContent.includes(check.message)) return "FAIL message not shown";
  const box = target.getBoundingClientRect();
  if (box.top >= frame.contentWindow.innerHeight || box.bottom <= 0) return "FAIL section not in view";
  return "ok";
}}
function next() {{
  if (index === checks.length) {{
    document.getElementById("done").textContent =
      "done " + (window.__pwned === undefined ? "no-script-ran" : "A-SCRIPT-RAN");
    return;
  }}
  const check = checks[index++];
  const frame = document.createElement("iframe");
  frame.width = 1000;
  frame.height = 700;
  frame.onload = () => {{
    let found;
    try {{ found = verdict(frame, check); }} catch (error) {{ found = "FAIL " + error; }}
    const line = document.createElement("li");
    line.textContent = check.group + " " + found.replaceAll(" ", "_") + " " + check.url;
    results.appendChild(line);
    frame.remove();
    next();
  }};
  frame.src = check.url;
  document.body.appendChild(frame);
}}
next();
</script></body></html>
"#
    )
}

/// The loopback server: the pages of all three groups, and the harness at `/__check`.
fn start() -> SocketAddr {
    let pages = HtmlPages::of::<ConsumerError>()
        .and::<B2bError>()
        .and::<AppError>();
    let harness = harness();
    let app = Router::new()
        .route("/__check", get(move || async move { Html(harness) }))
        .fallback_service(DocsService::new(pages))
        .layer(ErrorLayer::new());
    server::serve_axum(app)
}

/// The Chromium to run: `CHROME`, or `chromium` or `chromium-browser` on the PATH.
fn chromium() -> String {
    let candidates = std::env::var("CHROME")
        .map(|chrome| vec![chrome])
        .unwrap_or_else(|_| vec!["chromium".to_owned(), "chromium-browser".to_owned()]);
    for candidate in &candidates {
        let runs = Command::new(candidate)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success());
        if runs {
            return candidate.clone();
        }
    }
    panic!(
        "headless Chromium is needed to check that every error_url resolves, and none of {candidates:?} runs: \
         install it (`apt-get install -y --no-install-recommends chromium` on Debian; .ci/run does) \
         or set CHROME to its path"
    );
}

/// Headless Chromium with a profile of its own, as root in a container can run it.
fn headless(profile: &str) -> Command {
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR")).join(profile);
    let mut command = Command::new(chromium());
    command
        .arg("--headless")
        .arg("--no-sandbox")
        .arg("--disable-gpu")
        .arg("--disable-dev-shm-usage")
        .arg("--no-first-run")
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

#[test]
fn every_error_url_lands_on_its_section_in_headless_chromium() {
    let address = start();
    let output = headless("chromium-check")
        .arg("--virtual-time-budget=60000")
        .arg("--dump-dom")
        .arg(format!("http://{address}/__check"))
        .output()
        .expect("Chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("<p id=\"done\">done no-script-ran</p>"),
        "the check did not finish cleanly:\n{dom}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<(&str, &str, &str)> = dom
        .split("<li>")
        .skip(1)
        .map(|item| {
            let line = &item[..item.find("</li>").expect("a closed item")];
            let mut words = line.split(' ');
            let (group, verdict, url) = (words.next(), words.next(), words.next());
            (group.unwrap(), verdict.unwrap(), url.expect("a URL"))
        })
        .collect();
    for (group, errors) in groups() {
        let mut resolved = 0;
        for info in &errors {
            let url = local(info.error_url());
            let found: Vec<_> = lines
                .iter()
                .filter(|(g, _, u)| *g == group && *u == url)
                .collect();
            assert_eq!(found.len(), 1, "{group} {url}: checked once");
            assert_eq!(found[0].1, "ok", "{group} {}", info.error_url());
            resolved += 1;
        }
        println!(
            "{group}: resolved {resolved} of {} error_urls",
            errors.len()
        );
    }
    let total: usize = groups().iter().map(|(_, errors)| errors.len()).sum();
    assert_eq!(lines.len(), total, "one line per error_url");
    println!("all: resolved {total} of {total} error_urls");
}

/// `target/docs-browser/<name>`: the test's artifacts.
fn artifact(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp is in target/")
        .join("docs-browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn screenshots_of_the_consumer_page_in_light_and_dark_mode() {
    let address = start();
    let url = format!(
        "http://{address}{}",
        local(ConsumerError::email_not_found.error_url())
    );
    let page = url.split_once('#').unwrap().0;
    for (name, scheme) in [("consumer-404.png", "1"), ("consumer-404-dark.png", "0")] {
        let path = artifact(name);
        let _ = std::fs::remove_file(&path);
        // preferredColorScheme: 0 is dark, 1 is light.
        let status = headless(&format!("chromium-{name}"))
            .arg("--window-size=1200,1600")
            .arg("--hide-scrollbars")
            .arg(format!("--blink-settings=preferredColorScheme={scheme}"))
            .arg(format!("--screenshot={}", path.display()))
            .arg(page)
            .output()
            .expect("Chromium runs")
            .status;
        assert!(status.success(), "{name}: Chromium failed");
        let png = std::fs::read(&path).expect("the screenshot was written");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: a PNG");
        // A blank 1200x1600 page compresses to about 9 kB; the rendered page is many times that.
        assert!(
            png.len() > 50_000,
            "{name}: {} bytes, a blank page?",
            png.len()
        );
        println!("screenshot: {}", path.display());
    }
}
