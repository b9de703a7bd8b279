//! What the API shows of a node: the stored record without the master's
//! internal bookkeeping (the enrolment key hash, the replay high-water mark).
//! Every node that leaves through the admin API (gRPC, REST, the SSE watch)
//! passes here; backups keep the full record.

use piccolo_proto::{Node, NodeWatchEvent};

/// The API view of a stored node.
pub fn node(mut n: Node) -> Node {
    n.enrol_key_sha256.clear();
    n.replayed_through_seq = 0;
    n
}

/// A watch event with its node in the API view.
pub fn watch_event(mut ev: NodeWatchEvent) -> NodeWatchEvent {
    ev.node = ev.node.map(node);
    ev
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_fields_do_not_leave() {
        let n = Node {
            name: "a".into(),
            enrol_key_sha256: "ab".into(),
            replayed_through_seq: 3,
            cert_serial: "01".into(),
            ..Default::default()
        };
        let v = node(n);
        assert!(v.enrol_key_sha256.is_empty() && v.replayed_through_seq == 0);
        assert_eq!(v.cert_serial, "01");
    }
}
