//! The agent's persisted config from the master (`agent-config.pb`): decoded
//! and validated as at start.
#![no_main]
use libfuzzer_sys::fuzz_target;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    if let Ok(c) = piccolo_proto::AgentConfig::decode(data) {
        let _ = piccolo_agent::applied::validate(&c);
    }
});
