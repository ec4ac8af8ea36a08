//! A check that a `schema = "..."` literal is a JSON object, run when the derive expands, so
//! that a typo in a hand-written schema is a compile error on the literal and not a panic or a
//! wrong schema at run time. It reads RFC 8259 JSON and keeps nothing: the runtime parses the
//! text again with serde_json.

/// `Ok` when `text` is one JSON object (with whitespace around it); otherwise what is wrong
/// and at which character.
pub fn check_object(text: &str) -> Result<(), String> {
    check(text, b'{', "object")
}

/// `Ok` when `text` is one JSON array (with whitespace around it); otherwise what is wrong
/// and at which character.
pub fn check_array(text: &str) -> Result<(), String> {
    check(text, b'[', "array")
}

/// `text` as a JSON string literal, quotes and escapes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn check(text: &str, open: u8, kind: &str) -> Result<(), String> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    p.space();
    if p.peek() != Some(open) {
        return Err(p.error(&format!("a JSON {kind}, starting with `{}`", open as char)));
    }
    p.value()?;
    p.space();
    match p.peek() {
        None => Ok(()),
        Some(_) => Err(p.error(&format!("the end of the text after the {kind}"))),
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    const MAX_DEPTH: usize = 128;

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn error(&self, expected: &str) -> String {
        let column = String::from_utf8_lossy(&self.bytes[..self.at.min(self.bytes.len())])
            .chars()
            .count()
            + 1;
        format!("expected {expected} at character {column}")
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8, expected: &str) -> Result<(), String> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    fn value(&mut self) -> Result<(), String> {
        self.space();
        match self.peek() {
            Some(b'{') => self.nested(b'}', true),
            Some(b'[') => self.nested(b']', false),
            Some(b'"') => self.string(),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("a JSON value")),
        }
    }

    fn nested(&mut self, close: u8, object: bool) -> Result<(), String> {
        self.depth += 1;
        if self.depth > Self::MAX_DEPTH {
            return Err(self.error("less nesting"));
        }
        self.at += 1;
        self.space();
        if self.peek() == Some(close) {
            self.at += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            if object {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(self.error("a member name in double quotes"));
                }
                self.string()?;
                self.space();
                self.eat(b':', "`:` after the member name")?;
            }
            self.value()?;
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(c) if c == close => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ if object => return Err(self.error("`,` or `}`")),
                _ => return Err(self.error("`,` or `]`")),
            }
        }
    }

    fn string(&mut self) -> Result<(), String> {
        self.at += 1;
        loop {
            match self.peek() {
                None => return Err(self.error("the closing `\"` of the string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.at += 1;
                        }
                        Some(b'u') => {
                            self.at += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                                    return Err(self.error("four hex digits after `\\u`"));
                                }
                                self.at += 1;
                            }
                        }
                        _ => {
                            return Err(
                                self.error("an escape (`\\\"`, `\\\\`, `\\n`, `\\u00E9`...)")
                            );
                        }
                    }
                }
                Some(0..=0x1F) => {
                    return Err(self.error("no control character inside a string (write `\\n`)"));
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn word(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("a JSON value"))
        }
    }

    fn number(&mut self) -> Result<(), String> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("a digit after `.`"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("a digit in the exponent"));
            }
            self.digits();
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_object;

    #[test]
    fn objects_pass() {
        for ok in [
            "{}",
            r#" {"type": "string", "format": "uri"} "#,
            r#"{"a": [1, -2.5e3, 0, true, false, null, {"b": "\u00e9\n"}], "c": {}}"#,
        ] {
            assert_eq!(check_object(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn anything_else_says_what_and_where() {
        for (bad, expected) in [
            (
                "",
                "expected a JSON object, starting with `{` at character 1",
            ),
            (
                "[]",
                "expected a JSON object, starting with `{` at character 1",
            ),
            (
                r#"{"type": "string",}"#,
                "expected a member name in double quotes at character 19",
            ),
            (
                r#"{type: "string"}"#,
                "expected a member name in double quotes at character 2",
            ),
            (r#"{"a": 01}"#, "expected `,` or `}` at character 8"),
            (
                r#"{"a": 1} {}"#,
                "expected the end of the text after the object at character 10",
            ),
            (
                r#"{"a": "b}"#,
                "expected the closing `\"` of the string at character 10",
            ),
            (r#"{"a": tru}"#, "expected a JSON value at character 7"),
            (r#"{"é": 1.}"#, "expected a digit after `.` at character 9"),
        ] {
            assert_eq!(check_object(bad), Err(expected.to_owned()), "{bad}");
        }
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert!(check_object(&deep).unwrap_err().contains("less nesting"));
    }
}
