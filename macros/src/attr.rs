//! `#[stytch(...)]`, the attribute both macros read: the options of a set, and the keys of a
//! derived type and its variants. Its keys, `crate = ...` and every message about them are here.

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token};

use crate::ctxt::{Ctxt, meant, parse_all, unknown};
use crate::names;

/// The options of a type: a set's, and a derived enum's.
pub const TYPE_KEYS: &[&str] = &["url", "crate"];

/// The keys of a derived type that the type alone takes (a derived struct also takes the
/// variant keys).
pub const DERIVE_TYPE_KEYS: &[&str] = &["url", "crate", "kind"];

/// The keys of a derived variant; a derived struct takes them, `crate` and `kind`.
pub const VARIANT_KEYS: &[&str] = &[
    "status",
    "error_type",
    "message",
    "url",
    "fragment",
    "entry",
    "transparent",
    "retry_after",
];

/// Where an attribute stands, which decides the keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Set,
    Enum,
    Variant,
    Struct,
}

impl Place {
    fn keys(self) -> Vec<&'static str> {
        match self {
            Place::Set => TYPE_KEYS.to_vec(),
            Place::Enum => DERIVE_TYPE_KEYS.to_vec(),
            Place::Variant => VARIANT_KEYS.to_vec(),
            Place::Struct => [VARIANT_KEYS, &["crate", "kind"]].concat(),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Place::Set => "",
            Place::Enum => "on an enum",
            Place::Variant => "on a variant",
            Place::Struct => "on a struct",
        }
    }

    /// What its keys are called, and a whole attribute of it.
    fn example(self) -> (&'static str, &'static str) {
        match self {
            Place::Set => ("option", "#[stytch(url = \"...\", crate = my_errors)]"),
            Place::Enum => ("key", "#[stytch(url = \"https://...\")]"),
            Place::Variant | Place::Struct => ("key", "#[stytch(status = 404, message = \"...\")]"),
        }
    }
}

/// What the `#[stytch(...)]` attributes of one place set. Every key is optional.
#[derive(Default)]
pub struct Attrs {
    pub status: Option<LitInt>,
    pub error_type: Option<LitStr>,
    pub message: Option<LitStr>,
    pub url: Option<LitStr>,
    pub fragment: Option<LitStr>,
    pub entry: Option<Path>,
    pub transparent: Option<Ident>,
    /// `retry_after = 30`: the seconds to wait, for the `Retry-After` header.
    pub retry_after: Option<LitInt>,
    pub krate: Option<Path>,
    /// `kind = Name` or `kind = false`: the kind enum's name, or none.
    pub kind: Option<KindName>,
    /// The keys read, in order.
    pub given: Vec<Ident>,
    /// An attribute could not be read whole: a missing key may be what was misspelled, and is
    /// not reported again as missing.
    pub broken: bool,
    /// Every name written in the attributes, read or not.
    mentioned: Vec<String>,
}

/// The value of `kind = ...`.
pub enum KindName {
    /// `kind = Name`.
    Named(Ident),
    /// `kind = false`.
    Off,
}

impl Attrs {
    /// Whether `key`, or a near miss of it, was written, even where it could not be read.
    pub fn mentions(&self, key: &str) -> bool {
        let near = |name: &String| name == key || meant(name, &[key]).is_some();
        self.mentioned.iter().any(near)
    }
}

/// Reads every `#[stytch(...)]` among `attrs`, reporting what cannot be read.
pub fn parse(attrs: &[Attribute], place: Place, cx: &Ctxt) -> Attrs {
    let mut out = Attrs::default();
    let before = cx.count();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("stytch")) {
        let tokens = attr.meta.require_list().map(|list| list.tokens.clone());
        for token in tokens.into_iter().flatten() {
            if let TokenTree::Ident(ident) = token {
                out.mentioned.push(ident.to_string());
            }
        }
        let parser = |input: ParseStream| {
            parse_all(input, cx, false, |input| {
                parse_key(input, place, &mut out, cx)
            });
            Ok(())
        };
        if attr.parse_args_with(parser).is_err() {
            let keys = names::list(&place.keys());
            let message = match place {
                Place::Set => {
                    format!("expected `#[stytch(url = \"https://...\")]`; the options are {keys}")
                }
                _ => format!(
                    "expected `{}`; {} `#[stytch(...)]` takes {keys}",
                    place.example().1,
                    place.describe()
                ),
            };
            cx.error_spanned_by(attr, message);
        }
    }
    out.broken = cx.count() > before;
    out
}

