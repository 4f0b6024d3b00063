//! What the `DocsService`s of the web framework integrations share: the rendered pages by
//! path, and the answer to a request for one.

use std::collections::HashMap;

use bytes::Bytes;

use super::HtmlPages;

/// The `content-type` of a page.
pub(crate) const CONTENT_TYPE: &str = "text/html; charset=utf-8";

/// The `cache-control` of a page: kept, and checked with its entity tag before each use, so
/// that a redeployed service's pages show at once.
pub(crate) const CACHE_CONTROL: &str = "no-cache";

/// The methods a page answers, for the `allow` header of a 405.
pub(crate) const ALLOW: &str = "GET, HEAD";

/// The rendered pages, by the path they are served at.
#[derive(Debug)]
pub(crate) struct Site {
    pages: HashMap<String, Served>,
}

/// One page, as served.
#[derive(Debug)]
pub(crate) struct Served {
    pub(crate) body: Bytes,
    pub(crate) etag: String,
}

/// The answer to a request.
pub(crate) enum Answer<'a> {
    /// The page (to `GET` or `HEAD`): its body unless `not_modified`, the client's copy being
    /// current.
    Page {
        served: &'a Served,
        not_modified: bool,
    },
    /// No page at this path.
    NotFound,
    /// A page, asked with a method other than `GET` or `HEAD`.
    MethodNotAllowed,
}

impl Site {
    /// Renders the pages, once.
    pub(crate) fn new(pages: &HtmlPages) -> Site {
        let pages = pages
            .render()
            .into_iter()
            .map(|page| {
                let served = Served {
                    etag: page.etag().to_owned(),
                    body: Bytes::from(page.html().to_owned()),
                };
                (page.path().to_owned(), served)
            })
            .collect();
        Site { pages }
    }

    /// The answer to `method path`, given the request's `if-none-match` header values.
    pub(crate) fn answer<'h>(
        &self,
        method: &str,
        path: &str,
        if_none_match: impl IntoIterator<Item = &'h [u8]>,
    ) -> Answer<'_> {
        let Some(served) = self.pages.get(path) else {
            return Answer::NotFound;
        };
        if method != "GET" && method != "HEAD" {
            return Answer::MethodNotAllowed;
        }
        let not_modified = if_none_match
            .into_iter()
            .any(|value| matches(value, &served.etag));
        Answer::Page {
            served,
            not_modified,
        }
    }
}

/// Whether an `if-none-match` value names `etag` (or is `*`): weak comparison, as the header
/// asks for.
fn matches(if_none_match: &[u8], etag: &str) -> bool {
    if_none_match.split(|&b| b == b',').any(|tag| {
        let tag = tag.trim_ascii();
        tag == b"*" || tag.strip_prefix(b"W/").unwrap_or(tag) == etag.as_bytes()
    })
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        let etag = "\"0123456789abcdef\"";
        assert!(matches(etag.as_bytes(), etag));
        assert!(matches(b"\"other\", W/\"0123456789abcdef\"", etag));
        assert!(matches(b"*", etag));
        assert!(!matches(b"\"other\"", etag));
        assert!(!matches(b"0123456789abcdef", etag));
        assert!(!matches(b"", etag));
    }
}
