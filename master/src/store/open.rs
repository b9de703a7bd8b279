//! Opening the store a master's config names: the embedded redb file in the
//! data dir, or etcd (with TLS when configured, values sealed with the data
//! dir's `store.key`), timed for metrics. Used by start-up and by restore.

use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;

use super::{EmbeddedStore, SharedStore, StoreError, Timed};
use crate::config::{MasterConfig, StoreKind};
use crate::data_dir::STORE_FILE;
use crate::metrics::Metrics;

/// Why the store could not be opened.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Secrets(#[from] crate::secrets::SecretsError),
    #[error("this build has no etcd support (built without the `etcd` feature)")]
    NoEtcd,
    #[error(transparent)]
    Cluster(#[from] crate::cluster::secret::ClusterError),
}

impl OpenError {
    /// Whether the operator must change the configuration (exit 64).
    pub fn is_config(&self) -> bool {
        matches!(self, OpenError::Cluster(e) if e.is_config())
    }
}

/// The etcd client the cluster's election and watch use (none with the
/// embedded store).
#[cfg(feature = "etcd")]
pub(crate) type EtcdClient = Option<(super::EtcdStore, Arc<crate::cluster::sync::Echo>)>;
#[cfg(not(feature = "etcd"))]
pub(crate) type EtcdClient = Option<()>;

/// Opens the configured store (restore, backup: no cluster join).
pub async fn open(cfg: &MasterConfig, metrics: &Arc<Metrics>) -> Result<SharedStore, OpenError> {
    Ok(open_with(cfg, metrics, false).await?.0)
}

/// Opens the store; with `join`, creates or joins the cluster in etcd first
/// (`cluster::secret`), so the data dir holds the cluster's CA and keys.
pub(crate) async fn open_with(
    cfg: &MasterConfig,
    metrics: &Arc<Metrics>,
    join: bool,
) -> Result<(SharedStore, EtcdClient), OpenError> {
    let m = metrics.clone();
    let observe = move |op: &'static str, d: Duration| m.store_op(op, d);
    match cfg.store {
        StoreKind::Embedded => {
            let _ = join;
            let store = EmbeddedStore::open(&cfg.data_dir.join(STORE_FILE))?;
            Ok((Arc::new(Timed::new(store, observe)), None))
        }
        #[cfg(feature = "etcd")]
        StoreKind::Etcd => {
            let tls = (!cfg.etcd_ca_file.as_os_str().is_empty()).then(|| super::EtcdTls {
                ca_file: cfg.etcd_ca_file.clone(),
                identity: (!cfg.etcd_cert_file.as_os_str().is_empty())
                    .then(|| (cfg.etcd_cert_file.clone(), cfg.etcd_key_file.clone())),
            });
            let store = super::EtcdStore::connect_tls(&cfg.etcd_endpoints, cfg.etcd_timeout, tls.as_ref()).await?;
            if join {
                let secret =
                    (!cfg.cluster_secret_file.as_os_str().is_empty()).then_some(cfg.cluster_secret_file.as_path());
                crate::cluster::secret::bootstrap(&store, &cfg.data_dir, secret).await?;
            }
            let client = store.clone();
            // etcd is shared with its operators and backups: seal the secrets.
            let key = crate::secrets::SealKey::load_or_create(&cfg.data_dir)?;
            let sealed = crate::secrets::Sealed::new(Arc::new(store), key);
            // Remembers this master's writes, so the watch tells them from others'.
            let echo = Arc::new(crate::cluster::sync::Echo::new(Arc::new(Timed::new(sealed, observe))));
            Ok((echo.clone(), Some((client, echo))))
        }
        #[cfg(not(feature = "etcd"))]
        StoreKind::Etcd => Err(OpenError::NoEtcd),
    }
}
