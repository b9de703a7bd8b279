//! Hostile bytes for the decoders the master runs on input from outside:
//! deeply nested groups, lengths far beyond the buffer, and truncated
//! varints are decode errors, never a panic or a stack overflow. (The fuzz
//! targets in `fuzz/` explore the same decoders at random; crashes they find
//! are added here.)

use piccolo_proto::{AgentMessage, NodeRegistrationRequest, SetConfigRequest, UpdateTopologyRequest};
use prost::Message;

/// `depth` nested start-group tags (field 15, wire type 3) with no end.
fn nested_groups(depth: usize) -> Vec<u8> {
    vec![(15 << 3) | 3; depth]
}

fn all_refuse(bytes: &[u8]) {
    assert!(AgentMessage::decode(bytes).is_err());
    assert!(NodeRegistrationRequest::decode(bytes).is_err());
    assert!(SetConfigRequest::decode(bytes).is_err());
    assert!(UpdateTopologyRequest::decode(bytes).is_err());
}

#[test]
fn deeply_nested_groups_are_refused_without_overflowing_the_stack() {
    for depth in [101, 1_000, 100_000] {
        all_refuse(&nested_groups(depth));
    }
}

#[test]
fn lengths_beyond_the_buffer_are_refused() {
    // Field 1, length-delimited, length 2^35.
    all_refuse(&[0x0a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00]);
    // A varint that never ends.
    all_refuse(&[0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
}

#[test]
fn nested_known_messages_are_bounded() {
    // AgentMessage field 1 holding itself-like nesting: length-delimited
    // fields inside each other 200 deep.
    let mut inner: Vec<u8> = Vec::new();
    for _ in 0..200 {
        let mut outer = vec![0x0a];
        let mut len = inner.len();
        loop {
            let b = (len & 0x7f) as u8;
            len >>= 7;
            if len == 0 {
                outer.push(b);
                break;
            }
            outer.push(b | 0x80);
        }
        outer.extend_from_slice(&inner);
        inner = outer;
    }
    // Whatever it decodes to, it must not panic.
    let _ = AgentMessage::decode(inner.as_slice());
    let _ = NodeRegistrationRequest::decode(inner.as_slice());
}
