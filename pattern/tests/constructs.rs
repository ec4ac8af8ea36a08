//! One test per construct of ECMA-262 patterns (Unicode mode), with verdicts written by hand
//! from the specification, and one per refusal.

use authlete_models_pattern::{Dfa, compile};

/// Compiles `pattern` and checks it matches each of `yes` and none of `no`.
#[track_caller]
fn check(pattern: &str, yes: &[&str], no: &[&str]) {
    let dfa = match compile(pattern, 10_000) {
        Ok(dfa) => dfa,
        Err(refusal) => panic!("{pattern:?} refused: {refusal}"),
    };
    for input in yes {
        assert!(dfa.is_match(input), "{pattern:?} should match {input:?}");
    }
    for input in no {
        assert!(
            !dfa.is_match(input),
            "{pattern:?} should not match {input:?}"
        );
    }
}

/// Checks `pattern` is refused with a message that contains `needle`.
#[track_caller]
fn refused(pattern: &str, needle: &str) {
    match compile(pattern, 10_000) {
        Ok(_) => panic!("{pattern:?} should be refused"),
        Err(refusal) => assert!(
            refusal.message().contains(needle),
            "{pattern:?}: {:?} should mention {needle:?}",
            refusal.message()
        ),
    }
}

#[test]
fn literals_are_unanchored() {
    check(
        "abc",
        &["abc", "xxabcxx", "ababc"],
        &["", "ab", "acb", "ABC"],
    );
    check("", &["", "anything"], &[]);
    check("é", &["café"], &["cafe"]);
    check("/", &["a/b"], &["ab"]);
}

#[test]
fn anchors_are_start_and_end_of_input() {
    check("^abc", &["abc", "abcd"], &["xabc", "\nabc"]);
    check("abc$", &["abc", "xabc"], &["abcx", "abc\n"]);
    check("^$", &[""], &["\n", " "]);
    check("a^b", &[], &["ab", "a\nb", "a^b"]);
    check("(^a|b)c", &["ac", "xbc"], &["xac"]);
}

#[test]
fn dot_is_any_code_point_but_line_terminators() {
    check(
        "^.$",
        &["a", "é", "😀", "\u{85}", "\t"],
        &["", "\n", "\r", "\u{2028}", "\u{2029}", "ab"],
    );
    check("^a.c$", &["abc", "a😀c"], &["a\nc", "ac"]);
}

#[test]
fn digit_word_and_their_complements_are_ascii() {
    check("^\\d+$", &["0123456789"], &["", "١", "٣", "a"]);
    check("^\\D$", &["a", "١", "😀"], &["5"]);
    check("^\\w+$", &["Az09_"], &["é", "-", "ß"]);
    check("^\\W$", &["é", "-", " "], &["a", "_", "Z"]);
}

#[test]
fn space_is_ecma_white_space_and_line_terminators() {
    let spaces = [
        "\t", "\n", "\u{B}", "\u{C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
        "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
    ];
    let others = ["a", "\u{85}", "\u{180E}", "\u{200B}", "\u{1}", "\u{2013}"];
    check("^\\s$", &spaces, &others);
    check("^\\S$", &others, &spaces);
}

#[test]
fn word_boundaries_are_ascii() {
    check(
        "\\bfoo\\b",
        &["foo", "a foo.", "(foo)"],
        &["foobar", "afoo", "foo_"],
    );
    check("\\Boo\\B", &["foox"], &["oo", "a oo"]);
    // é is not a word character: the boundary falls between it and `a`.
    check("\\ba", &["éa"], &["ba"]);
    // `\B` holds only where both sides agree; never inside the bytes of one code point.
    check("\\B", &["", "ab", "é", "a-"], &["a", "a b", "aéa"]);
    check("^\\b$", &[], &["", "a"]);
}

