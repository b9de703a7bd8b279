//! Replays the committed fuzz corpus and every crash the fuzzers found
//! (`fuzz/corpus/<target>/`, `fuzz/regressions/<target>/`) through the
//! master's decoders, as the fuzz targets do, so a fixed crash stays fixed in
//! the normal test suite. `PICCOLO_WRITE_FUZZ_SEEDS=1` (re)writes the seeds.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use piccolo_master::ca::ClusterCa;
use piccolo_proto as p;
use piccolo_tests::fuzz_corpus::{config_toml_texts, dir, inputs, seed, writing_seeds};
use prost::Message;

fn write_seeds() {
    let csr = std::fs::read_to_string(dir().join("corpus/csr/p256")).unwrap_or_default();
    let hb = p::AgentMessage { msg: Some(p::agent_message::Msg::Heartbeat(p::Heartbeat { seq: 7 })) };
    seed("agent_message", "heartbeat", &hb.encode_to_vec());
    let st = p::AgentMessage {
        msg: Some(p::agent_message::Msg::Status(p::StatusReport {
            time_ms: 1_700_000_000_000,
            full: true,
            checks: vec![p::CheckResult { name: "disk".into(), ok: true, required: true, ..Default::default() }],
            ..Default::default()
        })),
    };
    seed("agent_message", "status", &st.encode_to_vec());
    let reg = p::NodeRegistrationRequest {
        token: "abcdef.0123456789abcdef".into(),
        name: "device-1".into(),
        csr_pem: csr,
        facts: Some(p::NodeFacts { hostname: "device-1".into(), arch: "aarch64".into(), ..Default::default() }),
    };
    seed("registration_request", "device-1", &reg.encode_to_vec());
    let mut topo = vec![0u8];
    topo.extend(
        p::UpdateTopologyRequest {
            topology: Some(p::ClusterTopology { name: "t".into(), r#type: 1, ..Default::default() }),
            dry_run: false,
        }
        .encode_to_vec(),
    );
    seed("admin_request", "topology", &topo);
    let mut tok = vec![2u8];
    tok.extend(p::CreateTokenRequest { ttl_seconds: 600, uses: 1, ..Default::default() }.encode_to_vec());
    seed("admin_request", "token", &tok);
    let master_toml = "data_dir = \"/var/lib/piccolo-master\"\nlisten = \"0.0.0.0:7443\"\nstore = \"etcd\"\netcd_endpoints = [\"http://127.0.0.1:2379\"]\nheartbeat_interval = \"10s\"\nstate_damping = \"5s\"\n";
    seed("config_toml", "master", &[b"\0".as_slice(), master_toml.as_bytes()].concat());
    let agent_toml = "data_dir = \"/var/lib/piccolo-agent\"\nmaster = \"master.local:7443\"\nheartbeat_interval = \"10s\"\n[labels]\nzone = \"a\"\n";
    seed("config_toml", "agent", &[b"\x01".as_slice(), agent_toml.as_bytes()].concat());
}

#[test]
fn fuzz_corpus_and_regressions_decode_without_panicking() {
    if writing_seeds() {
        write_seeds();
    }
    let msgs = inputs("agent_message");
    assert!(!msgs.is_empty(), "seed corpus missing: run with PICCOLO_WRITE_FUZZ_SEEDS=1");
    for b in msgs {
        let _ = p::AgentMessage::decode(b.as_slice());
    }
    for b in inputs("registration_request") {
        if let Ok(r) = p::NodeRegistrationRequest::decode(b.as_slice()) {
            let _ = ClusterCa::csr_key_sha256(&r.csr_pem);
        }
    }
    for b in inputs("admin_request") {
        let _ = p::UpdateTopologyRequest::decode(b.as_slice());
        let _ = p::SetConfigRequest::decode(b.as_slice());
    }
    for b in inputs("csr") {
        if let Ok(t) = std::str::from_utf8(&b) {
            let _ = ClusterCa::csr_key_sha256(t);
        }
    }
    for text in config_toml_texts(false) {
        if let Ok(table) = text.parse::<toml::Table>()
            && let Ok(c) = piccolo_common::config::finish::<piccolo_master::config::MasterConfig>(table)
        {
            let _ = c.validate();
        }
    }
}
