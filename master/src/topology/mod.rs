//! Cluster topology (seed 6.1): the model of the four topology types, its
//! validation, and the agent config each node gets from it.
//!
//! # Layout
//! - `validate`: checks a topology against the registered nodes, with errors
//!   that say what is wrong and how to fix it.
//! - `model`: turns a valid topology into per-node agent config layers.
//! - `pool`: stable per-node cluster addresses from an optional CIDR pool.
//! - `apply`: applying a topology (the rules behind `UpdateTopology`).

pub mod apply;
pub mod model;
pub mod pool;
pub mod validate;

pub use model::{all_nodes, layers};
pub use validate::{TopologyError, validate};

/// Label keys the topology sets on its nodes' agent config.
pub mod labels {
    /// The topology's name.
    pub const TOPOLOGY: &str = "topology";
    /// The id of the (sub-)cluster the node belongs to.
    pub const CLUSTER: &str = "cluster";
    /// Hybrid: `cloud` or `edge`.
    pub const ROLE: &str = "role";
    /// Distributed: region and zone.
    pub const REGION: &str = "region";
    pub const ZONE: &str = "zone";
}

/// At start-up: restores what the stored topology sets outside the agent
/// config (hybrid roles' heartbeat timeouts) in the registry.
pub async fn restore(
    store: &crate::store::SharedStore,
    registry: &crate::registry::Registry,
) -> Result<(), crate::store::StoreError> {
    use prost::Message;
    let key = crate::store::topology_key();
    if let Some(v) = store.get(&key).await? {
        let t = piccolo_proto::ClusterTopology::decode(v.value.as_slice())
            .map_err(|e| crate::store::StoreError::Decode { key, reason: e.to_string() })?;
        registry.set_heartbeat_timeouts(model::heartbeat_timeouts(&t));
    }
    Ok(())
}
