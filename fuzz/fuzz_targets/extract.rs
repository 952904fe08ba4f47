//! Fuzzes extraction: arbitrary bytes (lossy UTF-8) as a document published 2026-03-02 must
//! extract without a panic, and every evidence must be the exact source text at its span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: litopys_fuzz::warm_up(), |bytes: &[u8]| {
    litopys_fuzz::extract_checked(&litopys_fuzz::document(bytes));
});
