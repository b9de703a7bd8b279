//! The generated code in `src/gen/` is committed so that no build (cross or
//! Yocto) needs `protoc`. This test regenerates it with the pure-Rust `protox`
//! compiler and fails on any difference. Run with `PICCOLO_REGENERATE=1` to
//! rewrite the committed files after editing a `.proto` (the Rust code and the
//! encoded descriptor set the master serves for gRPC reflection).
//!
//! The JSON code (feature `json`) is Piccolo's one JSON dialect, used by REST,
//! the SSE watch, `piccoloctl -o json`, hooks and the console: pbjson's proto3
//! mapping with the `.proto` field names (`last_heartbeat_ms`), enum values by
//! their short name as in Rust and in the CLI (`NotReady`, not
//! `NODE_STATE_NOT_READY`) and 64-bit integers as JSON numbers (every one of
//! Piccolo's, times in ms, byte counts and sequence numbers, is far below
//! 2^53). Parsing still accepts camelCase names, the long enum names and
//! integers in strings. It is generated only for the messages REST serializes
//! or parses ([`JSON_ROOTS`] and what they contain).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use prost_types::{DescriptorProto, FileDescriptorSet};

/// Messages REST answers with or reads (see `master/src/rest/routes.rs`).
const JSON_ROOTS: &[&str] = &[
    "GetNodesResponse",
    "GetNodeResponse",
    "NodeWatchEvent",
    "NodeActionResponse",
    "CreateTokenRequest",
    "CreateTokenResponse",
    "ListTokensResponse",
    "RevokeTokenResponse",
    "ListEventsResponse",
    "GetTopologyResponse",
    "ClusterTopology",
    "UpdateTopologyResponse",
    "GetClusterInfoResponse",
    "GetContainersResponse",
    "ContainerActionResponse",
    "AgentConfig",
    "SetConfigResponse",
    "GetConfigStatusResponse",
    "GetNodeConfigResponse",
    "GetMastersResponse",
    "ApplyWorkloadsRequest",
    "ApplyWorkloadsResponse",
    "GetWorkloadsResponse",
    "DeleteWorkloadResponse",
    "UndoWorkloadRequest",
];

/// Every message and enum (`.piccolo.v1.Name`, nested ones dotted) with the
/// types its fields name.
fn type_graph(fds: &FileDescriptorSet) -> BTreeMap<String, Vec<String>> {
    fn walk(prefix: &str, m: &DescriptorProto, out: &mut BTreeMap<String, Vec<String>>) {
        let name = format!("{prefix}.{}", m.name());
        let mut uses: Vec<String> = m.field.iter().filter_map(|f| f.type_name.clone()).collect();
        for n in &m.nested_type {
            // Map entries are types of their own in descriptors; their value types count.
            uses.push(format!("{name}.{}", n.name()));
            walk(&name, n, out);
        }
        for e in &m.enum_type {
            out.insert(format!("{name}.{}", e.name()), Vec::new());
        }
        out.insert(name, uses);
    }
    let mut out = BTreeMap::new();
    for f in &fds.file {
        let prefix = format!(".{}", f.package());
        for m in &f.message_type {
            walk(&prefix, m, &mut out);
        }
        for e in &f.enum_type {
            out.insert(format!("{prefix}.{}", e.name()), Vec::new());
        }
    }
    out
}

/// The roots and everything they reach, as pbjson-build prefixes.
fn json_types(fds: &FileDescriptorSet) -> Vec<String> {
    let graph = type_graph(fds);
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = JSON_ROOTS.iter().map(|r| format!(".piccolo.v1.{r}")).collect();
    while let Some(t) = todo.pop() {
        let uses = graph.get(&t).unwrap_or_else(|| panic!("{t} is not a type of piccolo.proto"));
        if seen.insert(t.clone()) {
            todo.extend(uses.iter().cloned());
        }
    }
    seen.into_iter().collect()
}

