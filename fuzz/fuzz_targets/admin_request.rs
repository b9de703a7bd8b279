//! Admin requests the master decodes (the first byte picks the message).
#![no_main]
use libfuzzer_sys::fuzz_target;
use piccolo_proto as p;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    let Some((which, rest)) = data.split_first() else { return };
    match which % 8 {
        0 => drop(p::UpdateTopologyRequest::decode(rest)),
        1 => drop(p::SetConfigRequest::decode(rest)),
        2 => drop(p::CreateTokenRequest::decode(rest)),
        3 => drop(p::RevokeTokenRequest::decode(rest)),
        4 => drop(p::NodeNameRequest::decode(rest)),
        5 => drop(p::ListEventsRequest::decode(rest)),
        6 => drop(p::WatchNodesRequest::decode(rest)),
        _ => drop(p::GetNodesRequest::decode(rest)),
    }
});
