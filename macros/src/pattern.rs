//! `pattern = "..."`: a JSON Schema pattern, compiled into an automaton when the derive
//! expands (with the `pattern` feature, which brings the compiler), and written into the
//! generated code as tables the runtime's `Pattern` walks. And the formats `check_format`
//! checks.

use proc_macro2::{Literal, TokenStream};

/// The most states a pattern's automaton may have: past it, the pattern is refused, as a
/// table that large would weigh on the program and on its build.
#[cfg(feature = "pattern")]
pub const MAX_STATES: usize = 10_000;

/// The formats `check_format` checks: each JSON Schema name, and its variant of the runtime's
/// `rules::formats::Format`.
pub const FORMATS: &[(&str, &str)] = &[
    ("date-time", "DateTime"),
    ("date", "Date"),
    ("time", "Time"),
    ("duration", "Duration"),
    ("email", "Email"),
    ("hostname", "Hostname"),
    ("ipv4", "Ipv4"),
    ("ipv6", "Ipv6"),
    ("uri", "Uri"),
    ("uri-reference", "UriReference"),
    ("uuid", "Uuid"),
    ("json-pointer", "JsonPointer"),
];

/// The variant of the format `name`, if `check_format` checks it.
pub fn format_variant(name: &str) -> Option<&'static str> {
    FORMATS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// A pattern as written, and its automaton.
pub struct PatternSpec {
    pub text: String,
    #[cfg(feature = "pattern")]
    dfa: authlete_models_pattern::Dfa,
}

/// Compiles `text`, or says why not.
#[cfg(feature = "pattern")]
pub fn parse(text: &str) -> Result<PatternSpec, String> {
    match authlete_models_pattern::compile(text, MAX_STATES) {
        Ok(dfa) => Ok(PatternSpec {
            text: text.to_owned(),
            dfa,
        }),
        Err(refusal) => Err(format!(
            "this pattern cannot be checked: {}",
            refusal.message()
        )),
    }
}

/// Without the compiler, a pattern is an error that says how to get it.
#[cfg(not(feature = "pattern"))]
pub fn parse(_: &str) -> Result<PatternSpec, String> {
    Err("`pattern` needs the `pattern` feature of authlete-models, which compiles patterns when the derive expands: `authlete-models = { version = \"0.1\", features = [\"pattern\"] }`".to_owned())
}

impl PatternSpec {
    /// Whether `s` matches: what the generated code's check answers.
    #[cfg(feature = "pattern")]
    pub fn is_match(&self, s: &str) -> bool {
        self.dfa.is_match(s)
    }

    #[cfg(not(feature = "pattern"))]
    pub fn is_match(&self, _: &str) -> bool {
        unreachable!("no pattern is read without the `pattern` feature")
    }

    /// The runtime's `Pattern` for it, a constant expression: the byte classes, the table (two
    /// bytes a state and class, little-endian) and the end states as byte strings.
    #[cfg(feature = "pattern")]
    pub fn tokens(&self) -> TokenStream {
        let dfa = &self.dfa;
        let text = &self.text;
        let classes = Literal::byte_string(&dfa.classes);
        let stride = Literal::usize_unsuffixed(dfa.class_count);
        let table: Vec<u8> = dfa.table.iter().flat_map(|s| s.to_le_bytes()).collect();
        let table = Literal::byte_string(&table);
        let start = Literal::u16_unsuffixed(dfa.start);
        let ends: Vec<u8> = dfa.accept_at_end.iter().map(|&a| u8::from(a)).collect();
        let ends = Literal::byte_string(&ends);
        tpl!(
            {
                ::authlete_models::__private::Some(&::authlete_models::__private::rules::Pattern::new(
                    #text, #classes, #stride, #table, #start, #ends,
                ))
            },
            text,
            classes,
            stride,
            table,
            start,
            ends,
        )
    }

    #[cfg(not(feature = "pattern"))]
    pub fn tokens(&self) -> TokenStream {
        let _ = (Literal::u8_unsuffixed(0), &self.text);
        unreachable!("no pattern is read without the `pattern` feature")
    }
}
