//! `tracing` integration: an error's `error_type`, `status_code` and `request_id` as fields.
//!
//! Behind the web framework integrations' layer (`axum::ErrorLayer`,
//! `actix_web::ErrorEnvelopes`), nothing is needed: the layer records one event per error
//! response, with [`envelope_event`]. For errors handled elsewhere:
//!
//! ```ignore
//! let span = tracing::info_span!(
//!     "request",
//!     error_type = tracing::field::Empty,
//!     status_code = tracing::field::Empty,
//!     request_id = tracing::field::Empty,
//! );
//! // …
//! stytch_errors::tracing::record(&span, &error, request_id); // on the request's span
//! stytch_errors::tracing::event(&error, request_id);         // or as an event of its own
//! stytch_errors::tracing::envelope_event(&envelope);          // an envelope, received or sent
//! ```
//!
//! Text that may come from outside (messages, error types and request ids of envelopes) is
//! recorded escaped, as Rust escapes a string's `Debug` without the quotes: a newline is `\n`,
//! so no value can forge a log line.

use tracing::Span;

use crate::{ErrorEnvelope, StytchError};

/// The target of the events of [`event`], to filter them by (`stytch_errors=info`).
pub const TARGET: &str = "stytch_errors";

/// Emits an event for the error, with the fields `error_type`, `status_code` and `request_id`
/// and the error's message as the event's message: at level `ERROR` for a 5xx status, `INFO`
/// for a 4xx one (the client's mistake, not the service's), under the target [`TARGET`].
pub fn event<E: StytchError + ?Sized>(error: &E, request_id: &str) {
    emit(
        error.status_code(),
        Some(error.error_type()),
        Some(&error.error_message()),
        request_id,
    );
}

/// Emits the event of [`event`] for an envelope; one without a request id records it empty.
pub fn envelope_event(envelope: &ErrorEnvelope<'_>) {
    emit(
        envelope.status_code(),
        Some(envelope.error_type()),
        Some(envelope.error_message()),
        envelope.request_id().unwrap_or_default(),
    );
}

/// The event of an error response of the layers: of its envelope, or of its status alone for
/// a JSON body that is not one of this crate's.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn response_event(
    status_code: u16,
    envelope: Option<&ErrorEnvelope<'_>>,
    request_id: &str,
) {
    match envelope {
        Some(envelope) => emit(
            status_code,
            Some(envelope.error_type()),
            Some(envelope.error_message()),
            request_id,
        ),
        None => emit(status_code, None, None, request_id),
    }
}

fn emit(status_code: u16, error_type: Option<&str>, message: Option<&str>, request_id: &str) {
    let error_type = error_type.map(str::escape_debug);
    let error_type = tracing::field::display(error_type.map_or(Escaped::None, Escaped::Some));
    let request_id = request_id.escape_debug();
    let message = message.map_or(Escaped::None, |message| {
        Escaped::Some(message.escape_debug())
    });
    if status_code >= 500 {
        tracing::error!(target: TARGET, error_type, status_code, %request_id, "{message}");
    } else {
        tracing::info!(target: TARGET, error_type, status_code, %request_id, "{message}");
    }
}

/// An escaped text, or the placeholder of a missing one.
#[derive(Clone)]
enum Escaped<'a> {
    Some(std::str::EscapeDebug<'a>),
    None,
}

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Escaped::Some(text) => std::fmt::Display::fmt(&text.clone(), f),
            Escaped::None => f.write_str("-"),
        }
    }
}

