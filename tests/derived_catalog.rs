//! A derived type lists its errors as a set does: docs pages, OpenAPI responses (feature
//! `utoipa`) and JSON Schemas (feature `schemars`) take it, and a transparent variant contributes
//! the errors of its field's type.

use stytch_errors::docs::MarkdownPage;
use stytch_errors::{ConsumerError, ErrorCatalog, StytchError};

stytch_errors::stytch_errors! {
    /// The widget service's own set.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
        409 {
            /// Retired.
            #[deprecated = "never sent since 2.0"]
            widget_frozen: "Widget is frozen.",
        }
    }
}

/// A service's error type.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    /// The widget is locked by another request.
    #[stytch(status = 409, message = "Widget {id} is locked.")]
    WidgetLocked { id: u64 },
    /// Retired.
    #[deprecated]
    #[stytch(status = 410, message = "Gone.")]
    Gone,
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,
    #[stytch(transparent)]
    Widget(WidgetError),
    #[cfg(any())]
    #[stytch(status = 418, message = "Compiled out.")]
    Teapot,
}

fn listed<E: ErrorCatalog>() -> Vec<(u16, &'static str)> {
    E::errors()
        .into_iter()
        .map(|info| (info.status_code(), info.error_type()))
        .collect()
}

#[test]
fn a_derived_type_lists_its_variants_and_its_transparent_fields_errors() {
    assert_eq!(AppError::TYPE_NAME, "AppError");
    assert_eq!(
        listed::<AppError>(),
        [
            (409, "widget_locked"),
            (410, "gone"),
            (404, "email_not_found"),
            (404, "widget_not_found"),
            (409, "widget_frozen"),
        ]
    );
    let errors = AppError::errors();
    assert_eq!(errors[0].error_message(), "Widget {id} is locked.");
    assert_eq!(
        errors[0].description(),
        "The widget is locked by another request."
    );
    assert_eq!(
        errors[0].error_url(),
        "https://example.com/docs/errors/409#widget_locked"
    );
    assert!(!errors[0].deprecated());
    assert!(errors[1].deprecated());
    assert!(std::ptr::eq(
        errors[2],
        ConsumerError::email_not_found.info()
    ));
    assert!(errors[4].deprecated(), "a deprecated entry of a set");
    // A set lists its entries, in declaration order.
    assert_eq!(
        listed::<WidgetError>(),
        [(404, "widget_not_found"), (409, "widget_frozen")]
    );
}

#[test]
fn a_docs_page_of_a_derived_type() {
    let page = MarkdownPage::of::<AppError>().to_string();
    assert!(page.starts_with("# AppError\n"), "{page}");
    let headings: Vec<&str> = page
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect();
    assert_eq!(
        headings,
        [
            "widget_locked",
            "gone",
            "email_not_found",
            "widget_not_found",
            "widget_frozen"
        ]
    );
    assert!(
        page.contains("**410** · **Gone** · *Deprecated*\n"),
        "{page}"
    );
    assert!(
        page.contains("**409** · **Widget frozen** · *Deprecated*\n"),
        "{page}"
    );
    assert!(page.contains("\"error_message\": \"Widget {id} is locked.\""));
}

#[cfg(feature = "utoipa")]
#[test]
fn the_openapi_document_lists_every_status_and_error_type() {
    use stytch_errors::__private::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use stytch_errors::__private::utoipa::openapi::{
        OpenApiBuilder, PathsBuilder, ResponsesBuilder,
    };

    let operation = OperationBuilder::new()
        .responses(
            ResponsesBuilder::new()
                .responses_from_into_responses::<AppError>()
                .build(),
        )
        .build();
    let document = OpenApiBuilder::new()
        .paths(
            PathsBuilder::new()
                .path("/widgets/{id}", PathItem::new(HttpMethod::Get, operation))
                .build(),
        )
        .build();
    let document = serde_json::to_value(&document).unwrap();
    let responses = &document["paths"]["/widgets/{id}"]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["404", "409", "410"]);
    let examples = |status: &str| {
        let examples = responses[status]["content"]["application/json"]["examples"]
            .as_object()
            .unwrap();
        let mut names: Vec<&str> = responses[status]["description"]
            .as_str()
            .unwrap()
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        // The description lists the names in declaration order, the examples by name.
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(
            examples.keys().map(String::as_str).collect::<Vec<_>>(),
            sorted
        );
        names.dedup();
        serde_json::json!(names)
    };
    assert_eq!(
        examples("404"),
        serde_json::json!(["email_not_found", "widget_not_found"])
    );
    assert_eq!(
        examples("409"),
        serde_json::json!(["widget_locked", "widget_frozen"])
    );
    assert_eq!(examples("410"), serde_json::json!(["gone"]));
    assert!(
        responses["409"]["description"]
            .as_str()
            .unwrap()
            .starts_with("Error 409: ")
    );
}

#[cfg(feature = "schemars")]
#[test]
fn the_json_schema_of_a_derived_type_lists_its_names() {
    let schema = stytch_errors::schemars::envelope_schema::<AppError>();
    let schema = schema.as_value();
    assert_eq!(schema["title"], "AppError envelope");
    assert_eq!(
        schema["properties"]["error_type"]["examples"],
        serde_json::json!([
            "widget_locked",
            "gone",
            "email_not_found",
            "widget_not_found",
            "widget_frozen"
        ])
    );
    assert_eq!(
        schema["properties"]["status_code"]["examples"],
        serde_json::json!([409, 410, 404])
    );
}

/// An entry variant whose entry the transparent field's set lists too.
#[derive(Debug, StytchError)]
pub enum Overlapping {
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,
    #[stytch(transparent)]
    Stytch(ConsumerError),
}

#[test]
fn an_error_type_listed_twice_is_listed_once_where_it_first_appears() {
    let errors = Overlapping::errors();
    assert_eq!(errors.len(), ConsumerError::ALL.len());
    assert_eq!(errors[0].error_type(), "email_not_found");
    let mut names: Vec<&str> = errors.iter().map(|info| info.error_type()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), errors.len(), "no name twice");
    let page = MarkdownPage::of::<Overlapping>().to_string();
    assert_eq!(page.matches("\n## email_not_found\n").count(), 1);
    assert_eq!(page.matches("\n## ").count(), ConsumerError::ALL.len());
}

/// An entry variant with its own message: the entry's status, error_type and URL, sent with
/// the variant's message.
#[derive(Debug, StytchError)]
pub enum Reworded {
    #[stytch(entry = ConsumerError::email_not_found, message = "No account has the email \"{email}\".")]
    MissingEmail { email: String },
}

#[test]
fn an_entry_variant_with_its_own_message_is_listed_with_the_template_it_sends() {
    let errors = Reworded::errors();
    assert_eq!(errors.len(), 1);
    let (info, entry) = (errors[0], ConsumerError::email_not_found.info());
    assert_eq!(
        info.error_message(),
        "No account has the email \"{email}\"."
    );
    assert_eq!(
        (info.status_code(), info.error_type(), info.error_url()),
        (entry.status_code(), entry.error_type(), entry.error_url())
    );
    // Its envelope written by the fast path is the serde path's JSON, the template escaped.
    let envelope = info.envelope("req-9");
    let mut written = Vec::new();
    envelope.write_json(&mut written).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&written).unwrap(),
        serde_json::to_value(&envelope).unwrap()
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&written).unwrap()["error_message"],
        "No account has the email \"{email}\"."
    );
    let sent = Reworded::MissingEmail {
        email: "a@b.test".into(),
    };
    assert_eq!(
        sent.error_message(),
        "No account has the email \"a@b.test\"."
    );
}
