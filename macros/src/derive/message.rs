//! Messages that interpolate fields, as thiserror's do: `"Widget {id} could not be found."`,
//! `"Widget {0} is locked by {1:?}."`, with format specs and `{{`/`}}` for literal braces.
//!
//! The placeholders are checked against the fields here, so that a typo is reported with the
//! fields that exist, and rewritten to name the bindings of the generated `match`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Type};

use crate::ctxt::Ctxt;
use crate::names;

/// A field of a variant or struct: its name, or its position in a tuple.
pub use syn::Member;

/// The identifier the generated `match` binds a field to: `__stytch_id`, `__stytch_0`.
pub trait Binding {
    fn binding(&self) -> Ident;
}

impl Binding for Member {
    fn binding(&self) -> Ident {
        Ident::new(&format!("__stytch_{}", name(self)), Span::call_site())
    }
}

/// The name of a field as a message names it: `id` (for `r#id` too), or `0`.
fn name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.unraw().to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// The fields of a variant or struct, each with its type.
pub fn members(fields: &syn::Fields) -> Vec<(Member, &Type)> {
    fields
        .members()
        .zip(fields.iter().map(|field| &field.ty))
        .collect()
}

/// The fields a message may refer to.
pub struct FieldList<'a> {
    /// What the fields belong to, for messages: `WidgetNotFound` or `AppError`.
    pub owner: String,
    pub fields: Vec<(Member, &'a Type)>,
    pub tuple: bool,
    /// What a message can refer to, written once for all the errors that end with it.
    pub listed: std::cell::OnceCell<String>,
}

