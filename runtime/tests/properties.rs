//! Property tests of parsing: generated envelopes (any unicode, escaped or not, in any key order
//! and spacing, with every optional field present, `null` or absent, and extra fields of any
//! JSON) come back as what was sent; any object is accepted exactly when an independent check
//! says it is an envelope; and no input, however broken, makes parsing panic.
//!
//! 1000 cases per property; `PROPTEST_CASES=n` runs n instead.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};
use stytch_errors_runtime::{ErrorEnvelope, ParseErrorKind, Shape};

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        default.cases
    } else {
        1000
    };
    ProptestConfig { cases, ..default }
}

/// Every key that means something to an envelope, in one shape or the other.
const KNOWN_KEYS: [&str; 8] = [
    "status_code",
    "request_id",
    "error_type",
    "error_message",
    "error_url",
    "error",
    "error_description",
    "error_uri",
];

/// Text with what is hard to get right in JSON: quotes, backslashes, control characters,
/// line separators, characters outside the BMP.
fn text() -> impl Strategy<Value = String> {
    let special = select(vec![
        '"',
        '\\',
        '/',
        '\n',
        '\r',
        '\t',
        '\u{0}',
        '\u{1f}',
        '\u{7f}',
        '\u{2028}',
        'é',
        '\u{FFFD}',
        '\u{1F600}',
    ]);
    let char = prop_oneof![4 => any::<char>(), 2 => special, 4 => proptest::char::range('a', 'z')];
    vec(char, 0..24).prop_map(String::from_iter)
}

/// Any JSON value, a few levels deep. Floats are binary fractions with short decimal forms,
/// which read back exactly.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1_000_000i32..1_000_000, 0u32..8).prop_map(|(mantissa, shift)| Value::from(
            f64::from(mantissa) / f64::from(1u32 << shift)
        )),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(text(), inner, 0..6).prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// An optional string field as sent: absent, `null`, or a string.
#[derive(Debug, Clone)]
enum Sent {
    Absent,
    Null,
    Text(String),
}

impl Sent {
    fn as_deref(&self) -> Option<&str> {
        match self {
            Sent::Text(text) => Some(text),
            Sent::Absent | Sent::Null => None,
        }
    }

    fn json(&self) -> Option<Value> {
        match self {
            Sent::Absent => None,
            Sent::Null => Some(Value::Null),
            Sent::Text(text) => Some(Value::String(text.clone())),
        }
    }
}

fn sent() -> impl Strategy<Value = Sent> {
    prop_oneof![
        Just(Sent::Absent),
        Just(Sent::Null),
        text().prop_map(Sent::Text)
    ]
}

/// What a server sends: the fields of an envelope, and extra ones.
#[derive(Debug, Clone)]
struct Envelope {
    shape: Shape,
    status_code: u16,
    request_id: Sent,
    error_type: String,
    error_message: Sent,
    error_url: Sent,
    extra: Map<String, Value>,
}

impl Envelope {
    /// The top-level entries of the body, in the order of the envelope's fields.
    fn entries(&self) -> Vec<(String, Value)> {
        let [
            status_code,
            request_id,
            error_type,
            error_message,
            error_url,
        ] = keys(self.shape);
        let mut entries = vec![(status_code.to_owned(), Value::from(self.status_code))];
        let own = [
            (request_id, self.request_id.json()),
            (error_type, Some(Value::String(self.error_type.clone()))),
            (error_message, self.error_message.json()),
            (error_url, self.error_url.json()),
        ];
        for (key, value) in own {
            if let Some(value) = value {
                entries.push((key.to_owned(), value));
            }
        }
        entries.extend(self.extra.clone());
        entries
    }
}

fn keys(shape: Shape) -> [&'static str; 5] {
    match shape {
        Shape::OAuth2 => [
            "status_code",
            "request_id",
            "error",
            "error_description",
            "error_uri",
        ],
        _ => [
            "status_code",
            "request_id",
            "error_type",
            "error_message",
            "error_url",
        ],
    }
}

/// Whether `key` can be an extra field of a body of this shape: not one of its own keys. (The
/// other shape's error key can: the first of the two in the body tells the shape.)
fn can_be_extra(shape: Shape, key: &str) -> bool {
    !keys(shape).contains(&key)
}

