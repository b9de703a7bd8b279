//! What the API shows of a node: a [`NodeRecord`]'s view, without the
//! master's internal bookkeeping (the enrolment key hash, the replay
//! high-water mark). Every node that leaves through the admin API (gRPC,
//! REST, the SSE watch) passes here; the handlers get `NodeRecord`s from the
//! registry, and a `Node` only from here. Backups keep the full record.

use piccolo_proto::{Node, NodeWatchEvent};

use crate::node_record::NodeRecord;

/// The API view of a node record.
pub fn node(n: NodeRecord) -> Node {
    n.view()
}

/// A watch event with its node in the API view.
pub fn watch_event(mut ev: NodeWatchEvent) -> NodeWatchEvent {
    ev.node = ev.node.map(crate::node_record::view);
    ev
}
