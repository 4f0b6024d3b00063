//! The part of the code generated for every set that is the same for each: the accessors that
//! read its static table, and the traits of the set (shared with a derived type's kind enum).
//! Written once here and expanded by the compiler, rather than built token by token by the
//! macro for every set.

/// For the set `$ty` named `$name`, whose entries' metadata is the static `$infos` (indexed by
/// discriminant): `info()` and the accessors, `Debug`, `Display`, `Error`, `StytchError`,
/// `ErrorSet`, `FromStr`, `Serialize`, `Deserialize` and the enabled integrations. The set's
/// `ALL`, wire-name constants and `from_error_type` come from the macro.
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_set_impls {
    ($ty:ident, $name:literal, $infos:ident) => {
        impl $ty {
            /// The static metadata of this entry.
            #[must_use]
            #[inline]
            pub const fn info(self) -> &'static $crate::ErrorInfo {
                &$infos[self as usize]
            }

            /// The snake_case wire name, such as `email_not_found`.
            #[must_use]
            #[inline]
            pub const fn error_type(self) -> &'static str {
                self.info().error_type()
            }

            /// The message sent as `error_message`.
            #[must_use]
            #[inline]
            pub const fn error_message(self) -> &'static str {
                self.info().error_message()
            }

            /// The HTTP status.
            #[must_use]
            #[inline]
            pub const fn status_code(self) -> u16 {
                self.info().status_code()
            }

            /// The documentation URL sent as `error_url`.
            #[must_use]
            #[inline]
            pub const fn error_url(self) -> &'static str {
                self.info().error_url()
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::debug_variant(self.error_type(), f)
            }
        }

        #[automatically_derived]
        impl $crate::ErrorSet for $ty {
            const NAME: &'static str = $name;
            const ALL: &'static [Self] = Self::ALL;
            const __INFOS: &'static [&'static $crate::ErrorInfo] =
                &$crate::__private::refs(&$infos);
            #[inline]
            fn info(self) -> &'static $crate::ErrorInfo {
                Self::info(self)
            }
            fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                Self::from_error_type(error_type)
            }
        }

        $crate::__private::entry_impls! { $ty }
    };
}

/// For `$ty`, an [`ErrorSet`](crate::ErrorSet) (a declared set, or a derived type's kind):
/// `Display`, `Error`, `StytchError`, `HasKind` (its own kind), `FromStr`, `Serialize`,
/// `Deserialize` and the enabled integrations, all through `ErrorSet::info`.
#[doc(hidden)]
#[macro_export]
macro_rules! __stytch_errors_entry_impls {
    ($ty:ident) => {
        /// The message.
        #[automatically_derived]
        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad($crate::ErrorSet::info(*self).error_message())
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for $ty {}

        #[automatically_derived]
        impl $crate::StytchError for $ty {
            fn status_code(&self) -> u16 {
                $crate::ErrorSet::info(*self).status_code()
            }
            fn error_type(&self) -> &str {
                $crate::ErrorSet::info(*self).error_type()
            }
            fn error_message(&self) -> $crate::__private::Cow<'_, str> {
                $crate::__private::Cow::Borrowed($crate::ErrorSet::info(*self).error_message())
            }
            fn error_url(&self) -> &str {
                $crate::ErrorSet::info(*self).error_url()
            }
            fn entry_info(&self) -> ::core::option::Option<&'static $crate::ErrorInfo> {
                ::core::option::Option::Some($crate::ErrorSet::info(*self))
            }
            fn envelope<'a>(&'a self, request_id: &'a str) -> $crate::ErrorEnvelope<'a> {
                $crate::ErrorSet::info(*self).envelope(request_id)
            }
        }

        #[automatically_derived]
        impl $crate::HasKind for $ty {
            type Kind = Self;
            fn kind(&self) -> Self {
                *self
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownErrorType;
            fn from_str(error_type: &str) -> ::core::result::Result<Self, Self::Err> {
                $crate::__private::from_str(error_type)
            }
        }

        /// The wire name, as a string.
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::ErrorSet::info(*self).error_type())
            }
        }

        /// From the wire name; an unknown name is an error that names it.
        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize(deserializer)
            }
        }

        // The traits of the integrations enabled in the runtime (axum, actix-web, utoipa).
        $crate::__private::integrations! { set $ty }
    };
}