#[test]
fn classes() {
    check("^[abc]$", &["a", "c"], &["d", ""]);
    check("^[^abc]$", &["d", "é", "\n"], &["a", ""]);
    check("^[a-cx-z]+$", &["abxyz"], &["d", "w"]);
    check("^[à-ÿ]$", &["é"], &["a"]);
    check("^[😀-😂]$", &["😁"], &["😃"]);
    check("^[-a]+$", &["-a"], &["b"]);
    check("^[a-]+$", &["-a"], &["b"]);
    check("^[a\\-z]+$", &["-az"], &["b"]);
    check("^[!--]+$", &["!", ",", "-"], &["."]);
    check("^[\\d\\s]+$", &["1 2"], &["a"]);
    check("^[^\\d]$", &["a"], &["1"]);
    check("^[\\D]$", &["a"], &["1"]);
    check("^[\\W\\d]+$", &["1-"], &["a"]);
    check("^[\\b]$", &["\u{8}"], &["b"]);
    check(
        "^[\\]\\[\\\\\\^\\$\\.\\*\\+\\?\\(\\)\\{\\}\\|\\/]+$",
        &["][\\^$.*+?(){}|/"],
        &["a"],
    );
    check("^[[]$", &["["], &["a"]);
    check("^[.]$", &["."], &["a"]);
    check("^[$^]+$", &["$^"], &["a"]);
    check("[]", &[], &["", "a", "[]"]);
    check("^[^]$", &["\n", "a", "😀"], &["", "ab"]);
    check(
        "^[\\t\\n\\cJ\\x41\\u0042\\u{43}\\0]+$",
        &["\t\nABC\0"],
        &["D"],
    );
}

#[test]
fn unicode_properties() {
    check("^\\p{L}+$", &["Hello", "π", "ß"], &["1", "-", ""]);
    check("^\\p{Letter}$", &["a"], &["1"]);
    check("^\\p{Lu}$", &["A", "Ω"], &["a"]);
    check("^\\p{gc=Lu}$", &["A"], &["a"]);
    check("^\\p{General_Category=Uppercase_Letter}$", &["A"], &["a"]);
    check("^\\P{L}$", &["1", "-"], &["a"]);
    check("^\\p{Script=Greek}+$", &["αβγ"], &["a"]);
    check("^\\p{sc=Grek}$", &["α"], &["a"]);
    check("^\\p{Script_Extensions=Greek}$", &["α"], &["a"]);
    check("^\\p{scx=Grek}$", &["α"], &["a"]);
    check("^\\p{ASCII}+$", &["abc~"], &["é"]);
    check("^\\p{Alphabetic}$", &["a", "é"], &["1"]);
    check("^\\p{Any}$", &["\n", "😀"], &[""]);
    check("^\\p{Nd}+$", &["42", "٤٢"], &["a"]);
    check("^\\p{digit}+$", &["42", "٤٢"], &["a"]);
    check("^\\p{Zl}$", &["\u{2028}"], &["\u{2029}"]);
    check("^\\p{Emoji_Presentation}$", &["😀"], &["a"]);
    check("^[\\p{Lu}\\d]+$", &["A1"], &["a"]);
    check("^[^\\p{L}]$", &["1"], &["a"]);
    check("^[\\P{L}]$", &["1"], &["a"]);
    check("\\p{Cs}", &[], &["", "a"]);
}

#[test]
fn quantifiers() {
    check("^a*$", &["", "aaa"], &["b"]);
    check("^a+$", &["a", "aa"], &[""]);
    check("^ab?c$", &["ac", "abc"], &["abbc"]);
    check("^a{3}$", &["aaa"], &["aa", "aaaa"]);
    check("^a{2,}$", &["aa", "aaaaa"], &["a"]);
    check("^a{2,3}$", &["aa", "aaa"], &["a", "aaaa"]);
    check("^a{0}$", &[""], &["a"]);
    check(
        "^a*?b+?c??d{1,2}?e{2}?f{1,}?$",
        &["aabcdeef", "bdeef"],
        &["bdef", "abcdddeef"],
    );
    check("^(ab)+$", &["abab"], &["aba"]);
    check("^(?:a|bc)*$", &["abca", ""], &["b"]);
    check("^(a|)+$", &["", "aa"], &["b"]);
}

