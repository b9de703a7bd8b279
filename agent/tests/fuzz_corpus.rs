//! Replays the committed fuzz corpus and every crash the fuzzers found
//! (`fuzz/corpus/<target>/`, `fuzz/regressions/<target>/`) through the agent's
//! decoders, as the fuzz targets do, so a fixed crash stays fixed in the
//! normal test suite. `PICCOLO_WRITE_FUZZ_SEEDS=1` (re)writes the seeds made
//! from real agent files.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use piccolo_agent::buffer::{FlushPolicy, OfflineBuffer, decode_for_fuzz};
use prost::Message;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for sub in ["corpus", "regressions"] {
        if let Ok(rd) = std::fs::read_dir(fuzz_dir().join(sub).join(target)) {
            for e in rd.flatten() {
                out.push(std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn write_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut b, _) = OfflineBuffer::open(tmp.path(), FlushPolicy::default());
    for i in 0..3 {
        b.push(1_700_000_000_000 + i, format!("entry {i}").as_bytes()).unwrap();
    }
    b.flush().unwrap();
    let dir = fuzz_dir().join("corpus/offline_buffer");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("three-entries"), std::fs::read(b.path()).unwrap()).unwrap();
    std::fs::write(dir.join("empty"), b"").unwrap();
    let dir = fuzz_dir().join("corpus/agent_config_file");
    std::fs::create_dir_all(&dir).unwrap();
    let c = piccolo_proto::AgentConfig {
        version: 3,
        heartbeat_interval_ms: 10_000,
        status_interval_ms: 60_000,
        ..Default::default()
    };
    std::fs::write(dir.join("pushed-v3"), c.encode_to_vec()).unwrap();
}

#[test]
fn fuzz_corpus_and_regressions_decode_without_panicking() {
    if std::env::var_os("PICCOLO_WRITE_FUZZ_SEEDS").is_some() {
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
    for b in inputs("config_toml") {
        let Some((which, rest)) = b.split_first() else { continue };
        let (Ok(text), 1) = (std::str::from_utf8(rest), which % 2) else { continue };
        if let Ok(table) = text.parse::<toml::Table>()
            && let Ok(c) = piccolo_common::config::finish::<piccolo_agent::config::AgentConfig>(table)
        {
            let _ = c.validate();
        }
    }
}
