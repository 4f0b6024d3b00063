//! A set whose texts hold what a string literal must take care with (quotes followed by `#`, a
//! carriage return, backslashes): every text is kept exactly, and written as serde_json writes
//! it.

use stytch_errors::StytchError;

stytch_errors::stytch_errors! {
    /// Texts that a string literal must take care with.
    #[stytch(url = "https://example.com/errors/{status}#{fragment}")]
    pub enum Quoting {
        400 {
            /// A doc comment with "quotes"# too.
            quoted: "He said \"hi\"# and \"bye\"##." {
                description: "Quotes: \"a\"# and \"b\"## in the description.",
                causes: ["A \"cause\"#."],
                troubleshooting: ["Step \"one\"###.", "Step\rtwo."],
            },
            returned: "Line one.\r\nLine two.",
            escaped: "A backslash \\ and a tab\t.",
        }
    }
}

#[test]
fn texts_are_kept_exactly() {
    assert_eq!(
        Quoting::quoted.error_message(),
        "He said \"hi\"# and \"bye\"##."
    );
    assert_eq!(
        Quoting::quoted.info().description(),
        "Quotes: \"a\"# and \"b\"## in the description."
    );
    assert_eq!(Quoting::quoted.info().causes(), ["A \"cause\"#."]);
    assert_eq!(
        Quoting::quoted.info().troubleshooting(),
        ["Step \"one\"###.", "Step\rtwo."]
    );
    assert_eq!(Quoting::returned.error_message(), "Line one.\r\nLine two.");
    assert_eq!(
        Quoting::escaped.error_message(),
        "A backslash \\ and a tab\t."
    );
    for entry in Quoting::ALL {
        let envelope = entry.envelope("r");
        let mut written = Vec::new();
        envelope.write_json(&mut written).unwrap();
        assert_eq!(written, serde_json::to_vec(&envelope).unwrap());
    }
}
