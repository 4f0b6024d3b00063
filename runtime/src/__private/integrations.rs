//! The integrations' part of the generated code: one macro that the code generated for every
//! set and derived type invokes, whose expansion depends on the features enabled here. The
//! features are this crate's (forwarded by the facade), not those of the crate invoking it.

/// Implements the foreign traits of the enabled integrations for a type that implements
/// `StytchError`: `set Type` for a set declared with `stytch_errors!`,
/// `derive [impl generics] Type [where predicates]` for a type deriving `StytchError`.
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_integrations {
    (set $ty:ty) => {
        $crate::__stytch_errors_axum! { [] $ty [] }
        $crate::__stytch_errors_actix_web! { [] $ty [] }
        $crate::__stytch_errors_utoipa! { $ty }
    };
    (derive [$($generics:tt)*] $ty:ty [$($bounds:tt)*]) => {
        $crate::__stytch_errors_axum! { [$($generics)*] $ty [$($bounds)*] }
        $crate::__stytch_errors_actix_web! { [$($generics)*] $ty [$($bounds)*] }
    };
}

/// `IntoResponse`, with the `axum` feature.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_axum {
    // Without generics, no `Self: StytchError` bound: it would be a trivial one, an error of its
    // own on top of the user's when their type fails to implement `StytchError`.
    ([] $ty:ty [$($bounds:tt)*]) => {
        $crate::__stytch_errors_axum! { @impl [] $ty [$($bounds)*] }
    };
    ([$($generics:tt)*] $ty:ty [$($bounds:tt)*]) => {
        $crate::__stytch_errors_axum! {
            @impl [$($generics)*] $ty [Self: $crate::StytchError, $($bounds)*]
        }
    };
    (@impl [$($generics:tt)*] $ty:ty [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum_core::response::IntoResponse for $ty
        where
            $($bounds)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_error_response(&self)
            }
        }
    };
}

/// Nothing, without the `axum` feature.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_axum {
    ($($input:tt)*) => {};
}

/// `ResponseError`, with the `actix-web` feature.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_actix_web {
    // Without generics, no `Self: StytchError` bound, as for axum.
    ([] $ty:ty [$($bounds:tt)*]) => {
        $crate::__stytch_errors_actix_web! { @impl [] $ty [$($bounds)*] }
    };
    ([$($generics:tt)*] $ty:ty [$($bounds:tt)*]) => {
        $crate::__stytch_errors_actix_web! {
            @impl [$($generics)*] $ty [Self: $crate::StytchError, $($bounds)*]
        }
    };
    (@impl [$($generics:tt)*] $ty:ty [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $ty
        where
            $($bounds)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_web_status_code($crate::StytchError::status_code(self))
            }
            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_web_error_response(self)
            }
        }
    };
}

/// Nothing, without the `actix-web` feature.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_actix_web {
    ($($input:tt)*) => {};
}

/// `IntoResponses` of a set, with the `utoipa` feature.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_utoipa {
    ($ty:ty) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $ty {
            fn responses() -> $crate::__private::Responses {
                $crate::utoipa::responses::<Self>()
            }
        }
    };
}

/// Nothing, without the `utoipa` feature.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_utoipa {
    ($($input:tt)*) => {};
}

#[cfg(feature = "axum")]
pub use axum_core;

/// `IntoResponse::into_response` of generated code.
#[cfg(feature = "axum")]
pub fn axum_error_response<E: crate::StytchError + ?Sized>(
    error: &E,
) -> axum_core::response::Response {
    crate::axum::error_response(error)
}

#[cfg(feature = "actix-web")]
pub use actix_web;

/// `ResponseError::status_code` of generated code.
#[cfg(feature = "actix-web")]
pub fn actix_web_status_code(status_code: u16) -> actix_web::http::StatusCode {
    crate::actix_web::status_code(status_code)
}

/// `ResponseError::error_response` of generated code.
#[cfg(feature = "actix-web")]
pub fn actix_web_error_response<E: crate::StytchError + ?Sized>(
    error: &E,
) -> actix_web::HttpResponse {
    crate::actix_web::error_response(error)
}

#[cfg(feature = "utoipa")]
pub use utoipa;

/// What `IntoResponses::responses` returns.
#[cfg(feature = "utoipa")]
pub type Responses =
    std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>>;
