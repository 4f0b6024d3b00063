//! Documentation URL templates: `https://example.com/docs/errors/{status}#{fragment}`.

use crate::names;

/// The placeholders a template may use.
pub const PLACEHOLDERS: &[&str] = &["status", "error_type", "fragment"];

/// A checked template, ready to render one URL per entry: its only braces are placeholders.
pub struct Template(String);

impl Template {
    /// Parses and checks a template; on failure, every problem found, each a full sentence.
    pub fn parse(template: &str) -> Result<Template, Vec<String>> {
        let mut problems = Vec::new();
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            rest = &rest[at..];
            if rest.starts_with('}') {
                problems.push(format!("unmatched `}}` in URL template `{template}`; placeholders are written `{{status}}`"));
                rest = &rest[1..];
                continue;
            }
            let Some(close) = rest.find('}') else {
                problems.push(format!("unclosed `{{` in URL template `{template}`"));
                break;
            };
            if !PLACEHOLDERS.contains(&&rest[1..close]) {
                problems.push(unknown_placeholder(&rest[1..close]));
            }
            rest = &rest[close + 1..];
        }
        if let Some(c) = template.chars().find(|&c| !is_url_char(c)) {
            problems.push(format!(
                "URL template `{template}` contains {}, which a URL cannot hold unencoded; \
                 percent-encode it",
                describe(c)
            ));
        }
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|scheme| template.starts_with(scheme));
        match scheme {
            None => problems.push(format!(
                "`{template}` is not an absolute http(s) URL; write it in full, such as \
                 \"https://example.com/docs/errors/{{status}}#{{fragment}}\""
            )),
            Some(scheme)
                if template[scheme.len()..].starts_with(['/', '?', '#']) || template == scheme =>
            {
                problems.push(format!("URL `{template}` has no host after `{scheme}`"));
            }
            Some(_) => {}
        }
        match problems.is_empty() {
            true => Ok(Template(template.to_owned())),
            false => Err(problems),
        }
    }

    /// Whether the template shows the fragment, so that a fragment given for it matters.
    pub fn uses_fragment(&self) -> bool {
        self.0.contains("{fragment}")
    }

    /// The URL of one entry. (No value has a brace: error_types, fragments and statuses are
    /// checked, so that one placeholder's value cannot be read as another.)
    pub fn render(&self, status: u16, error_type: &str, fragment: &str) -> String {
        (self.0.replace("{status}", &status.to_string()))
            .replace("{error_type}", error_type)
            .replace("{fragment}", fragment)
    }
}

fn unknown_placeholder(name: &str) -> String {
    let valid = names::list(&["{status}", "{error_type}", "{fragment}"]);
    match names::did_you_mean(name, PLACEHOLDERS) {
        Some(close) => format!(
            "unknown placeholder `{{{name}}}` in URL template; did you mean `{{{close}}}`? \
             The placeholders are {valid}"
        ),
        None => format!(
            "unknown placeholder `{{{name}}}` in URL template; the placeholders are {valid}"
        ),
    }
}

/// Checks a fragment: the anchor of an entry on its documentation page. `None` when valid.
pub fn check_fragment(fragment: &str) -> Option<String> {
    if fragment.is_empty() {
        return Some(
            "the fragment is empty; leave `fragment` out to use the error_type".to_owned(),
        );
    }
    let bad = fragment.chars().find(|&c| !is_fragment_char(c))?;
    Some(format!(
        "fragment `{fragment}` contains {}; a fragment is made of letters, digits and \
         `-._~!$&'()*+,;=:@/?%`",
        describe(bad)
    ))
}

/// Characters a URL may carry as they are (RFC 3986), plus the braces of placeholders.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%{}".contains(c)
}

fn is_fragment_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?%".contains(c)
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() || c.is_whitespace() => format!("the character {c:?}"),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_placeholder() {
        let template = Template::parse("https://x.test/{status}/{error_type}#{fragment}").unwrap();
        assert_eq!(
            template.render(404, "a_b", "frag"),
            "https://x.test/404/a_b#frag"
        );
    }

    #[test]
    fn reports_every_problem() {
        let problems = Template::parse("ftp://x/{statu}/{error_type")
            .err()
            .unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("did you mean `{status}`"),
            "{problems:?}"
        );
        assert!(problems[1].contains("unclosed"), "{problems:?}");
        assert!(problems[2].contains("not an absolute"), "{problems:?}");
        assert!(Template::parse("https:///errors").is_err());
        assert!(Template::parse("https://x.test/a b").is_err());
        assert!(Template::parse("https://x.test/}").is_err());
    }

    #[test]
    fn fragments() {
        assert_eq!(check_fragment("owner-missing"), None);
        assert!(check_fragment("").is_some());
        assert!(check_fragment("a#b").is_some());
        assert!(check_fragment("a b").is_some());
    }
}
