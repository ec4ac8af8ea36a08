//! Expansion hygiene at the edges, each case a program that must compile and run: field names
//! that differ only in case, and a scope that shadows the primitive `str`. Both are legal Rust
//! a derive must accept. (They are separate programs so that one failing to compile does not
//! stop the other tests of this package from building.)

#[test]
fn edge_cases_compile_and_run() {
    let t = trybuild::TestCases::new();
    t.pass("tests/hygiene-pass/*.rs");
}
