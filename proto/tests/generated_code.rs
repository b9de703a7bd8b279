//! The generated code in `src/gen/` is committed so that no build (cross or
//! Yocto) needs `protoc`. This test regenerates it with the pure-Rust `protox`
//! compiler and fails on any difference. Run with `PICCOLO_REGENERATE=1` to
//! rewrite the committed file after editing a `.proto`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

#[test]
fn generated_code_matches_proto_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fds = protox::compile(["piccolo/v1/piccolo.proto"], [root.join("proto")]).expect("the .proto files compile");
    let out = tempfile::tempdir().expect("temp dir");
    tonic_prost_build::configure()
        .build_transport(false)
        .out_dir(out.path())
        .compile_fds(fds)
        .expect("code generation succeeds");
    let fresh = std::fs::read_to_string(out.path().join("piccolo.v1.rs")).expect("generated file");
    let committed_path = root.join("src/gen/piccolo.v1.rs");
    if std::env::var_os("PICCOLO_REGENERATE").is_some() {
        std::fs::write(&committed_path, &fresh).expect("write generated code");
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh,
        "proto/src/gen/piccolo.v1.rs is stale: run `PICCOLO_REGENERATE=1 cargo test -p piccolo-proto --test generated_code` and commit the result"
    );
}
