//! Every misuse of `#[derive(Model)]` is a compile error on the offending token, with a message
//! that says how to mend it; each case under `tests/ui/` is one misuse (or, under
//! `all-at-once/`, several in one struct), with the compiler's expected output beside it.
//! The cases under `tests/ui-pass/` must compile: correct uses at the edges of each rule.
//!
//! After changing a message, regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p authlete-models-tests --test compile_fail`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/**/*.rs");
    t.pass("tests/ui-pass/*.rs");
}
