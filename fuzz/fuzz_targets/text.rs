//! Fuzzes the text reader: arbitrary bytes read as `Format::Text` must give documents or an
//! error, never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: litopys_fuzz::warm_up(), |bytes: &[u8]| {
    litopys_fuzz::read_as(litopys_ingest::Format::Text, bytes);
});