fn envelope() -> impl Strategy<Value = Envelope> {
    let shape = prop_oneof![Just(Shape::Stytch), Just(Shape::OAuth2)];
    let extra_key =
        prop_oneof![3 => text(), 1 => select(KNOWN_KEYS.to_vec()).prop_map(str::to_owned)];
    (
        shape,
        any::<u16>(),
        sent(),
        text(),
        sent(),
        text(),
        sent(),
        btree_map(extra_key, json(), 0..5),
    )
        .prop_map(
            |(
                shape,
                status_code,
                request_id,
                error_type,
                message,
                stytch_message,
                error_url,
                extra,
            )| {
                Envelope {
                    shape,
                    status_code,
                    request_id,
                    error_type,
                    // The Stytch shape requires its message; OAuth2's is optional.
                    error_message: match shape {
                        Shape::OAuth2 => message,
                        _ => Sent::Text(stytch_message),
                    },
                    error_url,
                    extra: extra
                        .into_iter()
                        .filter(|(key, _)| can_be_extra(shape, key))
                        .collect(),
                }
            },
        )
}

/// Writes JSON text the way some server might: escapes chosen at random among those JSON
/// allows, and whitespace between tokens.
struct Writer {
    out: String,
    state: u64,
}

impl Writer {
    fn new(seed: u64) -> Self {
        Writer {
            out: String::new(),
            state: seed | 1,
        }
    }

    fn coin(&mut self, one_in: u64) -> bool {
        // xorshift64: reproducible from the seed, which proptest shrinks and reports.
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state.is_multiple_of(one_in)
    }

    fn space(&mut self) {
        while self.coin(4) {
            let index = (self.state >> 20) as usize % 4;
            self.out.push([' ', '\t', '\n', '\r'][index]);
        }
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' if self.coin(2) => self.out.push_str("\\n"),
                '\t' if self.coin(2) => self.out.push_str("\\t"),
                '/' if self.coin(2) => self.out.push_str("\\/"),
                c if u32::from(c) < 0x20 || self.coin(8) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        if self.coin(2) {
                            self.out.push_str(&format!("\\u{unit:04x}"));
                        } else {
                            self.out.push_str(&format!("\\u{unit:04X}"));
                        }
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, value: &Value) {
        self.space();
        match value {
            Value::Null | Value::Bool(_) | Value::Number(_) => {
                self.out.push_str(&value.to_string())
            }
            Value::String(text) => self.string(text),
            Value::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.value(item);
                }
                self.space();
                self.out.push(']');
            }
            Value::Object(map) => self.object(map.iter()),
        }
        self.space();
    }

    fn object<'a>(&mut self, entries: impl Iterator<Item = (&'a String, &'a Value)>) {
        self.out.push('{');
        for (i, (key, value)) in entries.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.space();
            self.string(key);
            self.space();
            self.out.push(':');
            self.value(value);
        }
        self.space();
        self.out.push('}');
    }
}

/// An envelope's body: its entries in a shuffled order, but for the shape's error key, which
/// comes before the other shape's; written with random escapes.
fn body() -> impl Strategy<Value = (Envelope, String)> {
    envelope().prop_flat_map(|envelope| {
        let entries = Just(envelope.entries()).prop_shuffle();
        (Just(envelope), entries, any::<u64>()).prop_map(|(envelope, mut entries, seed)| {
            let own = keys(envelope.shape)[2];
            let other = keys(match envelope.shape {
                Shape::OAuth2 => Shape::Stytch,
                _ => Shape::OAuth2,
            })[2];
            let at = |key: &str, entries: &[(String, Value)]| {
                entries.iter().position(|(known, _)| known == key)
            };
            if let (Some(own), Some(other)) = (at(own, &entries), at(other, &entries))
                && other < own
            {
                entries.swap(own, other);
            }
            let mut writer = Writer::new(seed);
            writer.space();
            writer.object(entries.iter().map(|(key, value)| (key, value)));
            writer.space();
            (envelope, writer.out)
        })
    })
}

