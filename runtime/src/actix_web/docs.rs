//! `DocsService`: the HTML pages of error types, served at the paths of their `error_url`s.

use std::future::{Ready, ready};
use std::sync::Arc;

use actix_web::dev::{Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_TYPE, ETAG, HeaderValue, IF_NONE_MATCH,
};
use actix_web::{HttpResponse, ResponseError};

use crate::HttpError;
use crate::docs::HtmlPages;
use crate::docs::serve::{self, Answer, Site};

/// A service (for `App::default_service`) that serves the [`HtmlPages`] of error types at the
/// paths of their `error_url`s, under whatever host it answers on: every `error_url` a service
/// sends leads to its section.
///
/// ```ignore
/// use actix_web::App;
/// use stytch_errors::ConsumerError;
/// use stytch_errors::actix_web::{DocsService, ErrorEnvelopes};
/// use stytch_errors::docs::HtmlPages;
///
/// let docs = DocsService::new(HtmlPages::of::<ConsumerError>());
/// // In `HttpServer::new(move || …)`, one app per worker, all sharing the rendered pages.
/// let app = App::new()
///     // .route("/widgets/{id}", web::get().to(widget))
///     .default_service(docs.clone())
///     .wrap(ErrorEnvelopes::new());
/// ```
///
/// The pages are rendered once, here. A page answers `GET` and `HEAD` with
/// `content-type: text/html; charset=utf-8`, a strong `ETag` and `cache-control: no-cache`,
/// and `304 Not Modified` when the request's `If-None-Match` names its tag. Any other path
/// is answered with the 404 envelope of [`HttpError::route_not_found`], any other method on a
/// page's path with the 405 of [`HttpError::method_not_allowed`] and an `allow` header.
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

    fn respond(&self, request: &ServiceRequest) -> HttpResponse {
        let if_none_match = request
            .headers()
            .get_all(IF_NONE_MATCH)
            .map(HeaderValue::as_bytes);
        let answer = self
            .site
            .answer(request.method().as_str(), request.path(), if_none_match);
        let (served, not_modified) = match answer {
            // actix-web leaves out the body of a response to `HEAD`, and keeps its length.
            Answer::Page {
                served,
                not_modified,
            } => (served, not_modified),
            Answer::NotFound => return HttpError::route_not_found.error_response(),
            Answer::MethodNotAllowed => {
                let mut response = HttpError::method_not_allowed.error_response();
                let allow = HeaderValue::from_static(serve::ALLOW);
                response.headers_mut().insert(ALLOW, allow);
                return response;
            }
        };
        let mut response = if not_modified {
            HttpResponse::new(StatusCode::NOT_MODIFIED)
        } else {
            HttpResponse::Ok().body(served.body.clone())
        };
        let headers = response.headers_mut();
        // A quoted hex digest is a valid header value.
        if let Ok(etag) = HeaderValue::from_str(&served.etag) {
            headers.insert(ETAG, etag);
        }
        let no_cache = HeaderValue::from_static(serve::CACHE_CONTROL);
        headers.insert(CACHE_CONTROL, no_cache);
        if !not_modified {
            let html = HeaderValue::from_static(serve::CONTENT_TYPE);
            headers.insert(CONTENT_TYPE, html);
        }
        response
    }
}

impl ServiceFactory<ServiceRequest> for DocsService {
    type Response = ServiceResponse;
    type Error = actix_web::Error;
    type Config = ();
    type Service = DocsService;
    type InitError = ();
    type Future = Ready<Result<DocsService, ()>>;

    fn new_service(&self, _: ()) -> Self::Future {
        ready(Ok(self.clone()))
    }
}

impl Service<ServiceRequest> for DocsService {
    type Response = ServiceResponse;
    type Error = actix_web::Error;
    type Future = Ready<Result<ServiceResponse, actix_web::Error>>;

    actix_web::dev::always_ready!();

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let response = self.respond(&request);
        ready(Ok(request.into_response(response)))
    }
}
