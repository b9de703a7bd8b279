//! What an agent sends on its session stream, decoded as the master does.
#![no_main]
use libfuzzer_sys::fuzz_target;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = piccolo_proto::AgentMessage::decode(data) {
        // Re-encoding what decoded must not panic either.
        let _ = m.encode_to_vec();
    }
});
