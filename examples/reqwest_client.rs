//! A reqwest client of the `axum_server` example: asks for errors by name and reads each answer
//! as an `ApiError`, typed against the built-in catalogs.
//!
//! ```sh
//! cargo run --example axum_server --features axum &
//! cargo run --example reqwest_client --features reqwest -- http://127.0.0.1:3000 email_not_found emial_not_found
//! ```
//!
//! Exit code: 0 once every answer is read, 1 if the server cannot be reached, 2 for bad usage.

use std::process::ExitCode;

use stytch_errors::reqwest::ResponseExt;
use stytch_errors::{ApiError, B2bError, ConsumerError, ErrorSet, Typed};

const USAGE: &str = "\
usage: cargo run --example reqwest_client --features reqwest -- <base-url> <error_type>...

Sends GET <base-url>/errors/<error_type> for each name and prints the answer: the status, the
error_type, whether the consumer and the B2B catalogs know it, the request id, the retry hints,
and the whole error on one line.
";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(base), names) = (args.next(), args.collect::<Vec<_>>()) else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    if base == "--help" || base == "-h" || names.is_empty() {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    }
    let client = reqwest::Client::new();
    for name in names {
        let url = format!("{}/errors/{name}", base.trim_end_matches('/'));
        let response = match client.get(&url).send().await {
            Ok(response) => response,
            Err(error) => {
                eprintln!("{url}: no answer: {error}");
                return ExitCode::FAILURE;
            }
        };
        match response.error_for_envelope().await {
            Ok(response) => println!("{url}: {} (a success)", response.status()),
            Err(error) => report(&url, &error),
        }
    }
    ExitCode::SUCCESS
}

fn report(url: &str, error: &ApiError) {
    println!("{url}");
    println!("  status      {}", error.status());
    println!("  consumer    {}", typed::<ConsumerError>(error));
    println!("  b2b         {}", typed::<B2bError>(error));
    println!("  request_id  {}", error.request_id().unwrap_or("(none)"));
    println!("  retryable   {}", error.is_retryable());
    if let Some(hint) = error.retry_after() {
        println!("  retry in    {:?}", hint.delay());
    }
    // Display escapes what the server sent: safe to log as it is.
    println!("  error       {error}");
}

fn typed<E: ErrorSet>(error: &ApiError) -> String {
    match error.typed::<E>() {
        Some(Typed::Known(entry)) => format!("{}::{entry:?}", E::NAME),
        Some(Typed::Unknown(_)) => "(not in this catalog)".to_owned(),
        None => "(no envelope)".to_owned(),
    }
}
