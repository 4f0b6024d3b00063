//! `DocsService` on real servers, axum's and actix-web's: each page at the path of its URLs,
//! as HTML with a strong `ETag` and `304 Not Modified`, `HEAD`, envelopes for anything else;
//! and the bytes served are the bytes `cargo run --example docs -- --html DIR` writes.

#[path = "support/docs_server.rs"]
mod server;

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::Command;

use axum::Router;
use axum::routing::get;
use server::{example_path, request, serve_axum};
use stytch_errors::docs::{HtmlPage, HtmlPages};
use stytch_errors::{B2bError, ConsumerError};

/// The pages the `docs` example exports: both catalogs.
fn pages() -> HtmlPages {
    HtmlPages::of::<ConsumerError>().and::<B2bError>()
}

fn axum_server() -> SocketAddr {
    let app = Router::new()
        .route("/widgets", get(|| async { "widgets" }))
        .fallback_service(stytch_errors::axum::DocsService::new(pages()))
        .layer(stytch_errors::axum::ErrorLayer::new());
    serve_axum(app)
}

fn actix_server() -> SocketAddr {
    use actix_web::{App, HttpServer, web};
    use stytch_errors::actix_web::{DocsService, ErrorEnvelopes};

    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let address = listener.local_addr().unwrap();
    let docs = DocsService::new(pages());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new()
                    .route("/widgets", web::get().to(|| async { "widgets" }))
                    .default_service(docs.clone())
                    .wrap(ErrorEnvelopes::new())
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap();
        });
    });
    address
}

/// What both servers must answer.
fn check(name: &str, address: SocketAddr, rendered: &[HtmlPage]) {
    for page in rendered {
        let path = page.path();
        let got = request(address, "GET", path, &[]);
        assert_eq!(got.status, 200, "{name} {path}");
        assert_eq!(got.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(got.header("etag"), Some(page.etag()), "{name} {path}");
        assert_eq!(got.header("cache-control"), Some("no-cache"));
        assert_eq!(got.body, page.html().as_bytes(), "{name} {path}");
        let length = page.html().len().to_string();
        assert_eq!(got.header("content-length"), Some(length.as_str()));

        for if_none_match in [
            page.etag().to_owned(),
            format!("\"x\", W/{}", page.etag()),
            "*".to_owned(),
        ] {
            let cached = request(address, "GET", path, &[("if-none-match", &if_none_match)]);
            assert_eq!(cached.status, 304, "{name} {path} {if_none_match}");
            assert_eq!(cached.header("etag"), Some(page.etag()));
            assert!(cached.body.is_empty(), "{name}: a 304 has no body");
        }
        let stale = request(
            address,
            "GET",
            path,
            &[("if-none-match", "\"0000000000000000\"")],
        );
        assert_eq!(stale.status, 200, "{name}: another tag is not the page's");
        assert_eq!(stale.body, page.html().as_bytes());

        let head = request(address, "HEAD", path, &[]);
        assert_eq!(head.status, 200, "{name} HEAD {path}");
        assert_eq!(
            head.header("content-length"),
            Some(length.as_str()),
            "{name} HEAD"
        );
        assert_eq!(head.header("etag"), Some(page.etag()));
        assert!(head.body.is_empty(), "{name}: HEAD has no body");

        let post = request(
            address,
            "POST",
            path,
            &[("x-request-id", "request-id-docs-1")],
        );
        assert_eq!(post.status, 405, "{name} POST {path}");
        assert_eq!(post.header("allow"), Some("GET, HEAD"));
        let envelope = post.json();
        assert_eq!(envelope["error_type"], "method_not_allowed", "{name}");
        assert_eq!(envelope["request_id"], "request-id-docs-1", "{name}");
    }
    for unknown in [
        "/docs/api-reference/consumer/api/errors/409",
        "/docs/b2b/api/errors/404/",
        "/docs/b2b/api/errors/404.html",
        "/",
    ] {
        let got = request(
            address,
            "GET",
            unknown,
            &[("x-request-id", "request-id-docs-2")],
        );
        assert_eq!(got.status, 404, "{name} {unknown}");
        assert_eq!(got.header("content-type"), Some("application/json"));
        let envelope = got.json();
        assert_eq!(
            envelope["error_type"], "route_not_found",
            "{name} {unknown}"
        );
        assert_eq!(envelope["request_id"], "request-id-docs-2");
    }
    // The app's own routes are the app's.
    assert_eq!(request(address, "GET", "/widgets", &[]).body, b"widgets");
    println!(
        "{name}: {} pages served, each with ETag, 304, HEAD, 404 and 405",
        rendered.len()
    );
}

#[test]
fn axum_serves_each_page_at_its_path() {
    check("axum", axum_server(), &pages().render());
}

#[test]
fn actix_web_serves_each_page_at_its_path() {
    check("actix-web", actix_server(), &pages().render());
}

#[test]
fn the_static_export_and_the_served_pages_are_byte_identical() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-export");
    let _ = std::fs::remove_dir_all(&dir);
    let output = Command::new(example_path("docs"))
        .arg("--html")
        .arg(&dir)
        .output()
        .expect("the docs example runs");
    assert!(output.status.success());
    let written = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        written.lines().count(),
        2,
        "one line per page written:\n{written}"
    );
    let servers = [("axum", axum_server()), ("actix-web", actix_server())];
    let rendered = pages().render();
    assert_eq!(rendered.len(), 2);
    for page in &rendered {
        let file = std::fs::read(dir.join(page.file_path())).expect("the exported page");
        for (name, address) in servers {
            let served = request(address, "GET", page.path(), &[]);
            assert_eq!(served.status, 200);
            assert!(
                served.body == file,
                "{name} {}: served bytes differ from the file",
                page.path()
            );
        }
        println!(
            "{}: {} bytes, exported = axum = actix-web",
            page.path(),
            file.len()
        );
    }
}

#[test]
fn axum_routes_each_page_to_the_service_beside_a_fallback_of_its_own() {
    let docs = stytch_errors::axum::DocsService::new(pages());
    let mut app = Router::new().fallback(|| async { "the app's own fallback" });
    for page in pages().render() {
        app = app.route_service(page.path(), docs.clone());
    }
    let address = serve_axum(app);
    for page in pages().render() {
        let got = request(address, "GET", page.path(), &[]);
        assert_eq!(got.status, 200);
        assert_eq!(got.body, page.html().as_bytes());
    }
    let other = request(address, "GET", "/docs/b2b/api/errors/409", &[]);
    assert_eq!(other.body, b"the app's own fallback");
}
