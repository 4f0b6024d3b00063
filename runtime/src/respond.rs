//! What the web framework integrations share: the body of an error response, and the request
//! id it carries until a middleware replaces it with the request's own.

use crate::{ErrorEnvelope, StytchError, generate_request_id};

/// The header a request's id travels in, both ways.
pub(crate) const REQUEST_ID_HEADER: &str = "x-request-id";

/// The response extension the integrations put on every error response: the envelope that the
/// body holds, so that a middleware can render it again with the request's id.
#[derive(Debug, Clone)]
pub(crate) struct Rendered {
    pub(crate) envelope: ErrorEnvelope<'static>,
    /// Whether the request id in the body was generated for want of the request's, and so is
    /// to be replaced by it.
    pub(crate) generated_request_id: bool,
}

impl Rendered {
    /// An error with a generated request id.
    pub(crate) fn error<E: StytchError + ?Sized>(error: &E) -> Self {
        let request_id = generate_request_id();
        Rendered {
            envelope: error.envelope(&request_id).into_owned(),
            generated_request_id: true,
        }
    }

    /// An envelope as it is; one without a request id gets a generated one.
    pub(crate) fn envelope(envelope: ErrorEnvelope<'_>) -> Self {
        let generated_request_id = envelope.request_id().is_none();
        let envelope = if generated_request_id {
            envelope.with_request_id(generate_request_id())
        } else {
            envelope
        };
        Rendered {
            envelope: envelope.into_owned(),
            generated_request_id,
        }
    }

    /// Gives the body the request's id, unless the envelope came with its own. Whether it did.
    pub(crate) fn adopt_request_id(&mut self, request_id: &str) -> bool {
        if !self.generated_request_id {
            return false;
        }
        self.envelope = self.envelope.clone().with_request_id(request_id.to_owned());
        self.generated_request_id = false;
        true
    }

    /// The JSON body: for an entry of a set, its precomputed JSON around the request id.
    pub(crate) fn body(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(320);
        // Writing into a `Vec` cannot fail, nor can serializing strings and a number.
        if self.envelope.write_json(&mut body).is_err() {
            body.clear();
        }
        body
    }
}
