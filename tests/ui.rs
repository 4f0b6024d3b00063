//! Compile-fail cases: one per diagnostic of the macros, each with the exact error it must print.
//!
//! The expected output is that of the build without features: the web framework integrations
//! add impls whose bounds fail again when a derived type's own impls fail (a transparent field
//! that is no `StytchError`, a type without `Display` under actix-web), which changes the output.
#[test]
#[cfg_attr(
    any(feature = "axum", feature = "actix-web"),
    ignore = "the expected output is that of the build without the axum and actix-web features"
)]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
