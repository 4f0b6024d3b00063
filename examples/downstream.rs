//! What a downstream service writes: a set of its own declared with `stytch_errors!`, an app
//! error enum with `#[derive(StytchError)]` (interpolated messages, an `entry` of a set and a
//! `transparent` wrapper), and the envelopes its handlers answer with.
//!
//! ```sh
//! cargo run --example downstream
//! ```

use stytch_errors::{ConsumerError, StytchError, stytch_errors};

stytch_errors! {
    /// Errors of the widget service.
    #[stytch(url = "https://widgets.example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
            owner_not_found: "The widget's owner could not be found." {
                description: "There is no user with the supplied `owner_id`.",
                fragment: "owner-missing",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
    }
}

/// Everything the widget service's handlers can fail with.
#[derive(Debug, StytchError)]
#[stytch(url = "https://widgets.example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    /// A quota, with the numbers in the message.
    #[stytch(status = 429, message = "Quota exceeded: {used} of {limit} widgets.")]
    QuotaExceeded { used: u32, limit: u32 },

    /// A widget id that cannot be parsed.
    #[stytch(
        status = 400,
        error_type = "invalid_widget_id",
        message = "{0:?} is not a widget id."
    )]
    BadId(String),

    /// The owner of the widget has no email: the consumer catalog's entry, with its own message.
    #[stytch(entry = ConsumerError::email_not_found, message = "Owner {owner} has no email on file.")]
    OwnerWithoutEmail { owner: String },

    /// The entry of this service's own set, as declared.
    #[stytch(entry = WidgetError::widget_locked)]
    Locked,

    /// Any error of this service's set.
    #[stytch(transparent)]
    Widget(WidgetError),

    /// Any error of the Stytch consumer API, passed through.
    #[stytch(transparent)]
    Stytch(ConsumerError),
}

fn main() {
    let errors = [
        AppError::QuotaExceeded {
            used: 120,
            limit: 100,
        },
        AppError::BadId("w-1/x".to_owned()),
        AppError::OwnerWithoutEmail {
            owner: "user-test-16d9ba61".to_owned(),
        },
        AppError::Locked,
        AppError::Widget(WidgetError::owner_not_found),
        AppError::Stytch(ConsumerError::user_not_found),
    ];
    for (n, error) in errors.iter().enumerate() {
        let request_id = format!("request-id-example-{n}");
        let envelope = error.envelope(&request_id);
        println!("{error:?}");
        println!("  HTTP {} {}", error.status_code(), error);
        if let Some(info) = error.entry_info() {
            println!(
                "  documented entry: {} ({})",
                info.title(),
                info.error_url()
            );
        }
        match serde_json::to_string_pretty(&envelope) {
            Ok(json) => println!("{json}\n"),
            Err(error) => eprintln!("could not serialize the envelope: {error}"),
        }
    }
}