/// Enums users already write in files keep that spelling in JSON too.
fn file_spellings() -> Vec<(String, String)> {
    use piccolo_proto::TopologyType;
    (0..=4)
        .filter_map(|i| TopologyType::try_from(i).ok())
        .map(|t| (format!("\"{}\"", t.as_str_name()), format!("\"{}\"", t.label())))
        .collect()
}

/// pbjson's output rewritten to the dialect above: every long enum name
/// (`"NODE_STATE_NOT_READY"`, taken from the `Self::NotReady => "..."` lines)
/// becomes the variant's name (or the spelling of [`file_spellings`]), and
/// 64-bit integers are written as numbers.
fn dialect(src: &str) -> String {
    let overrides = file_spellings();
    let mut names = Vec::new();
    for line in src.lines() {
        let l = line.trim();
        if let Some((variant, long)) = l.strip_prefix("Self::").and_then(|r| r.split_once(" => \"")) {
            let long = long.trim_end_matches("\",");
            if long.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
                let long = format!("\"{long}\"");
                let short =
                    overrides.iter().find(|(l, _)| *l == long).map_or(format!("\"{variant}\""), |(_, s)| s.clone());
                names.push((long, short));
            }
        }
    }
    // Longest first, so a name is never replaced inside a longer one.
    names.sort_by_key(|(long, _)| std::cmp::Reverse(long.len()));
    names.dedup();
    let mut out = String::with_capacity(src.len());
    for line in src.lines() {
        let mut l = line.to_string();
        // Deserializers keep accepting the long names beside the short ones.
        let accepts_long = l.trim_start().starts_with('"') && l.contains("\" => Ok(");
        for (long, short) in &names {
            if l.contains(long.as_str()) {
                l = if accepts_long {
                    l.replacen(long.as_str(), &format!("{short} | {long}"), 1)
                } else {
                    l.replace(long.as_str(), short)
                };
            }
        }
        if let Some(i) = l.find("ToString::to_string(&self.")
            && let Some(end) = l[i..].find(").as_str()")
        {
            let field = &l[i + "ToString::to_string(".len()..i + end];
            l = format!("{}{}{}", &l[..i], field, &l[i + end + ").as_str()".len()..]);
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[test]
fn generated_code_matches_proto_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fds = protox::compile(["piccolo/v1/piccolo.proto"], [root.join("proto")]).expect("the .proto files compile");
    let out = tempfile::tempdir().expect("temp dir");
    let descriptors = prost::Message::encode_to_vec(&fds);
    pbjson_build::Builder::new()
        .register_descriptors(&descriptors)
        .expect("descriptors decode")
        .emit_fields()
        .preserve_proto_field_names()
        .out_dir(out.path())
        .build(&json_types(&fds))
        .expect("JSON code generation succeeds");
    let serde = out.path().join("piccolo.v1.serde.rs");
    let rewritten = dialect(&std::fs::read_to_string(&serde).expect("generated JSON code"));
    std::fs::write(&serde, rewritten).expect("rewrite JSON code");
    tonic_prost_build::configure()
        .build_transport(false)
        .out_dir(out.path())
        .compile_fds(fds)
        .expect("code generation succeeds");
    // The encoded descriptors, for the master's gRPC server reflection.
    std::fs::write(out.path().join("piccolo.v1.fds.bin"), &descriptors).expect("write descriptors");
    for file in ["piccolo.v1.rs", "piccolo.v1.serde.rs", "piccolo.v1.fds.bin"] {
        let fresh = std::fs::read(out.path().join(file)).expect("generated file");
        let committed_path = root.join("src/gen").join(file);
        if std::env::var_os("PICCOLO_REGENERATE").is_some() {
            std::fs::write(&committed_path, &fresh).expect("write generated code");
            continue;
        }
        let committed = std::fs::read(&committed_path).unwrap_or_default();
        assert!(
            committed == fresh,
            "proto/src/gen/{file} is stale: run `PICCOLO_REGENERATE=1 cargo test -p piccolo-proto --test generated_code` and commit the result"
        );
    }
}
