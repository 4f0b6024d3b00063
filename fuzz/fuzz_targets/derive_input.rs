//! `#[derive(StytchError)]` on any item: whatever tokens it is given, the derive returns impls or
//! `compile_error!`s, never panics, and never returns nothing.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    stytch_errors_fuzz::check_macro(data, stytch_errors_fuzz::derive_stytch_error);
});
