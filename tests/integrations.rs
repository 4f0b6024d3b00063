//! The integrations as a user of the facade sees them, each under its feature: what the code
//! generated for sets and derived types (generic ones included) implements.

// A derived type with generics, a lifetime and a where clause, for the generated impls.
#[allow(dead_code)]
mod derived {
    use std::fmt::Display;

    use stytch_errors::{ConsumerError, StytchError};

    #[derive(Debug, StytchError)]
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum Generic<'a, T: Display, E>
    where
        E: StytchError,
    {
        #[stytch(status = 409, message = "Widget {0} is locked by {1}.")]
        Locked(T, &'a str),
        #[stytch(transparent)]
        Inner(E),
        #[stytch(entry = ConsumerError::email_not_found)]
        MissingEmail,
    }
}

#[cfg(feature = "http")]
mod http {
    use stytch_errors::{ConsumerError, ErrorEnvelope, StytchError};

    use crate::derived::Generic;

    #[test]
    fn statuses_as_http_status_codes() {
        let status = ConsumerError::email_not_found.http_status();
        assert_eq!(status.as_u16(), 404);
        assert_eq!(status.canonical_reason(), Some("Not Found"));
        assert_eq!(ConsumerError::email_not_found.info().http_status(), status);
        let locked: Generic<'_, u32, ConsumerError> = Generic::Locked(7, "another request");
        assert_eq!(locked.http_status().as_u16(), 409);
        let dynamic: &dyn StytchError = &locked;
        assert_eq!(dynamic.http_status().as_u16(), 409);
        assert_eq!(
            ErrorEnvelope::new(503, "down", "Down.")
                .http_status()
                .map(|s| s.as_u16()),
            Some(503)
        );
    }
}

#[cfg(feature = "axum")]
mod axum {
    use axum::body::to_bytes;
    use axum::response::{IntoResponse, Response};
    use serde_json::Value;
    use stytch_errors::{ConsumerError, ErrorEnvelope, StytchError};

    use crate::derived::Generic;

    fn parts(response: Response) -> (u16, Option<String>, Option<String>, Value) {
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        let (content_type, request_id) = (header("content-type"), header("x-request-id"));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let body = runtime
            .block_on(to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        (
            status,
            content_type,
            request_id,
            serde_json::from_slice(&body).unwrap(),
        )
    }

    #[test]
    fn sets_derived_types_and_envelopes_are_responses() {
        let (status, content_type, request_id, body) =
            parts(ConsumerError::email_not_found.into_response());
        assert_eq!(status, 404);
        assert_eq!(content_type.as_deref(), Some("application/json"));
        let request_id = request_id.expect("a generated request id");
        assert!(request_id.starts_with("request-id-"));
        assert_eq!(
            body,
            serde_json::to_value(ConsumerError::email_not_found.envelope(&request_id)).unwrap()
        );

        let locked: Generic<'_, u32, ConsumerError> = Generic::Locked(7, "another request");
        let (status, _, request_id, body) = parts(locked.into_response());
        assert_eq!(status, 409);
        assert_eq!(
            body["error_message"],
            "Widget 7 is locked by another request."
        );
        assert_eq!(body["request_id"].as_str(), request_id.as_deref());
        let inner: Generic<'_, u32, ConsumerError> = Generic::Inner(ConsumerError::user_not_found);
        assert_eq!(
            parts(inner.into_response()).3["error_type"],
            "user_not_found"
        );

        // An envelope keeps the request id it has.
        let envelope = ErrorEnvelope::new(502, "upstream_failed", "Upstream failed.")
            .with_request_id("request-id-upstream");
        let (status, _, request_id, body) = parts(envelope.into_response());
        assert_eq!(status, 502);
        assert_eq!(request_id.as_deref(), Some("request-id-upstream"));
        assert_eq!(body["request_id"], "request-id-upstream");
        assert!(body.get("error_url").is_none());

        // Any error, boxed.
        let boxed: Box<dyn StytchError + Send + Sync> = Box::new(ConsumerError::email_not_found);
        let (status, _, request_id, body) = parts(boxed.into_response());
        assert_eq!(status, 404);
        let request_id = request_id.expect("a generated request id");
        assert_eq!(
            body,
            serde_json::to_value(ConsumerError::email_not_found.envelope(&request_id)).unwrap()
        );
    }
}

#[cfg(feature = "actix-web")]
mod actix_web {
    // The trait through the facade's hidden re-export: this test has no actix-web dependency of
    // its own, so that the tests without features do not build it.
    use stytch_errors::__private::actix_web::ResponseError;
    use stytch_errors::{ConsumerError, StytchError};

