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
}

/// Opens the configured store.
pub async fn open(cfg: &MasterConfig, metrics: &Arc<Metrics>) -> Result<SharedStore, OpenError> {
    let m = metrics.clone();
    let observe = move |op: &'static str, d: Duration| m.store_op(op, d);
    match cfg.store {
        StoreKind::Embedded => {
            let store = EmbeddedStore::open(&cfg.data_dir.join(STORE_FILE))?;
            Ok(Arc::new(Timed::new(store, observe)))
        }
        #[cfg(feature = "etcd")]
        StoreKind::Etcd => {
            let tls = (!cfg.etcd_ca_file.as_os_str().is_empty()).then(|| super::EtcdTls {
                ca_file: cfg.etcd_ca_file.clone(),
                identity: (!cfg.etcd_cert_file.as_os_str().is_empty())
                    .then(|| (cfg.etcd_cert_file.clone(), cfg.etcd_key_file.clone())),
            });
            let store = super::EtcdStore::connect_tls(&cfg.etcd_endpoints, cfg.etcd_timeout, tls.as_ref()).await?;
            // etcd is shared with its operators and backups: seal the secrets.
            let key = crate::secrets::SealKey::load_or_create(&cfg.data_dir)?;
            let sealed = crate::secrets::Sealed::new(Arc::new(store), key);
            Ok(Arc::new(Timed::new(sealed, observe)))
        }
        #[cfg(not(feature = "etcd"))]
        StoreKind::Etcd => Err(OpenError::NoEtcd),
    }
}
