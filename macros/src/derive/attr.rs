//! The `#[stytch(...)]` attributes of a derive input: on the type, on its variants, and the
//! mistake of putting one on a field.

use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token};

use crate::ctxt::Ctxt;
use crate::recover::{set_once, skip_past_comma, unknown};

/// Where an attribute stands, which decides the keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Variant,
    Struct,
}

/// The keys of a variant, which a struct takes too.
pub const VARIANT_KEYS: &[&str] = &[
    "status",
    "error_type",
    "message",
    "url",
    "fragment",
    "entry",
    "transparent",
];

/// The keys of an enum: the defaults of its variants and the path of the crate.
pub const ENUM_KEYS: &[&str] = &["url", "crate"];

/// The keys of a struct: those of a variant, and `crate`.
pub const STRUCT_KEYS: &[&str] = &[
    "status",
    "error_type",
    "message",
    "url",
    "fragment",
    "entry",
    "transparent",
    "crate",
];

impl Place {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Place::Enum => ENUM_KEYS,
            Place::Variant => VARIANT_KEYS,
            Place::Struct => STRUCT_KEYS,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Place::Enum => "on an enum",
            Place::Variant => "on a variant",
            Place::Struct => "on a struct",
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
    pub krate: Option<Path>,
    /// An attribute could not be read whole: a missing key may be what was misspelled, and is
    /// not reported again as missing.
    pub broken: bool,
    /// Every name written in the attributes, read or not: what the user meant to give, which
    /// the fallback expansion honours.
    pub mentioned: Vec<String>,
}

impl Attrs {
    /// Whether `key`, or a near miss of it, was written, even where it could not be read.
    pub fn mentions(&self, key: &str) -> bool {
        self.mentioned
            .iter()
            .any(|name| name == key || crate::recover::meant(name, &[key]).is_some())
    }

    /// The keys that were given, with the tokens of each, in a fixed order.
    pub fn given(&self) -> Vec<(&'static str, proc_macro2::TokenStream)> {
        use quote::ToTokens;
        let mut given = Vec::new();
        let mut add = |key, tokens: Option<proc_macro2::TokenStream>| {
            if let Some(tokens) = tokens {
                given.push((key, tokens));
            }
        };
        add(
            "status",
            self.status.as_ref().map(ToTokens::to_token_stream),
        );
        add(
            "error_type",
            self.error_type.as_ref().map(ToTokens::to_token_stream),
        );
        add(
            "message",
            self.message.as_ref().map(ToTokens::to_token_stream),
        );
        add("url", self.url.as_ref().map(ToTokens::to_token_stream));
        add(
            "fragment",
            self.fragment.as_ref().map(ToTokens::to_token_stream),
        );
        add("entry", self.entry.as_ref().map(ToTokens::to_token_stream));
        add(
            "transparent",
            self.transparent.as_ref().map(ToTokens::to_token_stream),
        );
        given
    }
}

/// Reads every `#[stytch(...)]` among `attrs`, reporting what cannot be read.
pub fn parse(attrs: &[Attribute], place: Place, cx: &Ctxt) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("stytch")) {
        if let syn::Meta::List(list) = &attr.meta {
            out.mentioned.extend(
                list.tokens
                    .clone()
                    .into_iter()
                    .filter_map(|token| match token {
                        proc_macro2::TokenTree::Ident(ident) => Some(ident.to_string()),
                        _ => None,
                    }),
            );
        }
        if attr.meta.require_list().is_err() {
            let example = match place {
                Place::Enum => "#[stytch(url = \"https://...\")]",
                Place::Variant | Place::Struct => "#[stytch(status = 404, message = \"...\")]",
            };
            cx.error_spanned_by(
                attr,
                format!(
                    "expected `{example}`; {} `#[stytch(...)]` takes {}",
                    place.describe(),
                    crate::names::list(place.keys())
                ),
            );
            out.broken = true;
            continue;
        }
        let parser = |input: ParseStream| {
            while !input.is_empty() {
                if let Err(error) = parse_key(input, place, &mut out, cx) {
                    cx.push(error);
                    out.broken = true;
                    skip_past_comma(input);
                }
            }
            Ok(())
        };
        if let Err(error) = attr.parse_args_with(parser) {
            cx.push(error);
            out.broken = true;
        }
    }
    out
}

