//! Human-readable names for enum values, shared by the CLI, logs and metrics
//! so that the spelling of a state is defined once.

use crate::v1::{NodeRole, NodeState, TopologyType};

impl NodeState {
    /// The state as users see it (`Ready`, `NotReady`, ...).
    pub fn label(self) -> &'static str {
        match self {
            NodeState::Unspecified => "Unknown",
            NodeState::Pending => "Pending",
            NodeState::Initializing => "Initializing",
            NodeState::Ready => "Ready",
            NodeState::NotReady => "NotReady",
            NodeState::Maintenance => "Maintenance",
            NodeState::Terminating => "Terminating",
        }
    }

    /// Every state, in lifecycle order (for metrics that report all of them).
    pub const ALL: [NodeState; 6] = [
        NodeState::Pending,
        NodeState::Initializing,
        NodeState::Ready,
        NodeState::NotReady,
        NodeState::Maintenance,
        NodeState::Terminating,
    ];
}

impl NodeRole {
    /// The role as users see it.
    pub fn label(self) -> &'static str {
        match self {
            NodeRole::Unspecified | NodeRole::Sub => "sub",
            NodeRole::Master => "master",
        }
    }
}

impl TopologyType {
    /// The topology type as written in topology files.
    pub fn label(self) -> &'static str {
        match self {
            TopologyType::Unspecified => "unspecified",
            TopologyType::Embedded => "embedded",
            TopologyType::Hybrid => "hybrid",
            TopologyType::MultiCluster => "multi-cluster",
            TopologyType::Distributed => "distributed",
        }
    }

    /// Parses a type as written in topology files.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "embedded" => Some(TopologyType::Embedded),
            "hybrid" | "edge-cloud" => Some(TopologyType::Hybrid),
            "multi-cluster" => Some(TopologyType::MultiCluster),
            "distributed" | "geo" => Some(TopologyType::Distributed),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topology_labels_round_trip() {
        for t in [TopologyType::Embedded, TopologyType::Hybrid, TopologyType::MultiCluster, TopologyType::Distributed] {
            assert_eq!(TopologyType::parse(t.label()), Some(t));
        }
    }
}