    use crate::derived::Generic;

    #[test]
    fn sets_and_derived_types_are_response_errors() {
        let response = ConsumerError::email_not_found.error_response();
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/json"
        );
        assert!(response.headers().contains_key("x-request-id"));
        let locked: Generic<'_, u32, ConsumerError> = Generic::Locked(7, "another request");
        assert_eq!(ResponseError::status_code(&locked).as_u16(), 409);

        let boxed: Box<dyn StytchError + Send + Sync> = Box::new(locked_static());
        assert_eq!(ResponseError::status_code(&boxed).as_u16(), 409);
        let response = boxed.error_response();
        assert_eq!(response.status().as_u16(), 409);
        assert!(response.headers().contains_key("x-request-id"));
    }

    fn locked_static() -> Generic<'static, u32, ConsumerError> {
        Generic::Locked(7, "another request")
    }
}

#[cfg(feature = "utoipa")]
mod utoipa {
    use stytch_errors::__private::utoipa::IntoResponses;
    use stytch_errors::{B2bError, ConsumerError};

    stytch_errors::stytch_errors! {
        /// Two statuses.
        #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
        pub enum WidgetError {
            404 {
                widget_not_found: "Widget could not be found.",
                owner_not_found: "Owner could not be found.",
            }
            409 {
                widget_locked: "Widget is locked.",
            }
        }
    }

    #[test]
    fn a_set_documents_one_response_per_status() {
        let responses = serde_json::to_value(WidgetError::responses()).unwrap();
        let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["404", "409"]);
        let not_found = &responses["404"];
        assert!(
            not_found["description"]
                .as_str()
                .unwrap()
                .contains("`widget_not_found`, `owner_not_found`")
        );
        let content = &not_found["content"]["application/json"];
        assert_eq!(
            content["schema"],
            serde_json::json!({"$ref": "#/components/schemas/ErrorEnvelope"})
        );
        let examples = content["examples"].as_object().unwrap();
        let names: Vec<&String> = examples.keys().collect();
        assert_eq!(names, ["owner_not_found", "widget_not_found"]);
        assert_eq!(
            examples["widget_not_found"]["value"]["error_url"],
            "https://example.com/docs/errors/404#widget_not_found"
        );
        assert!(
            !not_found["description"]
                .as_str()
                .unwrap()
                .contains("widget_locked")
        );
        assert_eq!(B2bError::responses().len(), 1);
    }

    #[test]
    fn the_envelope_schema_of_a_set_lists_its_names_per_status() {
        let schema =
            serde_json::to_value(stytch_errors::utoipa::envelope_schema::<WidgetError>()).unwrap();
        let error_type = &schema["properties"]["error_type"];
        let description = error_type["description"].as_str().unwrap();
        assert!(description.contains("- 404: `widget_not_found`, `owner_not_found`"));
        assert!(description.contains("- 409: `widget_locked`"));
        assert!(error_type.get("enum").is_none());
        assert_eq!(schema["required"].as_array().unwrap().len(), 5);
        let consumer =
            serde_json::to_value(stytch_errors::utoipa::envelope_schema::<ConsumerError>())
                .unwrap();
        assert_eq!(
            consumer["properties"]["error_type"]["examples"]
                .as_array()
                .unwrap()
                .len(),
            ConsumerError::ALL.len()
        );
    }
}

#[cfg(feature = "schemars")]
mod schemars {
    use stytch_errors::B2bError;

    #[test]
    fn the_envelope_schema_of_a_set_lists_its_names_and_stays_open() {
        let schema = stytch_errors::schemars::envelope_schema::<B2bError>();
        let schema = schema.as_value();
        assert_eq!(schema["title"], "B2bError envelope");
        let error_type = &schema["properties"]["error_type"];
        assert_eq!(error_type["type"], "string");
        assert!(error_type.get("enum").is_none(), "left open");
        let examples = error_type["examples"].as_array().unwrap();
        assert_eq!(examples.len(), B2bError::ALL.len());
        assert_eq!(examples[0], B2bError::ALL[0].error_type());
        assert!(
            error_type["description"]
                .as_str()
                .unwrap()
                .contains("- 404: `billing_info_not_found`, ")
        );
    }
}