/// What holds for every body `parse` accepts: writing the envelope back gives the body's JSON
/// value, serde's path reads the same envelope, and the written text reads back the same.
fn check_accepted(body: &[u8], parsed: &ErrorEnvelope<'_>) -> Result<(), TestCaseError> {
    let json = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let value: Value = serde_json::from_slice(json).map_err(|error| {
        TestCaseError::fail(format!("accepted a body that is not JSON: {error}"))
    })?;
    prop_assert_eq!(serde_json::to_value(parsed).unwrap(), value);
    let via_serde: ErrorEnvelope<'_> = serde_json::from_slice(json).unwrap();
    prop_assert_eq!(&via_serde, parsed);
    let written = serde_json::to_string(parsed).unwrap();
    let again = ErrorEnvelope::parse(written.as_bytes()).unwrap();
    let (again, parsed) = (
        serde_json::to_value(&again).unwrap(),
        serde_json::to_value(parsed).unwrap(),
    );
    prop_assert!(same_json(&again, &parsed), "{again} != {parsed}");
    Ok(())
}

/// Equal JSON values, but for floats one step apart: serde_json (without its `float_roundtrip`
/// feature) may read the text it wrote of an `f64` back as the neighbouring `f64`. Bodies with
/// an integer too big for 64 bits, which reads as an `f64`, show it.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            x == y || (x.signum() == y.signum() && x.to_bits().abs_diff(y.to_bits()) == 1)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

/// What holds for every body `parse` refuses: the error keeps the body byte for byte, displays
/// on one line, and its kind agrees with serde_json about whether the body is JSON.
fn check_refused(body: &[u8], kind: ParseErrorKind) -> Result<(), TestCaseError> {
    let error = ErrorEnvelope::parse(body).unwrap_err();
    prop_assert_eq!(error.kind(), kind);
    prop_assert_eq!(error.body(), body);
    prop_assert_eq!(error.body_text(), String::from_utf8_lossy(body));
    prop_assert!(!error.to_string().contains(['\n', '\r']));
    let json = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    match kind {
        ParseErrorKind::NotJson => {
            prop_assert!(serde_json::from_slice::<Value>(json).is_err());
            prop_assert!(error.field().is_none());
        }
        _ => {
            prop_assert!(serde_json::from_slice::<IgnoredAny>(json).is_ok());
            prop_assert!(serde_json::from_slice::<ErrorEnvelope<'_>>(json).is_err());
        }
    }
    Ok(())
}

/// An independent statement of which objects are envelopes, written in the map's order.
fn is_envelope(object: &Map<String, Value>) -> bool {
    let position = |key: &str| object.keys().position(|known| known == key);
    let string_or_null =
        |key: &str| matches!(object.get(key), None | Some(Value::Null | Value::String(_)));
    let is_string = |key: &str| matches!(object.get(key), Some(Value::String(_)));
    let status = object
        .get("status_code")
        .and_then(Value::as_u64)
        .is_some_and(|status| status <= u64::from(u16::MAX));
    let stytch = match (position("error_type"), position("error")) {
        (Some(error_type), Some(error)) => error_type < error,
        (error_type, _) => error_type.is_some(),
    };
    let rest = if stytch {
        is_string("error_type") && is_string("error_message") && string_or_null("error_url")
    } else {
        is_string("error") && string_or_null("error_description") && string_or_null("error_uri")
    };
    status && string_or_null("request_id") && rest
}

/// An envelope's object with up to three faults: a key of either shape removed, or set to a
/// value of any type (often the right one, or `null`).
fn object() -> impl Strategy<Value = Map<String, Value>> {
    let value = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u16>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(400.0)),
        text().prop_map(Value::String),
        json(),
    ];
    let fault = (
        select(KNOWN_KEYS.to_vec()),
        proptest::option::weighted(0.8, value),
    );
    (envelope(), vec(fault, 0..4)).prop_map(|(envelope, faults)| {
        let mut object: Map<String, Value> = envelope.entries().into_iter().collect();
        for (key, value) in faults {
            match value {
                Some(value) => object.insert(key.to_owned(), value),
                None => object.remove(key),
            };
        }
        object
    })
}

/// One edit of a body's bytes.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Remove(usize),
    Replace(usize, u8),
    Insert(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let position = any::<usize>();
    let byte = prop_oneof![
        select(b"{}[]\",:\\ 0-.eEtnu\xff\xc3\x80".to_vec()),
        any::<u8>()
    ];
    prop_oneof![
        position.prop_map(Edit::Truncate),
        position.prop_map(Edit::Remove),
        (position, byte.clone()).prop_map(|(at, byte)| Edit::Replace(at, byte)),
        (position, byte).prop_map(|(at, byte)| Edit::Insert(at, byte)),
    ]
}

