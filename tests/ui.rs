//! Compile-fail cases: one per diagnostic of the macros, each with the exact error it must print.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
