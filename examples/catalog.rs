//! Prints the built-in catalogs as JSON Lines: one object per entry, consumer API first.
//!
//! ```sh
//! cargo run --example catalog | grep '"status_code":404'
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use stytch_errors::{B2bError, ConsumerError, ErrorInfo, ErrorSet};

/// One line of the output: which API the entry belongs to, then the entry's catalog fields.
struct Line {
    api: &'static str,
    info: &'static ErrorInfo,
}

/// The keys of `ErrorInfo`'s own serialization, in the same order, after `api`.
impl Serialize for Line {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let info = self.info;
        let mut out = serializer.serialize_struct("Line", 9)?;
        out.serialize_field("api", self.api)?;
        out.serialize_field("status_code", &info.status_code())?;
        out.serialize_field("error_type", info.error_type())?;
        out.serialize_field("title", info.title())?;
        out.serialize_field("error_message", info.error_message())?;
        out.serialize_field("description", info.description())?;
        out.serialize_field("causes", info.causes())?;
        out.serialize_field("troubleshooting", info.troubleshooting())?;
        out.serialize_field("error_url", info.error_url())?;
        out.end()
    }
}

fn lines<E: ErrorSet>(api: &'static str) -> impl Iterator<Item = Line> {
    E::ALL.iter().map(move |entry| Line {
        api,
        info: entry.info(),
    })
}

fn main() -> ExitCode {
    match write_catalogs() {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): stop quietly, as command-line tools do.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the catalog: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_catalogs() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for line in lines::<ConsumerError>("consumer").chain(lines::<B2bError>("b2b")) {
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