fn apply(body: &mut Vec<u8>, edit: &Edit) {
    let at = |position: usize, len: usize| if len == 0 { 0 } else { position % len };
    match *edit {
        Edit::Truncate(position) => body.truncate(at(position, body.len() + 1)),
        Edit::Remove(position) if !body.is_empty() => {
            body.remove(at(position, body.len()));
        }
        Edit::Replace(position, byte) if !body.is_empty() => {
            let index = at(position, body.len());
            body[index] = byte;
        }
        Edit::Insert(position, byte) => body.insert(at(position, body.len() + 1), byte),
        Edit::Remove(_) | Edit::Replace(..) => {}
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_envelopes_come_back_as_sent((sent, body) in body()) {
        let parsed = ErrorEnvelope::parse(body.as_bytes())
            .map_err(|error| TestCaseError::fail(format!("refused {body}: {error}")))?;
        prop_assert_eq!(parsed.shape(), sent.shape);
        prop_assert_eq!(parsed.status_code(), sent.status_code);
        prop_assert_eq!(parsed.request_id(), sent.request_id.as_deref());
        prop_assert_eq!(parsed.error_type(), sent.error_type.as_str());
        prop_assert_eq!(parsed.error_message(), sent.error_message.as_deref().unwrap_or(""));
        prop_assert_eq!(parsed.error_url(), sent.error_url.as_deref());
        prop_assert_eq!(parsed.extra(), &sent.extra);
        check_accepted(body.as_bytes(), &parsed)?;
    }

    #[test]
    fn an_object_is_accepted_exactly_when_it_is_an_envelope(object in object(), seed in any::<u64>()) {
        let mut writer = Writer::new(seed);
        writer.object(object.iter());
        let body = writer.out.into_bytes();
        match ErrorEnvelope::parse(&body) {
            Ok(parsed) => {
                prop_assert!(is_envelope(&object), "accepted {:?}", object);
                check_accepted(&body, &parsed)?;
            }
            Err(error) => {
                prop_assert!(!is_envelope(&object), "refused {:?}: {}", object, error);
                prop_assert_ne!(error.kind(), ParseErrorKind::NotJson);
                let field = error.field().unwrap();
                prop_assert!(error.reason().contains(&format!("`{field}`")), "{}", error.reason());
                check_refused(&body, error.kind())?;
            }
        }
    }

    #[test]
    fn a_key_given_twice_is_refused(
        (sent, _) in body(),
        index in any::<prop::sample::Index>(),
        value in json(),
        seed in any::<u64>(),
    ) {
        let mut entries = sent.entries();
        let (key, _) = entries[index.index(entries.len())].clone();
        entries.push((key.clone(), value));
        let mut writer = Writer::new(seed);
        writer.object(entries.iter().map(|(key, value)| (key, value)));
        let body = writer.out.into_bytes();
        let error = ErrorEnvelope::parse(&body).unwrap_err();
        prop_assert_eq!(error.kind(), ParseErrorKind::NotAnEnvelope);
        prop_assert_eq!(error.field(), Some(key.as_str()));
        prop_assert!(error.reason().starts_with("duplicate field `"), "{}", error.reason());
        check_refused(&body, error.kind())?;
    }

    #[test]
    fn broken_bodies_are_refused_with_the_body_never_a_panic(
        (_, body) in body(),
        edits in vec(edit(), 1..4),
    ) {
        let mut body = body.into_bytes();
        for edit in &edits {
            apply(&mut body, edit);
        }
        match ErrorEnvelope::parse(&body) {
            Ok(parsed) => check_accepted(&body, &parsed)?,
            Err(error) => check_refused(&body, error.kind())?,
        }
    }

    #[test]
    fn arbitrary_bytes_never_make_it_panic(body in vec(any::<u8>(), 0..64)) {
        match ErrorEnvelope::parse(&body) {
            Ok(parsed) => check_accepted(&body, &parsed)?,
            Err(error) => check_refused(&body, error.kind())?,
        }
    }
}