/// A checked message.
pub struct Message {
    /// The message with no placeholder, its `{{` and `}}` unescaped; `None` when it
    /// interpolates.
    pub fixed: Option<String>,
    /// The format string with each placeholder naming its binding.
    pub format: String,
    /// The fields used, each with the formatting trait it is used through.
    pub uses: Vec<(Member, &'static str)>,
}

impl Message {
    /// The `Display` body of the message, given its bindings in scope.
    pub fn write(&self, lit: &LitStr) -> TokenStream {
        match &self.fixed {
            Some(text) => quote!(f.pad(#text)),
            None => {
                let format = LitStr::new(&self.format, lit.span());
                // Named arguments, not captures: a capture resolves with the hygiene of the
                // literal, which a `macro_rules!` caller gives another context than the
                // bindings'.
                let bindings: Vec<_> = self.members().iter().map(Member::binding).collect();
                quote!(f.write_fmt(::core::format_args!(#format, #(#bindings = #bindings),*)))
            }
        }
    }

    /// The fields the message shows, each once.
    pub fn members(&self) -> Vec<Member> {
        let mut seen = std::collections::HashSet::new();
        self.uses
            .iter()
            .filter(|(member, _)| seen.insert(member))
            .map(|(member, _)| member.clone())
            .collect()
    }
}

/// Checks a message against the fields, reporting every bad placeholder.
pub fn parse(lit: &LitStr, fields: &FieldList, cx: &Ctxt) -> Message {
    let text = lit.value();
    let spans = Spans::new(lit, &text);
    let (mut format, mut fixed, mut uses) = (String::new(), String::new(), Vec::new());
    let mut placeholders = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find(['{', '}']) {
        let start = at + found;
        format.push_str(&text[at..start]);
        fixed.push_str(&text[at..start]);
        let brace = &text[start..];
        if brace.starts_with("{{") || brace.starts_with("}}") {
            format.push_str(&brace[..2]);
            fixed.push_str(&brace[..1]);
            at = start + 2;
            continue;
        }
        let unmatched = brace.starts_with('}');
        let close = brace.find('}').filter(|_| !unmatched);
        let len = close.map_or(if unmatched { 1 } else { brace.len() }, |close| close + 1);
        let place = Place {
            spans: &spans,
            start,
            len,
            written: &brace[..len],
        };
        at = start + len;
        let Some(close) = close else {
            place.error(
                if unmatched {
                    "unmatched `}` in the message; write `}}` for a literal brace"
                } else {
                    "unclosed `{` in the message; write `{{` for a literal brace"
                },
                cx,
            );
            continue;
        };
        placeholders += 1;
        let inner = &brace[1..close];
        let (arg, spec) = inner.split_once(':').unwrap_or((inner, ""));
        // A placeholder that names no field is reported and left out, so that the compiler
        // has nothing to say about it after the report.
        let member = resolve(arg, &place, fields, cx);
        let spec = rewrite_spec(spec, &place, fields, &mut uses, cx);
        if let (Some(member), Some(spec)) = (member, spec) {
            let colon = if spec.is_empty() { "" } else { ":" };
            format.push_str(&format!("{{{}{colon}{spec}}}", member.binding()));
            uses.push((member, trait_of(&spec)));
        }
    }
    format.push_str(&text[at..]);
    fixed.push_str(&text[at..]);
    let more = spans.reported.get().saturating_sub(REPORTED_PER_MESSAGE);
    if more > 0 {
        let plural = if more == 1 { "" } else { "s" };
        let message =
            format!("and {more} more mistake{plural} in this message, not shown one by one");
        cx.error_spanned_by(lit, message);
    }
    // Repeats are removed once the message is read, so that each use costs the same however
    // many there are.
    let mut seen = std::collections::HashSet::new();
    uses.retain(|used| seen.insert(used.clone()));
    Message {
        fixed: (placeholders == 0).then_some(fixed),
        format,
        uses,
    }
}

/// The field a placeholder's argument names, if it names one (else reported).
fn resolve(arg: &str, place: &Place, fields: &FieldList, cx: &Ctxt) -> Option<Member> {
    let (written, owner, count) = (place.written, &fields.owner, fields.fields.len());
    let listed = || fields.listed.get_or_init(|| which_fields(fields));
    let problem = if arg.is_empty() {
        let example = match fields.fields.first() {
            Some((member, _)) => format!("`{{{}}}`", name(member)),
            None => "a field".to_owned(),
        };
        format!(
            "`{written}` in the message does not say which field to show: name one, as in {example}"
        )
    } else if let Ok(index) = arg.parse::<usize>() {
        if fields.tuple && index < count {
            return Some(Member::Unnamed(index.into()));
        }
        if fields.tuple {
            let plural = if count == 1 { "" } else { "s" };
            format!(
                "`{written}` in the message: `{owner}` has {count} field{plural}; {}",
                listed()
            )
        } else {
            format!(
                "`{written}` in the message: the fields of `{owner}` have names, not positions; {}",
                listed()
            )
        }
    } else {
        let name = arg.strip_prefix("r#").unwrap_or(arg);
        // The fields are all named, or all positions.
        let named = fields.fields.iter().filter(|_| !fields.tuple);
        let known: Vec<String> = named.map(|(member, _)| self::name(member)).collect();
        if let Some(at) = known.iter().position(|known| known == name) {
            return Some(fields.fields[at].0.clone());
        }
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let suggestion = names::did_you_mean(name, &known)
            .map(|close| format!("did you mean `{{{close}}}`? "))
            .unwrap_or_default();
        format!(
            "`{written}` in the message: `{owner}` has no field `{name}`; {suggestion}{}",
            listed()
        )
    };
    place.error(&problem, cx);
    None
}

/// What a message can refer to, for the end of an error.
fn which_fields(fields: &FieldList) -> String {
    let all: Vec<String> = (fields.fields.iter())
        .map(|(member, _)| format!("{{{}}}", name(member)))
        .collect();
    if all.is_empty() {
        let owner = &fields.owner;
        format!(
            "`{owner}` has no fields, so its message can only be fixed text (write `{{{{` for a literal brace)"
        )
    } else {
        format!("the message can use {}", names::list(&all))
    }
}

/// The spec with each `name$` count naming its binding; `None` when a count names no field or
/// is `*` (reported).
fn rewrite_spec(
    spec: &str,
    place: &Place,
    fields: &FieldList,
    uses: &mut Vec<(Member, &'static str)>,
    cx: &Ctxt,
) -> Option<String> {
    // A fill character, before an alignment, is taken as it is: `{x:*^9}`, `{x:$>5}`.
    let mut chars = spec.chars();
    let fill = match (chars.next(), chars.next()) {
        (Some(fill), Some('<' | '^' | '>')) => fill.len_utf8(),
        _ => 0,
    };
    let (fill, spec) = spec.split_at(fill);
    if spec.contains('*') {
        let written = place.written;
        place.error(&format!("`{written}` in the message: `.*` takes the precision from an argument, and a message has only fields; write `.2`, or name a field: `.prec$`"), cx);
        return None;
    }
    let mut out = fill.to_owned();
    let mut rest = spec;
    while let Some(dollar) = rest.find('$') {
        let before = &rest[..dollar];
        // The count's name is the run of name characters before `$`; whatever stands before
        // it (a width, a fill of any width in bytes) is kept.
        let start = (before.char_indices().rev())
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let member = resolve(&before[start..], place, fields, cx)?;
        out.push_str(&format!("{}{}$", &before[..start], member.binding()));
        uses.push((member, "count"));
        rest = &rest[dollar + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The formatting trait a spec asks for: `Display` for none, `Debug` for `?`, `LowerHex` for `x`...
fn trait_of(spec: &str) -> &'static str {
    match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    }
}

/// The message's literal, read once, so that each error costs the same however many there are.
struct Spans<'a> {
    lit: &'a LitStr,
    token: proc_macro2::Literal,
    /// Where the value starts in the token's text: after `"`, or `r#"` for a raw string.
    prefix: usize,
    /// How far the token's text and the value agree, from the start: offsets up to there line
    /// up with the text, as nothing before them is escaped.
    clean: usize,
    /// The errors reported in this message so far.
    reported: std::cell::Cell<usize>,
}

/// The errors of one message reported one by one; the rest are counted in one more. Each
/// error quotes the message's line, so that ten thousand of them would cost the compiler time
/// growing with their number times the line's length.
const REPORTED_PER_MESSAGE: usize = 16;

impl<'a> Spans<'a> {
    fn new(lit: &'a LitStr, value: &str) -> Self {
        let token = lit.token();
        let repr = token.to_string();
        let prefix = repr.find('"').map_or(1, |quote| quote + 1);
        let text = repr.get(prefix..).unwrap_or_default().bytes();
        let clean = text.zip(value.bytes()).take_while(|(a, b)| a == b).count();
        Spans {
            lit,
            token,
            prefix,
            clean,
            reported: std::cell::Cell::new(0),
        }
    }
}

/// Where a placeholder (or a stray brace) stands in the message, for errors.
struct Place<'a> {
    spans: &'a Spans<'a>,
    start: usize,
    len: usize,
    written: &'a str,
}

impl Place<'_> {
    /// Reports `message` on the placeholder where the compiler can point inside a string
    /// literal, and on the whole literal where it cannot (stable Rust).
    fn error(&self, message: &str, cx: &Ctxt) {
        let spans = self.spans;
        let reported = spans.reported.replace(spans.reported.get() + 1);
        if reported >= REPORTED_PER_MESSAGE {
            return;
        }
        let from = spans.prefix + self.start;
        let span = (self.start <= spans.clean).then(|| spans.token.subspan(from..from + self.len));
        cx.push(syn::Error::new(
            span.flatten().unwrap_or_else(|| spans.lit.span()),
            message,
        ));
    }
}