/// What the fields of a variant (or struct) are marked as: the cause of the error
/// (`#[source]`, `#[from]`, or a field named `source`) and the envelope's `error_details`
/// (`#[stytch(details)]`).
#[derive(Default)]
pub struct FieldRoles<'a> {
    /// The field that is `source()`, with its type.
    pub source: Option<(usize, &'a syn::Type)>,
    /// The `#[from]` attribute and its field, for the `From` impl.
    pub from: Option<(usize, &'a Attribute)>,
    /// The field sent as `error_details`.
    pub details: Option<usize>,
}

/// Reads the marks on `fields`; reports `#[stytch(...)]` other than `details`, and marks given
/// twice.
pub fn field_roles<'a>(fields: &'a syn::Fields, cx: &Ctxt) -> FieldRoles<'a> {
    let mut roles = FieldRoles::default();
    let mut marked_source = None;
    let mut named_source = None;
    for (index, field) in fields.iter().enumerate() {
        for attr in &field.attrs {
            if attr.path().is_ident("stytch") {
                let is_details = attr
                    .parse_args::<Ident>()
                    .is_ok_and(|ident| ident == "details");
                if !is_details {
                    cx.error_spanned_by(
                        attr,
                        "on a field, `#[stytch(...)]` takes only `details`: `#[stytch(details)]` sends the field as the envelope's `error_details`; status, message and the rest go on the type or on its variants",
                    );
                } else if roles.details.is_some() {
                    cx.error_spanned_by(attr, "only one field can be `#[stytch(details)]`: the envelope has one `error_details`");
                } else {
                    roles.details = Some(index);
                }
            } else if attr.path().is_ident("from") || attr.path().is_ident("source") {
                if marked_source.is_some() {
                    cx.error_spanned_by(attr, "only one field can be the source of an error: `#[source]` and `#[from]` mark it");
                    continue;
                }
                marked_source = Some(index);
                if attr.path().is_ident("from") {
                    roles.from = Some((index, attr));
                }
            }
        }
        if field.ident.as_ref().is_some_and(|ident| ident == "source") {
            named_source = Some(index);
        }
    }
    roles.source = marked_source
        .or(named_source)
        .and_then(|index| fields.iter().nth(index).map(|field| (index, &field.ty)));
    roles
}

fn parse_key(input: ParseStream, place: Place, out: &mut Attrs, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected a key such as `status = 404`"))?;
    let name = key.to_string();
    let valid = place.keys();
    if !valid.contains(&name.as_str()) {
        out.broken = true;
        let message = if STRUCT_KEYS.contains(&name.as_str()) {
            misplaced(&name, place)
        } else {
            unknown(
                "key",
                &name,
                &format!("in `#[stytch(...)]` {}", place.describe()),
                valid,
            )
        };
        cx.error_spanned_by(&key, message);
        skip_past_comma(input);
        return Ok(());
    }
    if name == "transparent" {
        if input.peek(Token![=]) {
            return Err(
                input.error("`transparent` takes no value: write `#[stytch(transparent)]` alone")
            );
        }
        set_once(cx, &key, "key", &mut out.transparent, key.clone());
    } else {
        input.parse::<Token![=]>().map_err(|_| {
            input.error(format!(
                "expected `=` after `{name}`: `{name} = {}`",
                example(&name)
            ))
        })?;
        let usage = || {
            let what = match name.as_str() {
                "status" => "an integer",
                "entry" => "a path to an entry of a set",
                "crate" => "a path",
                _ => "a string",
            };
            input.error(format!(
                "`{name}` takes {what}: `{name} = {}`",
                example(&name)
            ))
        };
        match name.as_str() {
            "status" => {
                let status = input.parse::<LitInt>().map_err(|_| usage())?;
                set_once(cx, &key, "key", &mut out.status, status);
            }
            "entry" => {
                let path = input.call(Path::parse_mod_style).map_err(|_| usage())?;
                set_once(cx, &key, "key", &mut out.entry, path);
            }
            "crate" => {
                let path = if input.peek(LitStr) {
                    input.parse::<LitStr>()?.parse::<Path>()
                } else {
                    input.call(Path::parse_mod_style)
                }
                .map_err(|_| usage())?;
                set_once(cx, &key, "key", &mut out.krate, path);
            }
            _ => {
                let value = input.parse::<LitStr>().map_err(|_| usage())?;
                let slot = match name.as_str() {
                    "error_type" => &mut out.error_type,
                    "message" => &mut out.message,
                    "url" => &mut out.url,
                    _ => &mut out.fragment,
                };
                set_once(cx, &key, "key", slot, value);
            }
        }
    }
    if !input.is_empty() {
        input.parse::<Token![,]>().map_err(|_| {
            input.error(format!(
                "expected `,` after `{name}`: `#[stytch(status = 404, message = \"...\")]`"
            ))
        })?;
    }
    Ok(())
}

/// A key of another place: says where it goes.
fn misplaced(name: &str, place: Place) -> String {
    match (place, name) {
        (Place::Variant, "crate") => {
            "`crate` goes on the enum, not on a variant: `#[stytch(crate = my_errors)]`".to_owned()
        }
        _ => format!(
            "`{name}` goes on each variant, not on the enum; on the enum, `#[stytch(...)]` takes {}",
            crate::names::list(ENUM_KEYS)
        ),
    }
}

fn example(key: &str) -> &'static str {
    match key {
        "status" => "404",
        "error_type" => "\"widget_not_found\"",
        "message" => "\"Widget {id} could not be found.\"",
        "url" => "\"https://example.com/docs/errors/{status}#{error_type}\"",
        "fragment" => "\"widget-missing\"",
        "entry" => "ConsumerError::email_not_found",
        _ => "my_errors",
    }
}
