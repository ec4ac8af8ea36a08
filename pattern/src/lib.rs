//! Compiles a JSON Schema `pattern` to a small table-driven DFA.
//!
//! JSON Schema patterns are ECMA-262 regular expressions with the `u` flag, matched
//! *unanchored*: a string is valid when the pattern matches anywhere in it, unless the pattern
//! itself uses `^` or `$`. [`compile`] reads that dialect with its own parser
//! (`syntax`), lowers it to a [`regex_syntax::hir::Hir`], lets `regex-automata` determinize it,
//! then copies the result into a [`Dfa`] of plain tables (`automaton`), minimized and with its
//! bytes grouped into equivalence classes. The proc macro writes those tables out as `static`s;
//! the runtime walks them with the same dozen lines as [`Dfa::is_match`].
//!
//! What a finite automaton cannot do is refused with a [`Refusal`] that names the construct:
//! backreferences, lookahead and lookbehind, malformed syntax, and automata past a size bound.
//!
//! ```
//! let dfa = authlete_models_pattern::compile(r"^AC[0-9a-fA-F]{32}$", 1000).unwrap();
//! assert!(dfa.is_match("AC0123456789abcdef0123456789ABCDEF"));
//! assert!(!dfa.is_match("AC0123"));
//!
//! let refusal = authlete_models_pattern::compile(r"(a)\1", 1000).unwrap_err();
//! assert!(refusal.message().contains("backreference"));
//! ```

mod automaton;
mod sets;
mod syntax;

use std::fmt;

/// Compiles `pattern` to a [`Dfa`] that answers whether the pattern matches somewhere in a
/// string, with JSON Schema's semantics (ECMA-262 with the `u` flag, unanchored).
///
/// `max_states` bounds the size of the result, counting the two reserved states
/// ([`Dfa::DEAD`] and [`Dfa::MATCHED`]); it is capped at 65,536 since states are numbered in
/// `u16`. A pattern whose automaton would be larger is refused, as are constructs a finite
/// automaton cannot express and anything ECMA-262 calls a syntax error.
///
/// # Errors
///
/// A [`Refusal`] whose message names the construct at fault.
pub fn compile(pattern: &str, max_states: usize) -> Result<Dfa, Refusal> {
    let hir = syntax::parse(pattern)?;
    automaton::build(&hir, max_states.min(automaton::MAX_STATES))
}

/// A deterministic automaton over the UTF-8 bytes of a string, as plain tables.
///
/// States are numbered from 0. Two are reserved so that the walk can stop early:
/// [`Dfa::DEAD`] (no match is possible any more: answer `false`) and [`Dfa::MATCHED`] (a
/// match has been seen: answer `true`). Both exist in every `Dfa`, as rows that loop onto
/// themselves, so a walk that does not stop early still gives the right answer. The start
/// state may be either of them: `DEAD` for a pattern that matches nothing, `MATCHED` for one
/// that matches every string.
///
/// Every table is indexed by `usize`, and the walk allocates nothing:
///
/// ```
/// # let dfa = authlete_models_pattern::compile("a+b", 100).unwrap();
/// let mut state = usize::from(dfa.start);
/// for &byte in "xaab".as_bytes() {
///     let class = usize::from(dfa.classes[usize::from(byte)]);
///     state = usize::from(dfa.table[state * dfa.class_count + class]);
///     if state <= 1 {
///         break;
///     }
/// }
/// assert_eq!(state, usize::from(authlete_models_pattern::Dfa::MATCHED));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dfa {
    /// The equivalence class of each byte: bytes of one class move every state alike.
    pub classes: [u8; 256],
    /// How many classes there are, between 1 and 256: the width of a row of `table`.
    pub class_count: usize,
    /// The transitions, one row per state: the state after reading a byte of class `class`
    /// in state `state` is `table[state * class_count + class]`.
    pub table: Vec<u16>,
    /// The state before the first byte.
    pub start: u16,
    /// For each state, whether the pattern matches a string that ends in that state.
    pub accept_at_end: Vec<bool>,
}

impl Dfa {
    /// The state from which no match is possible: the answer is `false`.
    pub const DEAD: u16 = 0;
    /// The state entered once a match has been found: the answer is `true`.
    pub const MATCHED: u16 = 1;

    /// Whether every string matches (`""`, `.*`, `^`, `[\s\S]*$`): every state the walk can
    /// reach at the end of a character, over UTF-8 (a byte that starts no character is never
    /// read), answers "matched" at the end of the string.
    ///
    /// ```
    /// assert!(authlete_models_pattern::compile(".*", 100).unwrap().matches_every_string());
    /// assert!(!authlete_models_pattern::compile("^a", 100).unwrap().matches_every_string());
    /// ```
    #[must_use]
    pub fn matches_every_string(&self) -> bool {
        let next = |state: u16, byte: u8| {
            self.table[usize::from(state) * self.class_count
                + usize::from(self.classes[usize::from(byte)])]
        };
        let mut seen = vec![false; self.state_count()];
        let mut todo = vec![self.start];
        seen[usize::from(self.start)] = true;
        while let Some(state) = todo.pop() {
            if !self.accept_at_end[usize::from(state)] {
                return false;
            }
            // Each character's bytes, one range a byte, from this state.
            for ranges in UTF8 {
                let mut here = vec![state];
                for &(lo, hi) in *ranges {
                    let mut after: Vec<u16> = here
                        .iter()
                        .flat_map(|&s| (lo..=hi).map(move |b| next(s, b)))
                        .collect();
                    after.sort_unstable();
                    after.dedup();
                    here = after;
                }
                for s in here {
                    if !std::mem::replace(&mut seen[usize::from(s)], true) {
                        todo.push(s);
                    }
                }
            }
        }
        true
    }

    /// How many states the automaton has, the two reserved ones included.
    #[must_use]
    pub fn state_count(&self) -> usize {
        self.accept_at_end.len()
    }

    /// Whether the pattern matches somewhere in `haystack`: the reference walk, the one the
    /// runtime repeats over its `static` tables.
    #[must_use]
    pub fn is_match(&self, haystack: &str) -> bool {
        let mut state = usize::from(self.start);
        for &byte in haystack.as_bytes() {
            let class = usize::from(self.classes[usize::from(byte)]);
            state = usize::from(self.table[state * self.class_count + class]);
            if state <= usize::from(Self::MATCHED) {
                return state == usize::from(Self::MATCHED);
            }
        }
        self.accept_at_end[state]
    }
}

/// Why a pattern was not compiled: a sentence in plain English that names the construct.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    message: String,
}

impl Refusal {
    pub(crate) fn new(message: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
        }
    }

    /// The explanation, e.g. "`\1` is a backreference, which a finite automaton cannot
    /// express".
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// The UTF-8 encodings of every character, as the byte range each byte is in.
const UTF8: &[&[(u8, u8)]] = &[
    &[(0x00, 0x7F)],
    &[(0xC2, 0xDF), (0x80, 0xBF)],
    &[(0xE0, 0xE0), (0xA0, 0xBF), (0x80, 0xBF)],
    &[(0xE1, 0xEC), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xED, 0xED), (0x80, 0x9F), (0x80, 0xBF)],
    &[(0xEE, 0xEF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF0, 0xF0), (0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF1, 0xF3), (0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF4, 0xF4), (0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)],
];
