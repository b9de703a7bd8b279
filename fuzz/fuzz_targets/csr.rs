//! A PEM certificate signing request as the master parses it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = piccolo_master::ca::ClusterCa::csr_key_sha256(text);
});
