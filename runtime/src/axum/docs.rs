//! `DocsService`: the HTML pages of error types, served at the paths of their `error_url`s.

use std::convert::Infallible;
use std::future::{Ready, ready};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::Response;
use http::header::{ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use http::{HeaderValue, Method, Request, StatusCode};
use tower_service::Service;

use crate::HttpError;
use crate::docs::HtmlPages;
use crate::docs::serve::{self, Answer, Site};

/// A [`tower_service::Service`] that serves the [`HtmlPages`] of error types at the paths of
/// their `error_url`s, under whatever host it answers on: every `error_url` a service sends
/// leads to its section.
///
/// ```ignore
/// use axum::Router;
/// use stytch_errors::ConsumerError;
/// use stytch_errors::axum::{DocsService, ErrorLayer};
/// use stytch_errors::docs::HtmlPages;
///
/// let app: Router = Router::new()
///     // .route("/widgets/{id}", get(widget))
///     .fallback_service(DocsService::new(HtmlPages::of::<ConsumerError>()))
///     .layer(ErrorLayer::new());
/// ```
///
/// The pages are rendered once, here. A page answers `GET` and `HEAD` with
/// `content-type: text/html; charset=utf-8`, a strong `ETag` and `cache-control: no-cache`,
/// and `304 Not Modified` when the request's `If-None-Match` names its tag. Any other path
/// is answered with the 404 envelope of [`HttpError::route_not_found`], any other method on a
/// page's path with the 405 of [`HttpError::method_not_allowed`] and an `allow` header, so
/// the service can be a router's fallback. A router with a fallback of its own routes each
/// page's path to it instead (`route_service(page.path(), docs.clone())` for each page of
/// [`HtmlPages::render`]). It matches the request's whole path: mount it where the paths are
/// not cut (not under `nest_service`).
#[derive(Debug, Clone)]
pub struct DocsService {
    site: Arc<Site>,
}

impl DocsService {
    /// Renders the pages to serve.
    #[must_use]
    pub fn new(pages: HtmlPages) -> Self {
        DocsService {
            site: Arc::new(Site::new(&pages)),
        }
    }

    fn respond<B>(&self, request: &Request<B>) -> Response {
        let if_none_match = request
            .headers()
            .get_all(IF_NONE_MATCH)
            .iter()
            .map(HeaderValue::as_bytes);
        let answer = self.site.answer(
            request.method().as_str(),
            request.uri().path(),
            if_none_match,
        );
        let (served, not_modified) = match answer {
            Answer::Page {
                served,
                not_modified,
            } => (served, not_modified),
            Answer::NotFound => return super::error_response(&HttpError::route_not_found),
            Answer::MethodNotAllowed => {
                let mut response = super::error_response(&HttpError::method_not_allowed);
                let allow = HeaderValue::from_static(serve::ALLOW);
                response.headers_mut().insert(ALLOW, allow);
                return response;
            }
        };
        // The length of the page, and no body, to `HEAD`.
        let body = if not_modified || request.method() == Method::HEAD {
            Body::empty()
        } else {
            Body::from(served.body.clone())
        };
        let mut response = Response::new(body);
        let headers = response.headers_mut();
        // A quoted hex digest is a valid header value.
        if let Ok(etag) = HeaderValue::from_str(&served.etag) {
            headers.insert(ETAG, etag);
        }
        let no_cache = HeaderValue::from_static(serve::CACHE_CONTROL);
        headers.insert(CACHE_CONTROL, no_cache);
        if not_modified {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
        } else {
            let html = HeaderValue::from_static(serve::CONTENT_TYPE);
            headers.insert(CONTENT_TYPE, html);
            headers.insert(CONTENT_LENGTH, HeaderValue::from(served.body.len()));
        }
        response
    }
}

impl<B> Service<Request<B>> for DocsService {
    type Response = Response;
    type Error = Infallible;
    type Future = Ready<Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        ready(Ok(self.respond(&request)))
    }
}
