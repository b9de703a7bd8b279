//! The node record as the master keeps it, distinct from the `Node` the API
//! returns. The store keeps the protobuf `Node` (its wire encoding is the
//! record's), but the registry hands out a [`NodeRecord`]: domain code reads
//! every field through it (`Deref`), and the only way to a `Node` for a
//! caller is [`NodeRecord::view`], which drops the master's internal
//! bookkeeping. Code that needs the full record as a message (backups,
//! other masters' mirrors, the store) says so with
//! [`NodeRecord::into_stored`].

use std::ops::Deref;

use piccolo_proto::Node;

/// A node record: the stored `Node` with its internal fields.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRecord(Node);

impl NodeRecord {
    /// Wraps a record read from the registry or the store.
    pub(crate) fn new(node: Node) -> Self {
        Self(node)
    }

    /// What the API (gRPC, REST, the SSE watch, the console) shows of it.
    pub fn view(self) -> Node {
        view(self.0)
    }

    /// The whole record as the store keeps it, internal fields included
    /// (not for callers of the API).
    pub fn into_stored(self) -> Node {
        self.0
    }
}

impl Deref for NodeRecord {
    type Target = Node;

    fn deref(&self) -> &Node {
        &self.0
    }
}

/// Strips the internal bookkeeping from a stored `Node`: the enrolment key
/// hash (it identifies the device's key) and the replay high-water mark.
/// Watch events carry the stored message (the registry publishes it once for
/// every consumer) and pass here on their way out (`server::view`).
pub fn view(mut n: Node) -> Node {
    n.enrol_key_sha256.clear();
    n.replayed_through_seq = 0;
    n
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
        let r = NodeRecord::new(n);
        assert_eq!(r.enrol_key_sha256, "ab", "domain code reads the record");
        let v = r.clone().view();
        assert!(v.enrol_key_sha256.is_empty() && v.replayed_through_seq == 0);
        assert_eq!(v.cert_serial, "01");
        assert_eq!(r.into_stored().replayed_through_seq, 3);
    }
}
