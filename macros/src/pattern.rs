//! `pattern = "..."` and `not_pattern = "..."`: JSON Schema patterns, compiled into automata
//! when the derive expands (with the `pattern` feature, which brings the compiler), and
//! written into the generated code as tables the runtime's `Pattern` walks. And the formats
//! `check_format` checks.

#[cfg(feature = "pattern")]
use proc_macro2::Literal;
use proc_macro2::TokenStream;

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

/// Compiles `text`, the value of `key` (`pattern`, `not_pattern`), or says why not.
#[cfg(feature = "pattern")]
pub fn parse(_key: &str, text: &str) -> Result<PatternSpec, String> {
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
pub fn parse(key: &str, _: &str) -> Result<PatternSpec, String> {
    Err(format!(
        "`{key}` needs the `pattern` feature of authlete-models, which compiles patterns when the derive expands: `authlete-models = {{ version = \"0.1\", features = [\"pattern\"] }}`"
    ))
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

    /// Whether every string matches (`""`, `.*`, `^`, `[\s\S]*$`): see
    /// `authlete_models_pattern::Dfa::matches_every_string`.
    #[cfg(feature = "pattern")]
    pub fn matches_every_string(&self) -> bool {
        self.dfa.matches_every_string()
    }

    #[cfg(not(feature = "pattern"))]
    pub fn matches_every_string(&self) -> bool {
        unreachable!("no pattern is read without the `pattern` feature")
    }

    /// The runtime's `Pattern` for it, a constant expression: by positions when the pattern
    /// matches strings of one length only, each byte from a set of its own (see
    /// [`positions`]); otherwise the automaton's walk, each entry of its table the index of the
    /// next state's row.
    #[cfg(feature = "pattern")]
    pub fn value(&self) -> TokenStream {
        let dfa = &self.dfa;
        let text = &self.text;
        let p = tpl!({ ::authlete_models::__private });
        if let Some((sets, at)) = positions(dfa) {
            let len = Literal::usize_unsuffixed(at.len());
            let mut start = 0;
            let runs = runs(&at).into_iter().map(|(i, n)| {
                let (from, to) = (
                    Literal::usize_unsuffixed(start),
                    Literal::usize_unsuffixed(start + n),
                );
                start += n;
                let test = byte_test(&sets[usize::from(i)]);
                tpl!(
                    {
                        __b[#from..#to].iter().fold(true, |__all, &__c| __all & (#test))
                    },
                    from,
                    to,
                    test,
                )
            });
            return tpl!(
                {
                    #p::rules::Pattern::code(#text, |__b: &[u8]| -> bool {
                        __b.len() == #len && (true #runs)
                    })
                },
                p,
                text,
                len,
                runs = quote::quote!(#(& #runs)*),
            );
        }
        let stride = dfa.class_count;
        let classes = Literal::byte_string(&dfa.classes);
        let table = dfa
            .table
            .iter()
            .map(|&next| Literal::u32_unsuffixed(u32::from(next) * stride as u32));
        let start = Literal::u32_unsuffixed(u32::from(dfa.start) * stride as u32);
        let mut ends: Vec<u8> = dfa.accept_at_end.iter().map(|&a| u8::from(a)).collect();
        // The two rows the walk answers at: no match, and matched.
        ends[0] = 0;
        ends[1] = 1;
        let ends = Literal::byte_string(&ends);
        let stride = Literal::usize_unsuffixed(stride);
        tpl!(
            {
                #p::rules::Pattern::walk(#text, #classes, #stride, &[#table], #start, #ends)
            },
            p,
            text,
            classes,
            stride,
            table = quote::quote!(#(#table),*),
            start,
            ends,
        )
    }

    #[cfg(not(feature = "pattern"))]
    pub fn value(&self) -> TokenStream {
        unreachable!("no pattern is read without the `pattern` feature")
    }
}

/// The byte sets of a pattern that matches strings of one length only, each byte in a set of
/// its own position, and which set each position takes: a chain of states from the start, each
/// going on to one next state (or to none), ending in the one state where a string may end,
/// which takes no more bytes. `None` for any other automaton, or a chain past 256 bytes.
#[cfg(feature = "pattern")]
fn positions(dfa: &authlete_models_pattern::Dfa) -> Option<(Vec<[u8; 32]>, Vec<u8>)> {
    const DEAD: u16 = 0;
    const MATCHED: u16 = 1;
    let stride = dfa.class_count;
    let mut sets: Vec<[u8; 32]> = Vec::new();
    let mut at = Vec::new();
    let mut state = dfa.start;
    loop {
        if state <= MATCHED || at.len() > 256 {
            return None;
        }
        let row = &dfa.table[usize::from(state) * stride..][..stride];
        let mut set = [0u8; 32];
        let mut next = None;
        for byte in 0..=255u8 {
            let to = row[usize::from(dfa.classes[usize::from(byte)])];
            if to == DEAD {
                continue;
            }
            if next.is_some_and(|n| n != to) {
                return None;
            }
            next = Some(to);
            set[usize::from(byte >> 3)] |= 1 << (byte & 7);
        }
        let ends_here = dfa.accept_at_end[usize::from(state)];
        match (ends_here, next) {
            // The last state: the string ends here, and takes no more.
            (true, None) => return Some((sets, at)),
            (false, Some(to)) => {
                let i = match sets.iter().position(|s| *s == set) {
                    Some(i) => i,
                    None => {
                        sets.push(set);
                        sets.len() - 1
                    }
                };
                at.push(u8::try_from(i).ok()?);
                state = to;
            }
            // A string may end here and also go on, or cannot go on nor end.
            _ => return None,
        }
    }
}

/// The positions as runs of one set: each run's set and length, in order.
#[cfg(feature = "pattern")]
fn runs(at: &[u8]) -> Vec<(u8, usize)> {
    let mut runs: Vec<(u8, usize)> = Vec::new();
    for &i in at {
        match runs.last_mut() {
            Some((set, n)) if *set == i => *n += 1,
            _ => runs.push((i, 1)),
        }
    }
    runs
}

/// A test of `__c`, a byte, for membership in `set`, without a branch: a comparison for each
/// range of the set (`__c.wrapping_sub(lo) <= hi - lo`), joined with `|`.
#[cfg(feature = "pattern")]
fn byte_test(set: &[u8; 32]) -> TokenStream {
    let has = |b: u8| set[usize::from(b >> 3)] & (1 << (b & 7)) != 0;
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    for b in (0..=255u8).filter(|&b| has(b)) {
        match ranges.last_mut() {
            Some((_, hi)) if u16::from(*hi) + 1 == u16::from(b) => *hi = b,
            _ => ranges.push((b, b)),
        }
    }
    let tests = ranges.into_iter().map(|(lo, hi)| {
        let (lo, span) = (Literal::u8_suffixed(lo), Literal::u8_suffixed(hi - lo));
        tpl!({ (__c.wrapping_sub(#lo) <= #span) }, lo, span)
    });
    quote::quote!(#(#tests)|*)
}

#[cfg(all(test, feature = "pattern"))]
mod tests {
    use super::*;

    fn runs_of(pattern: &str) -> Option<Vec<(u8, usize)>> {
        let spec = parse("pattern", pattern).unwrap();
        positions(&spec.dfa).map(|(_, at)| runs(&at))
    }

    #[test]
    fn a_pattern_matching_every_string_is_found() {
        for pattern in ["", ".*", "^", "$", "a*", "(?:)|x", "^[\\s\\S]*$"] {
            let spec = parse("not_pattern", pattern).unwrap();
            assert!(spec.matches_every_string(), "{pattern}");
        }
        // `.` takes no line terminator: `^.*$` refuses "\n".
        for pattern in ["a", "^$", "^.*a", "^[\\s\\S]+", "^.*$", "[^a]|^$"] {
            let spec = parse("not_pattern", pattern).unwrap();
            assert!(!spec.matches_every_string(), "{pattern}");
        }
    }

    #[test]
    fn one_length_with_a_set_per_position_is_checked_by_positions() {
        assert_eq!(
            runs_of("^AC[0-9a-f]{3}$"),
            Some(vec![(0, 1), (1, 1), (2, 3)])
        );
        assert_eq!(runs_of("^[ab][ab]$"), Some(vec![(0, 2)]));
        // Several lengths, a match that may go on, or one found anywhere: the walk.
        for pattern in ["^a+$", "^a{1,3}$", "^ab", "ab", "^(ab|cd)$", "^(a|bc)$"] {
            assert_eq!(runs_of(pattern), None, "{pattern}");
        }
    }
}
