//! The generated code in `src/gen/` is committed so that no build (cross or
//! Yocto) needs `protoc`. This test regenerates it with the pure-Rust `protox`
//! compiler and fails on any difference. Run with `PICCOLO_REGENERATE=1` to
//! rewrite the committed files after editing a `.proto` (the Rust code and the
//! encoded descriptor set the master serves for gRPC reflection).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

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
        .out_dir(out.path())
        .build(&[".piccolo.v1"])
        .expect("JSON code generation succeeds");
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
