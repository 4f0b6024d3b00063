//! Explains one built-in error_type as the consumer and B2B catalogs document it.
//!
//! ```sh
//! cargo run --example explain -- email_not_found
//! ```

use std::env;
use std::io::{self, Write};
use std::process::ExitCode;

use stytch_errors::{B2bError, ConsumerError, ErrorInfo, ErrorSet};

const USAGE: &str = "\
usage: cargo run --example explain -- <error_type>

Prints what the built-in Stytch catalogs (consumer API, then B2B API) say about one
error_type: status, title, message, description, common causes, troubleshooting,
documentation URL and the JSON envelope an API answers with.

example: cargo run --example explain -- email_not_found
";

/// The request id of Stytch's own JSON examples, so ours read the same.
const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// Where the values of an entry's fields start; the labels fit in front of it.
const VALUE_COLUMN: usize = 19;

/// At most this many close names are suggested for an unknown one.
const MAX_SUGGESTIONS: usize = 5;

fn main() -> ExitCode {
    let args: Vec<_> = env::args_os().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "--help" || flag == "-h" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        [name] => match name.to_str() {
            Some(name) if !name.is_empty() && !name.starts_with('-') => explain(name),
            _ => usage_error(),
        },
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprint!("{USAGE}");
    ExitCode::from(2)
}

fn explain(name: &str) -> ExitCode {
    let width = terminal_width();
    let pages: Vec<String> = [
        describe::<ConsumerError>(name, "consumer API", width),
        describe::<B2bError>(name, "B2B API", width),
    ]
    .into_iter()
    .flatten()
    .collect();

    if pages.is_empty() {
        eprint!("{}", not_found(name));
        return ExitCode::from(2);
    }
    match io::stdout().lock().write_all(pages.join("\n").as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): nothing left to tell anyone.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to stdout: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The page of `name` in the set `E`, if the set has it.
fn describe<E: ErrorSet>(name: &str, api: &str, width: usize) -> Option<String> {
    let entry = E::from_error_type(name)?;
    let info = entry.info();
    let mut page = format!(
        "{} \u{2014} {api} \u{2014} {}::{entry:?}\n",
        info.error_type(),
        E::NAME
    );
    field(&mut page, width, "Status", &status_line(info.status_code()));
    field(&mut page, width, "Title", info.title());
    field(&mut page, width, "Message", info.error_message());
    field(&mut page, width, "Description", info.description());
    list(&mut page, width, "Common causes", info.causes());
    list(&mut page, width, "Troubleshooting", info.troubleshooting());
    field(&mut page, width, "URL", info.error_url());
    page.push_str(&json_example(info));
    Some(page)
}

/// `  Label            value`, the value wrapped under itself.
fn field(page: &mut String, width: usize, label: &str, text: &str) {
    let lines = wrap(text, width.saturating_sub(VALUE_COLUMN));
    push_labelled(page, label, &lines);
}

/// A bulleted field, one bullet per item; `none` when there are no items.
fn list(page: &mut String, width: usize, label: &str, items: &[&str]) {
    if items.is_empty() {
        field(page, width, label, "none");
        return;
    }
    for (index, item) in items.iter().enumerate() {
        let lines: Vec<String> = wrap(item, width.saturating_sub(VALUE_COLUMN + 2))
            .into_iter()
            .enumerate()
            .map(|(line_index, line)| match line_index {
                0 => format!("\u{2022} {line}"),
                _ => format!("  {line}"),
            })
            .collect();
        push_labelled(page, if index == 0 { label } else { "" }, &lines);
    }
}

/// Lines at the value column, the label in front of the first.
fn push_labelled(page: &mut String, label: &str, lines: &[String]) {
    for (index, line) in lines.iter().enumerate() {
        let label = if index == 0 { label } else { "" };
        page.push_str(&format!(
            "  {label:<width$}{line}\n",
            width = VALUE_COLUMN - 2
        ));
    }
}

/// The envelope an API answers with, as Stytch's pages show it.
fn json_example(info: &'static ErrorInfo) -> String {
    let json = serde_json::to_string_pretty(&info.envelope(REQUEST_ID))
        .expect("an envelope always serializes");
    let mut block = String::from("  JSON example\n");
    for line in json.lines() {
        block.push_str(&format!("    {line}\n"));
    }
    block
}

/// `404 Not Found`; just the number for a status without a phrase here.
fn status_line(status_code: u16) -> String {
    let reason = match status_code {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return status_code.to_string(),
    };
    format!("{status_code} {reason}")
}

/// Greedy word wrap to `width` characters. A word longer than a line (a URL) gets a line of its
/// own rather than being cut. Always returns at least one line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// `$COLUMNS` when the shell exports it, else 100.
fn terminal_width() -> usize {
    env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|&columns| columns > 0)
        .unwrap_or(100)
        .max(VALUE_COLUMN + 20)
}

/// The message for a name neither catalog has, with the closest names both have.
fn not_found(name: &str) -> String {
    let mut message = format!("error: no built-in error_type `{}`\n", name.escape_debug());
    let suggestions = suggestions(name);
    if suggestions.is_empty() {
        message.push_str(
            "no built-in error_type is close to it; `cargo run --example catalog` lists them all\n",
        );
        return message;
    }
    message.push_str(if suggestions.len() == 1 {
        "the closest name is:\n"
    } else {
        "the closest names are:\n"
    });
    let name_width = suggestions.iter().map(|name| name.len()).max().unwrap_or(0);
    for suggestion in suggestions {
        let apis: Vec<&str> = [
            ConsumerError::from_error_type(suggestion).map(|_| "consumer API"),
            B2bError::from_error_type(suggestion).map(|_| "B2B API"),
        ]
        .into_iter()
        .flatten()
        .collect();
        message.push_str(&format!(
            "  {suggestion:<name_width$}  ({})\n",
            apis.join(", ")
        ));
    }
    message
}

/// The names of both catalogs closest to `name`, best first, each once.
///
/// The two ranked lists are interleaved rank by rank, so the best match of the B2B catalog is
/// not pushed out by weaker matches of the larger consumer catalog.
fn suggestions(name: &str) -> Vec<&'static str> {
    let consumer: Vec<&'static str> = ConsumerError::similar(name)
        .into_iter()
        .map(ConsumerError::error_type)
        .collect();
    let b2b: Vec<&'static str> = B2bError::similar(name)
        .into_iter()
        .map(B2bError::error_type)
        .collect();
    let mut merged: Vec<&'static str> = Vec::new();
    for rank in 0..consumer.len().max(b2b.len()) {
        for list in [&consumer, &b2b] {
            if let Some(&candidate) = list.get(rank)
                && !merged.contains(&candidate)
            {
                merged.push(candidate);
            }
        }
    }
    merged.truncate(MAX_SUGGESTIONS);
    merged
}