/// Records the error's `error_type` and `status_code`, and the `request_id`, on `span`.
///
/// A span records only the fields it declared, so declare these three when creating it, with
/// `tracing::field::Empty` as their value; fields it did not declare are left out.
pub fn record<E: StytchError + ?Sized>(span: &Span, error: &E, request_id: &str) {
    span.record(
        "error_type",
        tracing::field::display(error.error_type().escape_debug()),
    );
    span.record("status_code", error.status_code());
    span.record(
        "request_id",
        tracing::field::display(request_id.escape_debug()),
    );
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::fmt;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Level, Metadata, Subscriber};

    use crate::StytchError;

    #[derive(Debug)]
    struct Failure(u16);

    impl fmt::Display for Failure {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("The widget store is down.")
        }
    }

    impl std::error::Error for Failure {}

    impl StytchError for Failure {
        fn status_code(&self) -> u16 {
            self.0
        }
        fn error_type(&self) -> &str {
            "widget_store_unavailable"
        }
        fn error_message(&self) -> Cow<'_, str> {
            Cow::Owned(self.to_string())
        }
        fn error_url(&self) -> &str {
            "https://example.com/errors#widget_store_unavailable"
        }
    }

    /// The fields of an event or span record, by name.
    type Fields = Vec<(String, String)>;

    /// What the subscriber saw: per event or span record, its level (events only), target and
    /// fields.
    #[derive(Default)]
    struct Seen(Vec<(Option<Level>, String, Fields)>);

    struct Visitor<'a>(&'a mut Fields);

    impl Visit for Visitor<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
            self.0.push((field.name().to_owned(), format!("{value:?}")));
        }
        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.push((field.name().to_owned(), value.to_owned()));
        }
    }

    struct Capture(Arc<Mutex<Seen>>);

    impl Subscriber for Capture {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(1)
        }
        fn record(&self, _: &Id, values: &Record<'_>) {
            let mut fields = Vec::new();
            values.record(&mut Visitor(&mut fields));
            self.0
                .lock()
                .unwrap()
                .0
                .push((None, "span".to_owned(), fields));
        }
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            let mut fields = Vec::new();
            event.record(&mut Visitor(&mut fields));
            let metadata = event.metadata();
            self.0.lock().unwrap().0.push((
                Some(*metadata.level()),
                metadata.target().to_owned(),
                fields,
            ));
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }

    fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("no field `{name}` in {fields:?}"))
    }

    #[test]
    fn events_carry_the_fields_at_a_level_by_status() {
        let seen = Arc::new(Mutex::new(Seen::default()));
        tracing::subscriber::with_default(Capture(Arc::clone(&seen)), || {
            super::event(&Failure(503), "request-id-1");
            super::event(&Failure(404), "request-id-2");
        });
        let seen = seen.lock().unwrap();
        let [(server_level, target, server), (client_level, _, client)] = seen.0.as_slice() else {
            panic!("two events expected");
        };
        assert_eq!(target, super::TARGET);
        assert_eq!(*server_level, Some(Level::ERROR));
        assert_eq!(*client_level, Some(Level::INFO));
        assert_eq!(field(server, "error_type"), "widget_store_unavailable");
        assert_eq!(field(server, "status_code"), "503");
        assert_eq!(field(server, "request_id"), "request-id-1");
        assert_eq!(field(server, "message"), "The widget store is down.");
        assert_eq!(field(client, "status_code"), "404");
        assert_eq!(field(client, "request_id"), "request-id-2");
    }

    #[test]
    fn record_fills_the_declared_fields_of_a_span() {
        let seen = Arc::new(Mutex::new(Seen::default()));
        tracing::subscriber::with_default(Capture(Arc::clone(&seen)), || {
            let span = tracing::info_span!(
                "request",
                error_type = tracing::field::Empty,
                status_code = tracing::field::Empty,
                request_id = tracing::field::Empty,
            );
            super::record(&span, &Failure(503), "request-id-3");
        });
        let seen = seen.lock().unwrap();
        let recorded: Fields = seen
            .0
            .iter()
            .flat_map(|(_, _, fields)| fields.iter().cloned())
            .collect();
        assert_eq!(field(&recorded, "error_type"), "widget_store_unavailable");
        assert_eq!(field(&recorded, "status_code"), "503");
        assert_eq!(field(&recorded, "request_id"), "request-id-3");
    }
}
