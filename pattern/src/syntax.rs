//! A recursive-descent parser for ECMA-262 patterns in Unicode mode (the `u` flag), straight
//! to a [`Hir`].
//!
//! The grammar is the one of ECMA-262's "Patterns" section with `[+UnicodeMode]`, without
//! Annex B: a lone `{`, `}` or `]` is an error, only syntax characters and `/` may be escaped
//! (`\-` too inside a class), and a class escape cannot end a range. Constructs a finite
//! automaton cannot express are refused by name. Captures are not kept: only whether a match
//! exists matters, so a group is its contents.

use regex_syntax::hir::{Class, ClassUnicode, Hir, Look, Repetition};

use crate::{Refusal, sets};

/// How deeply groups may nest: deeper patterns are refused rather than risk the stack of the
/// compiler that runs this.
const MAX_DEPTH: usize = 100;

/// Parses an ECMA-262 pattern (Unicode mode) to a [`Hir`] that matches the same strings when
/// anchored at the start of the input and allowed to end anywhere.
pub(crate) fn parse(pattern: &str) -> Result<Hir, Refusal> {
    let mut parser = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        depth: 0,
    };
    let hir = parser.disjunction()?;
    if parser.pos < parser.chars.len() {
        // `disjunction` stops only at the end or at a `)` no group opened.
        return Err(Refusal::new(
            "unbalanced parentheses: a `)` closes no group",
        ));
    }
    Ok(hir)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

/// One item of a character class: a code point (which may end or start a range) or a set
/// from a class escape such as `\d` (which may not).
enum ClassAtom {
    Char(u32),
    Set(ClassUnicode),
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    /// The text from `start` to the current position, to quote in a message.
    fn since(&self, start: usize) -> String {
        self.chars[start..self.pos].iter().collect()
    }

    /// Disjunction :: Alternative ( `|` Alternative )*
    fn disjunction(&mut self) -> Result<Hir, Refusal> {
        let mut alternatives = vec![self.alternative()?];
        while self.eat('|') {
            alternatives.push(self.alternative()?);
        }
        Ok(Hir::alternation(alternatives))
    }

    /// Alternative :: Term*
    fn alternative(&mut self) -> Result<Hir, Refusal> {
        let mut terms = Vec::new();
        while !matches!(self.peek(), None | Some('|' | ')')) {
            terms.push(self.term()?);
        }
        Ok(Hir::concat(terms))
    }

    /// Term :: Assertion | Atom Quantifier?
    fn term(&mut self) -> Result<Hir, Refusal> {
        let start = self.pos;
        let Some(c) = self.bump() else {
            unreachable!("`alternative` checked for the end")
        };
        let assertion = match (c, self.peek()) {
            ('^', _) => Some(Look::Start),
            ('$', _) => Some(Look::End),
            ('\\', Some('b')) => Some(Look::WordAscii),
            ('\\', Some('B')) => Some(Look::WordAsciiNegate),
            _ => None,
        };
        if let Some(look) = assertion {
            if c == '\\' {
                self.pos += 1;
            }
            let text = self.since(start);
            if let Some(quantifier) = self.quantifier()? {
                return Err(Refusal::new(format!(
                    "the quantifier `{quantifier}` follows the assertion `{text}`, which cannot \
                     be repeated"
                )));
            }
            return Ok(Hir::look(look));
        }
        let atom = match c {
            '(' => self.group(start)?,
            '[' => self.class(start)?,
            '\\' => self.atom_escape(start)?,
            '.' => Hir::class(Class::Unicode(sets::dot())),
            '*' | '+' | '?' => {
                return Err(Refusal::new(format!(
                    "the quantifier `{c}` has nothing to repeat"
                )));
            }
            '{' => {
                self.pos = start;
                return Err(match self.quantifier() {
                    Ok(Some(quantifier)) => Refusal::new(format!(
                        "the quantifier `{quantifier}` has nothing to repeat"
                    )),
                    _ => Refusal::new(
                        "a lone `{` is not allowed in Unicode mode; write `\\{` for the character",
                    ),
                });
            }
            '}' | ']' => {
                return Err(Refusal::new(format!(
                    "a lone `{c}` is not allowed in Unicode mode; write `\\{c}` for the character"
                )));
            }
            c => literal(u32::from(c)),
        };
        let Some(quantifier) = self.quantifier()? else {
            return Ok(atom);
        };
        let quantifier = parse_quantifier(&quantifier);
        Ok(Hir::repetition(Repetition {
            min: quantifier.0,
            max: quantifier.1,
            greedy: true,
            sub: Box::new(atom),
        }))
    }

