//! Replays the committed fuzz corpus and every crash the fuzzers found
//! (`fuzz/corpus/<target>/`, `fuzz/regressions/<target>/`) through the agent's
//! decoders, as the fuzz targets do, so a fixed crash stays fixed in the
//! normal test suite. `PICCOLO_WRITE_FUZZ_SEEDS=1` (re)writes the seeds made
//! from real agent files.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use piccolo_agent::buffer::{FlushPolicy, OfflineBuffer, decode_for_fuzz};
use piccolo_tests::fuzz_corpus::{config_toml_texts, inputs, seed, writing_seeds};
use prost::Message;

fn write_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut b, _) = OfflineBuffer::open(tmp.path(), FlushPolicy::default());
    for i in 0..3 {
        b.push(1_700_000_000_000 + i, format!("entry {i}").as_bytes()).unwrap();
    }
    b.flush().unwrap();
    seed("offline_buffer", "three-entries", &std::fs::read(b.path()).unwrap());
    seed("offline_buffer", "empty", b"");
    let c = piccolo_proto::AgentConfig {
        version: 3,
        heartbeat_interval_ms: 10_000,
        status_interval_ms: 60_000,
        ..Default::default()
    };
    seed("agent_config_file", "pushed-v3", &c.encode_to_vec());
}

#[test]
fn fuzz_corpus_and_regressions_decode_without_panicking() {
    if writing_seeds() {
        write_seeds();
    }
    let buffers = inputs("offline_buffer");
    assert!(!buffers.is_empty(), "seed corpus missing: run with PICCOLO_WRITE_FUZZ_SEEDS=1");
    for b in &buffers {
        decode_for_fuzz(b);
    }
    for b in inputs("agent_config_file") {
        if let Ok(c) = piccolo_proto::AgentConfig::decode(b.as_slice()) {
            let _ = piccolo_agent::applied::validate(&c);
        }
    }
    for text in config_toml_texts(true) {
        if let Ok(table) = text.parse::<toml::Table>()
            && let Ok(c) = piccolo_common::config::finish::<piccolo_agent::config::AgentConfig>(table)
        {
            let _ = c.validate();
        }
    }
}
