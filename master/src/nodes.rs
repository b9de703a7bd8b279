//! Ending a node's membership: removal (the record, its config override, its
//! cluster address and its live connections go) and certificate revocation
//! (the record stays; every call with the certificate is refused at once, and
//! its open connections are cut a moment later, after the Terminate that tells
//! the agent why had time to reach it). The admin handlers only convert.

use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;
use tracing::info;

use crate::configs::Configs;
use crate::node_record::NodeRecord;
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

/// How long a revoked certificate's open connection lives on after the
/// Terminate that explains it (its calls are refused meanwhile).
const REVOKE_CUT_DELAY: Duration = Duration::from_millis(500);

/// The handles membership changes need.
pub struct Nodes<'a> {
    pub registry: &'a Registry,
    pub configs: &'a Configs,
    pub addresses: &'a AddressPool,
    pub conns: &'a Arc<Conns>,
}

impl Nodes<'_> {
    /// Removes `name`; returns its last record and how many connections were cut.
    pub async fn remove(&self, name: &str) -> Result<(NodeRecord, usize), NodeError> {
        let node = self.registry.remove(name).await?;
        self.configs.forget(&node.name).await?;
        self.addresses.release(&node.name).await;
        let cut = self.conns.cut(&node.name);
        Ok((node, cut))
    }

    /// Revokes `name`'s certificate; returns its record. Its connections are
    /// cut [`REVOKE_CUT_DELAY`] later.
    pub async fn revoke_certificate(&self, name: &str) -> Result<NodeRecord, NodeError> {
        let node = self.registry.revoke_cert(name).await?;
        let (conns, name) = (self.conns.clone(), node.name.clone());
        tokio::spawn(async move {
            tokio::time::sleep(REVOKE_CUT_DELAY).await;
            let cut = conns.cut(&name);
            info!(node = %name, connections_cut = cut, "connections of the revoked certificate cut");
        });
        Ok(node)
    }
}
