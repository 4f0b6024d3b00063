//! `HttpError`: the errors of HTTP itself, for the error responses that a service's own error
//! types did not produce (a framework's rejections, an unknown route, a wrong method, a
//! middleware's text answer).

// The macro's generated code names this crate through `crate = crate`: the set is declared in
// the runtime, where the web framework integrations that answer with it live.
stytch_errors_macros::stytch_errors! {
    /// The errors of HTTP itself: one entry per client and server error status that HTTP
    /// defines, named as Stytch names them where Stytch has a name (`bad_request`,
    /// `route_not_found`, `method_not_allowed`, `too_many_requests`,
    /// `internal_server_error`) and by the snake_case of the reason phrase otherwise
    /// (`unauthorized`, `payload_too_large`, `service_unavailable`, ...). Each entry's URL is the
    /// MDN page of its status.
    ///
    /// The web framework integrations answer with these the error responses that are not
    /// already envelopes: a malformed JSON body or a bad path parameter (`bad_request`), an
    /// unknown route (`route_not_found`), a wrong method (`method_not_allowed`), a
    /// middleware's text answer.
    ///
    /// ```
    /// use stytch_errors::HttpError;
    ///
    /// assert_eq!(HttpError::for_status(404), Some(HttpError::route_not_found));
    /// assert_eq!(HttpError::route_not_found.error_url(), "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404");
    /// assert_eq!(HttpError::for_status(499), None);
    /// assert_eq!(HttpError::for_status_or_class(499), HttpError::bad_request);
    /// ```
    #[stytch(crate = crate, url = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/{status}")]
    #[non_exhaustive]
    pub enum HttpError {
        400 {
            bad_request: "The request could not be understood; check its syntax and parameters.",
        }
        401 {
            unauthorized: "The request lacks valid authentication credentials.",
        }
        402 {
            payment_required: "Payment is required to access this resource.",
        }
        403 {
            forbidden: "The request is not allowed for these credentials.",
        }
        404 {
            route_not_found: "The requested route could not be found.",
        }
        405 {
            method_not_allowed: "The route does not accept this HTTP method.",
        }
        406 {
            not_acceptable: "No representation of the resource matches the request's Accept headers.",
        }
        407 {
            proxy_authentication_required: "The proxy requires authentication.",
        }
        408 {
            request_timeout: "The request took too long to arrive.",
        }
        409 {
            conflict: "The request conflicts with the current state of the resource.",
        }
        410 {
            gone: "The resource is no longer available.",
        }
        411 {
            length_required: "The request must have a Content-Length header.",
        }
        412 {
            precondition_failed: "A precondition of the request was not met.",
        }
        413 {
            payload_too_large: "The request body is too large.",
        }
        414 {
            uri_too_long: "The request URI is too long.",
        }
        415 {
            unsupported_media_type: "The request body's media type is not supported.",
        }
        416 {
            range_not_satisfiable: "The requested range cannot be satisfied.",
        }
        417 {
            expectation_failed: "The request's Expect header cannot be met.",
        }
        418 {
            im_a_teapot: "The server refuses to brew coffee because it is a teapot.",
        }
        421 {
            misdirected_request: "The request was sent to a server that cannot answer it.",
        }
        422 {
            unprocessable_entity: "The request is well formed but its contents are invalid.",
        }
        423 {
            locked: "The resource is locked.",
        }
        424 {
            failed_dependency: "The request depended on another request that failed.",
        }
        425 {
            too_early: "The server will not process a request that might be replayed.",
        }
        426 {
            upgrade_required: "The client must switch to another protocol.",
        }
        428 {
            precondition_required: "The request must be conditional.",
        }
        429 {
            too_many_requests: "Too many requests have been sent; retry later.",
        }
        431 {
            request_header_fields_too_large: "The request's headers are too large.",
        }
        451 {
            unavailable_for_legal_reasons: "The resource is unavailable for legal reasons.",
        }
        500 {
            internal_server_error: "The server encountered an unexpected error.",
        }
        501 {
            not_implemented: "The server does not support this request.",
        }
        502 {
            bad_gateway: "An upstream server sent an invalid response.",
        }
        503 {
            service_unavailable: "The service is temporarily unavailable; retry later.",
        }
        504 {
            gateway_timeout: "An upstream server did not answer in time.",
        }
        505 {
            http_version_not_supported: "The request's HTTP version is not supported.",
        }
        506 {
            variant_also_negotiates: "The server has a content negotiation loop.",
        }
        507 {
            insufficient_storage: "The server cannot store what the request needs.",
        }
        508 {
            loop_detected: "The server detected an infinite loop while answering the request.",
        }
        510 {
            not_extended: "The request needs further extensions to be answered.",
        }
        511 {
            network_authentication_required: "The client must authenticate to gain network access.",
        }
    }
}

impl HttpError {
    /// The entry of `status`, if HTTP defines that client or server error status.
    #[must_use]
    pub const fn for_status(status: u16) -> Option<HttpError> {
        let mut at = 0;
        while at < HttpError::ALL.len() {
            if HttpError::ALL[at].status_code() == status {
                return Some(HttpError::ALL[at]);
            }
            at += 1;
        }
        None
    }

    /// The entry of `status`, or for a status HTTP does not define, that of its class:
    /// `bad_request` for `4xx`, `internal_server_error` otherwise.
    #[must_use]
    pub const fn for_status_or_class(status: u16) -> HttpError {
        match HttpError::for_status(status) {
            Some(error) => error,
            None if status >= 400 && status < 500 => HttpError::bad_request,
            None => HttpError::internal_server_error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::HttpError;
    use crate::StytchError;

    /// Every name is the snake_case of the status's reason phrase, but for Stytch's
    /// `route_not_found`; and every status `http` knows in 400..=599 has an entry.
    #[cfg(feature = "http")]
    #[test]
    fn names_are_the_reason_phrases() {
        for status in 400..=599 {
            let Some(reason) = http::StatusCode::from_u16(status)
                .ok()
                .and_then(|status| status.canonical_reason())
            else {
                continue;
            };
            let snake: String = reason
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
                .map(|c| {
                    if c == ' ' || c == '-' {
                        '_'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            let error = HttpError::for_status(status)
                .unwrap_or_else(|| panic!("no entry for {status} {reason}"));
            let expected = if status == 404 {
                "route_not_found"
            } else {
                snake.as_str()
            };
            assert_eq!(error.error_type(), expected, "{status} {reason}");
        }
    }

    #[test]
    fn one_entry_per_status_named_by_its_reason_phrase() {
        let stytch = [
            (400, "bad_request"),
            (404, "route_not_found"),
            (405, "method_not_allowed"),
            (429, "too_many_requests"),
            (500, "internal_server_error"),
            (503, "service_unavailable"),
        ];
        for (status, name) in stytch {
            assert_eq!(HttpError::for_status(status).unwrap().error_type(), name);
        }
        for error in HttpError::ALL {
            assert_eq!(HttpError::for_status(error.status_code()), Some(*error));
            assert!(
                error
                    .error_url()
                    .ends_with(&error.status_code().to_string())
            );
        }
        assert_eq!(HttpError::for_status_or_class(460), HttpError::bad_request);
        assert_eq!(HttpError::ALL.len(), 40);
        assert_eq!(
            HttpError::for_status_or_class(599),
            HttpError::internal_server_error
        );
    }
}