fn parse_key(input: ParseStream, place: Place, out: &mut Attrs, cx: &Ctxt) -> syn::Result<()> {
    let (what, attr_example) = place.example();
    let key = input.call(Ident::parse_any).map_err(|_| match place {
        Place::Set => input.error("expected an option such as `url = \"https://...\"`"),
        _ => input.error("expected a key such as `status = 404`"),
    })?;
    let name = key.to_string();
    let keys = place.keys();
    if !keys.contains(&name.as_str()) {
        let misplaced = place != Place::Set
            && (DERIVE_TYPE_KEYS.contains(&name.as_str()) || VARIANT_KEYS.contains(&name.as_str()));
        let message = match (misplaced, place) {
            (false, _) => {
                let at = format!("in `#[stytch(...)]` {}", place.describe());
                unknown(what, &name, at.trim_end(), &keys)
            }
            (true, Place::Variant) => {
                let example = if name == "crate" {
                    "crate = my_errors"
                } else {
                    "kind = AppErrorKind"
                };
                format!("`{name}` goes on the enum, not on a variant: `#[stytch({example})]`")
            }
            (true, _) => format!(
                "`{name}` goes on each variant, not on the enum; on the enum, `#[stytch(...)]` takes {}",
                names::list(DERIVE_TYPE_KEYS)
            ),
        };
        return Err(syn::Error::new(key.span(), message));
    }
    if out.given.contains(&key) {
        cx.error_spanned_by(
            &key,
            format!("duplicate {what} `{key}`: give each {what} once"),
        );
    }
    out.given.push(key.clone());
    // A key given twice keeps its first value.
    fn first<T>(slot: &mut Option<T>, value: T) {
        slot.get_or_insert(value);
    }
    if name == "transparent" {
        if input.peek(Token![=]) {
            let message = "`transparent` takes no value: write `#[stytch(transparent)]` alone";
            return Err(input.error(message));
        }
        first(&mut out.transparent, key);
    } else {
        let (takes, example) = match name.as_str() {
            "status" => ("an integer", "404"),
            "error_type" => ("a string", "\"widget_not_found\""),
            "message" => ("a string", "\"Widget {id} could not be found.\""),
            "url" if place == Place::Set => ("a string", "\"https://...\""),
            "url" => (
                "a string",
                "\"https://example.com/docs/errors/{status}#{error_type}\"",
            ),
            "fragment" => ("a string", "\"widget-missing\""),
            "kind" => ("a name, or `false`", "AppErrorKind"),
            "retry_after" => ("a whole number of seconds", "30"),
            "entry" => (
                "a path to an entry of a set",
                "ConsumerError::email_not_found",
            ),
            _ => ("a path", "my_errors"),
        };
        let expected = format!("expected `=` after `{name}`: `{name} = {example}`");
        input
            .parse::<Token![=]>()
            .map_err(|_| input.error(expected))?;
        let usage = |error: syn::Error| {
            let message = format!("`{name}` takes {takes}: `{name} = {example}`");
            syn::Error::new(error.span(), message)
        };
        match name.as_str() {
            "status" => first(&mut out.status, input.parse().map_err(usage)?),
            "retry_after" => first(&mut out.retry_after, input.parse().map_err(usage)?),
            "entry" => first(
                &mut out.entry,
                input.call(Path::parse_mod_style).map_err(usage)?,
            ),
            "kind" => {
                let kind = match input.parse::<Option<syn::LitBool>>()? {
                    Some(lit) if !lit.value => KindName::Off,
                    Some(lit) => {
                        let message = "`kind = true` is what a type without `kind` gets: write `kind = Name` to rename its kind enum, `kind = false` to have none";
                        return Err(syn::Error::new(lit.span, message));
                    }
                    None => KindName::Named(input.parse().map_err(usage)?),
                };
                first(&mut out.kind, kind);
            }
            // `crate = path`, or `crate = "path"` as serde writes it.
            "crate" => {
                let path = match input.parse::<Option<LitStr>>()? {
                    Some(lit) => lit.parse(),
                    None => input.call(Path::parse_mod_style),
                };
                first(&mut out.krate, path.map_err(usage)?);
            }
            _ => {
                let slot = match name.as_str() {
                    "error_type" => &mut out.error_type,
                    "message" => &mut out.message,
                    "url" => &mut out.url,
                    _ => &mut out.fragment,
                };
                first(slot, input.parse().map_err(usage)?);
            }
        }
    }
    if !input.is_empty() {
        let message = match place {
            Place::Set => format!("expected `,` between options: `{attr_example}`"),
            _ => format!("expected `,` after `{name}`: `{attr_example}`"),
        };
        input
            .parse::<Token![,]>()
            .map_err(|_| input.error(message))?;
    }
    Ok(())
}