#[test]
fn alternation_and_groups() {
    check("^(?:cat|dog)$", &["cat", "dog"], &["cow"]);
    check("a|b", &["xbx"], &["c"]);
    check("^a|b$", &["ax", "xb"], &["xa", "bx"]);
    check("^(a(b(c)))$", &["abc"], &["ab"]);
    check("^()$", &[""], &["a"]);
    check(
        "^(?<year>\\d{4})-(?<month>\\d{2})$",
        &["2024-01"],
        &["24-01"],
    );
    check("^(?<$ok_1>a)$", &["a"], &[]);
    check("^(?<π>a)$", &["a"], &[]);
    check("^(?<\\u0061b>a)$", &["a"], &[]);
    check("^a|$", &["", "x"], &[]);
    check("^(?<a>x)|(?<a>y)$", &["x", "y"], &["z"]);
    check("(^|,)a(,|$)", &["a", "b,a", "a,b"], &["ba", "ab"]);
    check("^(\\b)*a(^)?$", &["a"], &["ba"]);
}

#[test]
fn escapes() {
    check("^\\t\\n\\v\\f\\r$", &["\t\n\u{B}\u{C}\r"], &[]);
    check("^\\0$", &["\0"], &["0"]);
    check("^\\cA\\cZ\\ca\\cj$", &["\u{1}\u{1A}\u{1}\n"], &[]);
    check("^\\x41\\x7e$", &["A~"], &[]);
    check("^\\u00e9\\u{1F600}\\u{00000041}$", &["é😀A"], &[]);
    check("^\\uD83D\\uDE00$", &["😀"], &[]);
    check("^[\\uD83D\\uDE00-\\uD83D\\uDE02]$", &["😁"], &["😃"]);
    check(
        "^\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/$",
        &["^$\\.*+?()[]{}|/"],
        &[],
    );
    // A lone surrogate is a character no Rust string holds.
    check("\\uD800", &[], &["", "\u{FFFD}"]);
    check("^a\\uDC00?$", &["a"], &[]);
}

#[test]
fn backreferences_are_refused() {
    refused(
        "(a)\\1",
        "`\\1` is a backreference, which a finite automaton cannot express",
    );
    refused("(a)\\12", "`\\12` is a backreference");
    refused("(?<x>a)\\k<x>", "`\\k<x>` is a backreference");
}

#[test]
fn lookarounds_are_refused() {
    refused(
        "a(?=b)",
        "`(?=` is a lookahead, which a finite automaton cannot express",
    );
    refused("a(?!b)", "`(?!` is a lookahead");
    refused("(?<=a)b", "`(?<=` is a lookbehind");
    refused("(?<!a)b", "`(?<!` is a lookbehind");
}

#[test]
fn malformed_syntax_is_refused() {
    refused("[abc", "unterminated character class `[abc`");
    refused("[", "unterminated character class");
    refused("(a", "a `(` is never closed");
    refused("a)", "a `)` closes no group");
    refused("a{", "a lone `{`");
    refused("a{1", "a lone `{`");
    refused("a{,5}", "a lone `{`");
    refused("}", "a lone `}`");
    refused("]", "a lone `]`");
    refused(
        "[z-a]",
        "the range `z-a` in a character class is out of order",
    );
    refused("[\\d-z]", "the range `\\d-z` has a class escape");
    refused("[a-\\w]", "has a class escape");
    refused("*a", "the quantifier `*` has nothing to repeat");
    refused("a|+", "the quantifier `+` has nothing to repeat");
    refused("(?)", "`(?)` is not a valid group");
    refused("a**", "the quantifier `*` has nothing to repeat");
    refused("{2}", "the quantifier `{2}` has nothing to repeat");
    refused("a{2}{3}", "the quantifier `{3}` has nothing to repeat");
    refused(
        "a{3,1}",
        "the quantifier `{3,1}` has its bounds out of order",
    );
    refused("^*", "the quantifier `*` follows the assertion `^`");
    refused("\\b+", "follows the assertion `\\b`");
    refused("(?i:a)", "a modifier group");
    refused("(?<1a>x)", "group name");
    refused("(?<a", "group name");
    refused("(?<>x)", "group name");
}

