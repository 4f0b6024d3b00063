//! Reads error responses as a client would: one JSON body per line on stdin, each shown typed
//! against the built-in catalogs. A line that is not an envelope is reported, and reading goes on.
//!
//! ```sh
//! cargo run --example client < examples/data/envelopes.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use stytch_errors::{B2bError, ConsumerError, ErrorEnvelope, ErrorSet, Shape, Typed};

const USAGE: &str = "\
usage: cargo run --example client < bodies.jsonl

Reads error response bodies from stdin, one JSON body per line, and prints each: status,
error_type, whether the consumer and the B2B catalogs know it, message, URL, request id and
any other fields. A line that is not an error envelope is reported with the reason, and
reading goes on. Blank lines are skipped.

Exit code: 0 once every line is read, refused bodies included; 1 if stdin or stdout fails.
";

/// Where the values start; the labels fit in front of it.
const VALUE_COLUMN: usize = 14;

fn main() -> ExitCode {
    match std::env::args_os().nth(1) {
        Some(flag) if flag == "--help" || flag == "-h" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(_) => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
        None => {}
    }
    match run(io::stdin().lock(), &mut BufWriter::new(io::stdout().lock())) {
        Ok((read, refused)) => {
            eprintln!("{read} bodies read, {refused} of them not envelopes");
            ExitCode::SUCCESS
        }
        // The reader went away (`| head`): nothing left to tell anyone.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Reports every line of `input`; returns how many bodies were read and how many refused.
fn run(mut input: impl BufRead, out: &mut impl Write) -> io::Result<(usize, usize)> {
    let (mut read, mut refused) = (0, 0);
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        // Bytes, not `lines()`: a body that is not UTF-8 is reported like any other bad body.
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        read += 1;
        match ErrorEnvelope::parse(body) {
            Ok(envelope) => report(out, number, &envelope)?,
            Err(error) => {
                refused += 1;
                writeln!(out, "line {number}: refused")?;
                field(out, "reason", &error.to_string())?;
                if let Some(status) = error.status_code() {
                    field(out, "status", &status.to_string())?;
                }
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok((read, refused))
}

fn report(out: &mut impl Write, number: usize, envelope: &ErrorEnvelope<'_>) -> io::Result<()> {
    let shape = match envelope.shape() {
        Shape::OAuth2 => " (OAuth2 shape)",
        _ => "",
    };
    writeln!(
        out,
        "line {number}: {} {}{shape}",
        envelope.status_code(),
        one_line(envelope.error_type())
    )?;
    field(out, "consumer", &typed(envelope.typed::<ConsumerError>()))?;
    field(out, "b2b", &typed(envelope.typed::<B2bError>()))?;
    let message = match envelope.error_message() {
        "" => "none",
        message => message,
    };
    field(out, "message", message)?;
    field(out, "url", envelope.error_url().unwrap_or("none"))?;
    field(out, "request id", envelope.request_id().unwrap_or("none"))?;
    for (key, value) in envelope.extra() {
        field(out, "extra", &format!("{key} = {value}"))?;
    }
    writeln!(out)
}

/// What a catalog makes of the error_type: its entry (and the status the catalog gives it),
/// or `unknown`.
fn typed<E: ErrorSet>(typed: Typed<'_, E>) -> String {
    match typed {
        Typed::Known(entry) => format!(
            "{}::{entry:?} ({} in the catalog)",
            E::NAME,
            entry.info().status_code()
        ),
        Typed::Unknown(_) => "unknown".to_owned(),
    }
}

/// `  label     value` on one line.
fn field(out: &mut impl Write, label: &str, value: &str) -> io::Result<()> {
    writeln!(
        out,
        "  {label:<width$}{}",
        one_line(value),
        width = VALUE_COLUMN - 2
    )
}

/// `text` with its control characters escaped, so that a field stays on its line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_control() {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}
