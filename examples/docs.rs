//! Prints a built-in catalog as a Markdown documentation page, in the shape of Stytch's own
//! error pages, rendered from its declaration; or writes both catalogs' HTML pages as files
//! for a static host, the same bytes `DocsService` serves.
//!
//! ```sh
//! cargo run --example docs -- consumer
//! cargo run --example docs -- b2b
//! cargo run --example docs -- --html site
//! ```

use std::env;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use stytch_errors::docs::{HtmlPages, MarkdownPage};
use stytch_errors::{B2bError, ConsumerError};

const USAGE: &str = "\
usage: cargo run --example docs -- <consumer|b2b>
       cargo run --example docs -- --html DIR

Prints the consumer or B2B catalog as a Markdown page: per entry its error_type, status and
title, description, common causes, troubleshooting steps and the JSON example of its envelope.

With --html, writes the HTML pages of both catalogs under DIR, each at its URL's path with
`.html` appended (DIR/docs/b2b/api/errors/404.html), one line per page on stdout.
";

/// Writes the HTML pages of both catalogs under `dir`.
fn export(dir: &Path) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for page in HtmlPages::of::<ConsumerError>().and::<B2bError>().render() {
        let file = dir.join(page.file_path());
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&file, page.html())?;
        writeln!(
            out,
            "{} ({} sections, served at {})",
            file.display(),
            page.fragments().len(),
            page.path()
        )?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice()
        && flag == "--html"
    {
        return match export(Path::new(dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("cannot write the pages under {dir}: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let page = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["consumer"] => MarkdownPage::of::<ConsumerError>()
            .title("Consumer API errors")
            .intro(
                "Errors of Stytch's consumer API, rendered from `stytch_errors::ConsumerError`.",
            ),
        ["b2b"] => MarkdownPage::of::<B2bError>()
            .title("B2B API errors")
            .intro("Errors of Stytch's B2B API, rendered from `stytch_errors::B2bError`."),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = write!(out, "{page}").and_then(|()| out.flush());
    ExitCode::SUCCESS
}