#[test]
fn invalid_escapes_are_refused() {
    refused("\\a", "`\\a` is not a valid escape");
    refused("\\e", "`\\e` is not a valid escape");
    refused("\\-", "`\\-` is not a valid escape");
    refused("\\_", "`\\_` is not a valid escape");
    refused("[\\B]", "`\\B` is not a valid escape");
    refused("[\\1]", "`\\1` is not a valid escape");
    refused("\\", "ends with a lone `\\`");
    refused("\\c1", "`\\c1` is not a control escape");
    refused("\\c", "`\\c` is not a control escape");
    refused("\\00", "`\\00` is an octal escape");
    refused("\\x4", "`\\x4` is not a hex escape");
    refused("\\u12", "is not a Unicode escape");
    refused("\\u{110000}", "is not a Unicode escape");
    refused("\\u{}", "is not a Unicode escape");
    refused("\\p", "must be followed by a property in braces");
    refused("\\p{L", "not a well-formed Unicode property escape");
    refused("\\p{}", "not a well-formed Unicode property escape");
    refused("\\p{a=b=c}", "not a well-formed Unicode property escape");
    refused("\\p{Klingon}", "`\\p{Klingon}` is not a Unicode property");
    refused(
        "\\p{Greek}",
        "names a script, which ECMA-262 spells `\\p{Script=Greek}`",
    );
    refused("\\p{Script=Klingon}", "`Klingon` is not a value of Script");
    refused(
        "\\p{Word_Break=ALetter}",
        "`\\p{Word_Break=...}` is not supported",
    );
}

#[test]
fn deep_nesting_is_refused() {
    let pattern = format!("{}a{}", "(".repeat(101), ")".repeat(101));
    refused(&pattern, "nested more than 100 deep");
    let pattern = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    check(&pattern, &["a"], &["b"]);
}

#[test]
fn max_states_bounds_the_automaton() {
    // `a` at the 12th position from the end: a DFA needs 2^12 states to remember the window.
    let pattern = "a[ab]{11}$";
    refused_with(
        pattern,
        1000,
        "the automaton for this pattern has more than 1000 states",
    );
    let dfa = compile(pattern, 10_000).expect("4,096 live states fit");
    assert!(dfa.state_count() > 4096 && dfa.state_count() <= 10_000);
    assert!(dfa.is_match("babbbbbbbbbbb") && !dfa.is_match("bbbbbbbbbbbbb"));
    // The bound counts every state: this one has exactly 3, the two reserved and the start.
    let three = compile("a", 3).expect("three states");
    assert_eq!(three.state_count(), 3);
    refused_with("a", 2, "more than 2 states");
    // Repetition counts that cannot be built are refused, not attempted.
    refused_with("a{1000000}", 10_000, "too large");
}

#[track_caller]
fn refused_with(pattern: &str, max_states: usize, needle: &str) {
    let refusal = compile(pattern, max_states).expect_err("refused");
    assert!(refusal.message().contains(needle), "{pattern:?}: {refusal}");
}

#[test]
fn reserved_states_and_shape() {
    let never = compile("[]", 10).unwrap();
    assert_eq!((never.start, never.state_count()), (Dfa::DEAD, 2));
    let always = compile("a*", 10).unwrap();
    assert_eq!((always.start, always.state_count()), (Dfa::MATCHED, 2));
    assert!(always.is_match("") && always.is_match("bbb"));
    for dfa in [never, always, compile("^AC[0-9a-fA-F]{32}$", 1000).unwrap()] {
        assert_eq!(dfa.table.len(), dfa.state_count() * dfa.class_count);
        assert!(
            dfa.classes
                .iter()
                .all(|&class| usize::from(class) < dfa.class_count)
        );
        assert!(
            dfa.table
                .iter()
                .all(|&state| usize::from(state) < dfa.state_count())
        );
        assert!(!dfa.accept_at_end[0] && dfa.accept_at_end[1]);
        let sinks = &dfa.table[..2 * dfa.class_count];
        assert!(
            sinks
                .iter()
                .enumerate()
                .all(|(i, &s)| usize::from(s) == i / dfa.class_count)
        );
    }
}

#[test]
fn real_patterns() {
    check(
        "^AC[0-9a-fA-F]{32}$",
        &["AC0123456789abcdef0123456789ABCDEF"],
        &[
            "AC0123456789abcdef0123456789ABCDE",
            "AC0123456789abcdef0123456789ABCDEF0",
            "ac0123456789abcdef0123456789ABCDEF",
        ],
    );
    check(
        "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$",
        &["a.b+c@example.co.uk"],
        &["a@b", "a@b.c", "@example.com", "a b@example.com"],
    );
}
