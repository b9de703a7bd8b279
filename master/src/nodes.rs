//! Ending a node's membership: removal (the record, its config override, its
//! cluster address and its live connections go) and certificate revocation
//! (the record stays, the connections are cut so the old certificate stops
//! working at once, not at its next call). The admin handlers only convert.

use piccolo_proto::Node;
use thiserror::Error;

use crate::configs::Configs;
use crate::registry::{Registry, RegistryError};
use crate::server::conns::Conns;
use crate::store::StoreError;
use crate::topology::pool::AddressPool;

/// Why a removal or revocation failed.
#[derive(Debug, Error)]
pub enum NodeError {
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The handles membership changes need.
pub struct Nodes<'a> {
    pub registry: &'a Registry,
    pub configs: &'a Configs,
    pub addresses: &'a AddressPool,
    pub conns: &'a Conns,
}

impl Nodes<'_> {
    /// Removes `name`; returns its last record and how many connections were cut.
    pub async fn remove(&self, name: &str) -> Result<(Node, usize), NodeError> {
        let node = self.registry.remove(name).await?;
        self.configs.forget(&node.name).await?;
        self.addresses.release(&node.name).await;
        let cut = self.conns.cut(&node.name);
        Ok((node, cut))
    }

    /// Revokes `name`'s certificate; returns its record and how many connections were cut.
    pub async fn revoke_certificate(&self, name: &str) -> Result<(Node, usize), NodeError> {
        let node = self.registry.revoke_cert(name).await?;
        let cut = self.conns.cut(&node.name);
        Ok((node, cut))
    }
}
