//! The agent's persisted offline buffer (`offline-buffer.bin`), as read at start.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    piccolo_agent::buffer::decode_for_fuzz(data);
});