    /// Quantifier :: ( `*` | `+` | `?` | `{n}` | `{n,}` | `{n,m}` ) `?`?
    ///
    /// Returns the quantifier's text, or `None` (and consumes nothing) when there is none.
    /// A `{` that does not open a well-formed quantifier is left for the caller.
    fn quantifier(&mut self) -> Result<Option<String>, Refusal> {
        let start = self.pos;
        match self.peek() {
            Some('*' | '+' | '?') => self.pos += 1,
            Some('{') => {
                self.pos += 1;
                let min = self.digits();
                let max = if self.eat(',') {
                    Some(self.digits())
                } else {
                    None
                };
                if min.is_empty() || !self.eat('}') {
                    self.pos = start;
                    return Ok(None);
                }
                if let Some(max) = max.filter(|max| !max.is_empty()) {
                    if decimal(&max) < decimal(&min) {
                        return Err(Refusal::new(format!(
                            "the quantifier `{}` has its bounds out of order",
                            self.since(start)
                        )));
                    }
                }
            }
            _ => return Ok(None),
        }
        self.eat('?'); // A lazy quantifier finds a match exactly when the greedy one does.
        Ok(Some(self.since(start)))
    }

    fn digits(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.since(start)
    }

    /// A group, after its `(`: `(...)`, `(?:...)`, `(?<name>...)`; lookarounds are refused.
    fn group(&mut self, start: usize) -> Result<Hir, Refusal> {
        if self.eat('?') {
            match self.bump() {
                Some(':') => {}
                Some('<') if matches!(self.peek(), Some('=' | '!')) => {
                    self.pos += 1;
                    return Err(Refusal::new(format!(
                        "`{}` is a lookbehind, which a finite automaton cannot express",
                        self.since(start)
                    )));
                }
                Some('<') => self.group_name()?,
                Some('=' | '!') => {
                    return Err(Refusal::new(format!(
                        "`{}` is a lookahead, which a finite automaton cannot express",
                        self.since(start)
                    )));
                }
                Some('i' | 'm' | 's' | '-') => {
                    return Err(Refusal::new(format!(
                        "`{}` sets flags for part of the pattern (a modifier group), which is \
                         not supported",
                        self.since(start)
                    )));
                }
                _ => {
                    return Err(Refusal::new(format!(
                        "`{}` is not a valid group: after `(?` come `:`, `<name>`, `=`, `!`, \
                         `<=` or `<!`",
                        self.since(start)
                    )));
                }
            }
        }
        if self.depth == MAX_DEPTH {
            return Err(Refusal::new(format!(
                "groups are nested more than {MAX_DEPTH} deep"
            )));
        }
        self.depth += 1;
        let hir = self.disjunction()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err(Refusal::new(
                "unbalanced parentheses: a `(` is never closed",
            ));
        }
        Ok(hir)
    }

    /// A group name, after `(?<`, up to and including its `>`. The name only has to be well
    /// formed: nothing refers to it, since `\k<name>` is refused.
    fn group_name(&mut self) -> Result<(), Refusal> {
        let start = self.pos;
        loop {
            let first = self.pos == start;
            let code = match self.bump() {
                Some('>') if !first => return Ok(()),
                Some('\\') if self.eat('u') => self.unicode_escape()?,
                Some(c) => u32::from(c),
                None => u32::MAX,
            };
            let valid = char::from_u32(code).is_some_and(|c| {
                c == '$'
                    || c == '_'
                    || if first {
                        c.is_alphabetic()
                    } else {
                        c.is_alphanumeric() || c == '\u{200C}' || c == '\u{200D}'
                    }
            });
            if !valid {
                return Err(Refusal::new(format!(
                    "`(?<{}` does not start a group name followed by `>`",
                    self.since(start)
                )));
            }
        }
    }

    /// An escape outside a class, after its `\`.
    fn atom_escape(&mut self, start: usize) -> Result<Hir, Refusal> {
        match self.peek() {
            Some(c @ ('d' | 'D' | 's' | 'S' | 'w' | 'W')) => {
                self.pos += 1;
                let set = sets::class_escape(c).expect("a class escape letter");
                Ok(Hir::class(Class::Unicode(set)))
            }
            Some('p' | 'P') => Ok(Hir::class(Class::Unicode(self.property()?))),
            Some('1'..='9') => {
                self.digits();
                Err(Refusal::new(format!(
                    "`{}` is a backreference, which a finite automaton cannot express",
                    self.since(start)
                )))
            }
            Some('k') => {
                self.pos += 1;
                if self.eat('<') {
                    while self.peek().is_some_and(|c| c != '>') {
                        self.pos += 1;
                    }
                    self.eat('>');
                }
                Err(Refusal::new(format!(
                    "`{}` is a backreference, which a finite automaton cannot express",
                    self.since(start)
                )))
            }
            _ => Ok(literal(self.character_escape(start, false)?)),
        }
    }

    /// `\p{..}` or `\P{..}`, from its `p`.
    fn property(&mut self) -> Result<ClassUnicode, Refusal> {
        let start = self.pos - 1;
        let negated = self.bump() == Some('P');
        if !self.eat('{') {
            return Err(Refusal::new(format!(
                "`{}` must be followed by a property in braces, as in `\\p{{L}}`",
                self.since(start)
            )));
        }
        let inside = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '=')
        {
            self.pos += 1;
        }
        let text = self.since(inside);
        if !self.eat('}') {
            return Err(Refusal::new(format!(
                "`{}` is not a well-formed Unicode property escape",
                self.since(start)
            )));
        }
        let (name, value) = match text.split_once('=') {
            Some((name, value)) => (Some(name), value),
            None => (None, text.as_str()),
        };
        let name_ok =
            name.is_none_or(|name| name.chars().all(|c| c.is_ascii_alphabetic() || c == '_'));
        if value.is_empty() || value.contains('=') || name.is_some_and(str::is_empty) || !name_ok {
            return Err(Refusal::new(format!(
                "`{}` is not a well-formed Unicode property escape",
                self.since(start)
            )));
        }
        let mut set = sets::property(name, value)?;
        if negated {
            set.negate();
        }
        Ok(set)
    }

    /// CharacterEscape, after the `\` at `start`: the code point it stands for, which may be
    /// a lone surrogate. `in_class` allows `\-`.
    fn character_escape(&mut self, start: usize, in_class: bool) -> Result<u32, Refusal> {
        let Some(c) = self.bump() else {
            return Err(Refusal::new("the pattern ends with a lone `\\`"));
        };
        Ok(match c {
            't' => 0x09,
            'n' => 0x0A,
            'v' => 0x0B,
            'f' => 0x0C,
            'r' => 0x0D,
            'c' => match self.bump() {
                Some(letter) if letter.is_ascii_alphabetic() => u32::from(letter) % 32,
                _ => {
                    return Err(Refusal::new(format!(
                        "`{}` is not a control escape: `\\c` takes a letter, as in `\\cJ`",
                        self.since(start)
                    )));
                }
            },
            '0' if self.peek().is_some_and(|c| c.is_ascii_digit()) => {
                self.pos += 1;
                return Err(Refusal::new(format!(
                    "`{}` is an octal escape, which Unicode mode does not allow",
                    self.since(start)
                )));
            }
            '0' => 0,
            'x' => match (self.hex_digit(), self.hex_digit()) {
                (Some(high), Some(low)) => high * 16 + low,
                _ => {
                    return Err(Refusal::new(format!(
                        "`{}` is not a hex escape: `\\x` takes two hex digits, as in `\\x41`",
                        self.since(start)
                    )));
                }
            },
            'u' => self.unicode_escape()?,
            '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
            | '/' => u32::from(c),
            '-' if in_class => u32::from(c),
            _ => {
                return Err(Refusal::new(format!(
                    "`{}` is not a valid escape: in Unicode mode only `^ $ \\ . * + ? ( ) [ ] {{ }} \
                     | /` can be escaped{}",
                    self.since(start),
                    if in_class {
                        " (and `-`, `b` in a class)"
                    } else {
                        ""
                    },
                )));
            }
        })
    }

    /// `\u` escapes, after the `u`: `\u{...}`, `\uHHHH`, and a surrogate pair written as two
    /// `\uHHHH` standing for one code point.
    fn unicode_escape(&mut self) -> Result<u32, Refusal> {
        let start = self.pos - 2;
        let invalid = |parser: &Parser| {
            Refusal::new(format!(
                "`{}` is not a Unicode escape: write `\\uHHHH` with four hex digits or \
                 `\\u{{H...}}` up to 10FFFF",
                parser.since(start)
            ))
        };
        if self.eat('{') {
            let mut code: u32 = 0;
            let mut count = 0;
            while let Some(digit) = self.hex_digit() {
                code = code.saturating_mul(16).saturating_add(digit);
                count += 1;
            }
            if count == 0 || !self.eat('}') || code > 0x10_FFFF {
                return Err(invalid(self));
            }
            return Ok(code);
        }
        let code = self.hex4().ok_or_else(|| invalid(self))?;
        if (0xD800..0xDC00).contains(&code)
            && self.peek() == Some('\\')
            && self.peek_at(1) == Some('u')
        {
            let before = self.pos;
            self.pos += 2;
            match self.hex4() {
                Some(low @ 0xDC00..0xE000) => {
                    return Ok(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
                }
                _ => self.pos = before,
            }
        }
        Ok(code)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut code = 0;
        for _ in 0..4 {
            code = code * 16 + self.hex_digit()?;
        }
        Some(code)
    }

    fn hex_digit(&mut self) -> Option<u32> {
        let digit = self.peek()?.to_digit(16)?;
        self.pos += 1;
        Some(digit)
    }

    /// A character class, after its `[`.
    fn class(&mut self, start: usize) -> Result<Hir, Refusal> {
        let negated = self.eat('^');
        let mut set = ClassUnicode::empty();
        loop {
            match self.peek() {
                None => {
                    return Err(Refusal::new(format!(
                        "unterminated character class `{}`: it has no closing `]`",
                        self.since(start)
                    )));
                }
                Some(']') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => {}
            }
            let atom_start = self.pos;
            let first = self.class_atom()?;
            if self.peek() == Some('-') && !matches!(self.peek_at(1), None | Some(']')) {
                self.pos += 1;
                let last = self.class_atom()?;
                let range = self.since(atom_start);
                match (first, last) {
                    (ClassAtom::Char(lo), ClassAtom::Char(hi)) if lo <= hi => {
                        sets::add_range(&mut set, lo, hi);
                    }
                    (ClassAtom::Char(_), ClassAtom::Char(_)) => {
                        return Err(Refusal::new(format!(
                            "the range `{range}` in a character class is out of order"
                        )));
                    }
                    _ => {
                        return Err(Refusal::new(format!(
                            "the range `{range}` has a class escape at one end, which Unicode \
                             mode does not allow; write `-` as `\\-`"
                        )));
                    }
                }
            } else {
                match first {
                    ClassAtom::Char(c) => sets::add_range(&mut set, c, c),
                    ClassAtom::Set(other) => set.union(&other),
                }
            }
        }
        if negated {
            set.negate();
        }
        Ok(Hir::class(Class::Unicode(set)))
    }

    /// ClassAtom: a character, or an escape (`\b` is the backspace here).
    fn class_atom(&mut self) -> Result<ClassAtom, Refusal> {
        let start = self.pos;
        let Some(c) = self.bump() else {
            unreachable!("`class` checked for the end")
        };
        if c != '\\' {
            return Ok(ClassAtom::Char(u32::from(c)));
        }
        match self.peek() {
            Some('b') => {
                self.pos += 1;
                Ok(ClassAtom::Char(0x08))
            }
            Some(c @ ('d' | 'D' | 's' | 'S' | 'w' | 'W')) => {
                self.pos += 1;
                Ok(ClassAtom::Set(
                    sets::class_escape(c).expect("a class escape letter"),
                ))
            }
            Some('p' | 'P') => Ok(ClassAtom::Set(self.property()?)),
            _ => Ok(ClassAtom::Char(self.character_escape(start, true)?)),
        }
    }
}

/// The expression for one code point; a lone surrogate matches nothing, since no Rust string
/// holds one.
fn literal(code: u32) -> Hir {
    let mut set = ClassUnicode::empty();
    sets::add_range(&mut set, code, code);
    Hir::class(Class::Unicode(set))
}

/// The value of a run of decimal digits, saturating: ECMA-262 allows any size, and anything
/// past `u32::MAX` is refused later for size anyway.
fn decimal(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// The bounds of a quantifier's text, such as `+?` or `{2,5}`.
fn parse_quantifier(text: &str) -> (u32, Option<u32>) {
    let text = text
        .strip_suffix('?')
        .filter(|t| !t.is_empty())
        .unwrap_or(text);
    match text {
        "*" => (0, None),
        "+" => (1, None),
        "?" => (0, Some(1)),
        _ => {
            let inner = &text[1..text.len() - 1];
            match inner.split_once(',') {
                None => (decimal(inner), Some(decimal(inner))),
                Some((min, "")) => (decimal(min), None),
                Some((min, max)) => (decimal(min), Some(decimal(max))),
            }
        }
    }
}
