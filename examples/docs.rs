//! Prints a built-in catalog as a Markdown documentation page, in the shape of Stytch's own
//! error pages, rendered from its declaration.
//!
//! ```sh
//! cargo run --example docs -- consumer
//! cargo run --example docs -- b2b
//! ```

use std::env;
use std::io::{self, Write};
use std::process::ExitCode;

use stytch_errors::docs::MarkdownPage;
use stytch_errors::{B2bError, ConsumerError};

const USAGE: &str = "\
usage: cargo run --example docs -- <consumer|b2b>

Prints the consumer or B2B catalog as a Markdown page: per entry its error_type, status and
title, description, common causes, troubleshooting steps and the JSON example of its envelope.
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
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
