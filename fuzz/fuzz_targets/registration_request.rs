//! An enrolment request from an unauthenticated device: the protobuf, then
//! the CSR inside it as the master parses it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = piccolo_proto::NodeRegistrationRequest::decode(data) {
        let _ = piccolo_master::ca::ClusterCa::csr_key_sha256(&r.csr_pem);
        let _ = piccolo_common::names::validate_node_name(&r.name);
    }
});
