//! The etcd backend (etcd v3 API through etcd-client). Versions are etcd's
//! per-key `mod_revision`; conditional writes are etcd transactions. Calls have
//! a deadline so a store that went away makes an error, not a hang.

use std::time::Duration;

use async_trait::async_trait;
use std::path::PathBuf;

use etcd_client::{
    Certificate, Client, Compare, CompareOp, ConnectOptions, GetOptions, Identity, TlsOptions, Txn, TxnOp,
};

use super::{Store, StoreError, Versioned};

/// TLS settings for etcd connections (PEM files).
#[derive(Debug, Clone)]
pub struct EtcdTls {
    pub ca_file: PathBuf,
    /// Client certificate and key, when etcd requires them.
    pub identity: Option<(PathBuf, PathBuf)>,
}

impl EtcdTls {
    fn options(&self) -> Result<TlsOptions, StoreError> {
        let read = |p: &PathBuf, what: &str| {
            std::fs::read(p).map_err(|e| StoreError::Unavailable(format!("etcd {what} {}: {e}", p.display())))
        };
        let mut o = TlsOptions::new().ca_certificate(Certificate::from_pem(read(&self.ca_file, "CA file")?));
        if let Some((cert, key)) = &self.identity {
            o = o.identity(Identity::from_pem(read(cert, "client certificate")?, read(key, "client key")?));
        }
        Ok(o)
    }
}

/// A store in an etcd cluster.
#[derive(Clone)]
pub struct EtcdStore {
    client: Client,
    timeout: Duration,
}

fn unavailable(e: etcd_client::Error) -> StoreError {
    StoreError::Unavailable(format!("etcd: {}", describe(&e)))
}

/// An etcd client error in words: a gRPC status by its code and message (its
/// Display is a debug dump with metadata maps), a transport error with causes.
fn describe(e: &etcd_client::Error) -> String {
    match e {
        etcd_client::Error::GRpcStatus(s) => {
            format!("{:?}: {}", s.code(), piccolo_common::connect::status_text(s))
        }
        other => piccolo_common::connect::error_chain(other),
    }
}

impl EtcdStore {
    /// Connects to the endpoints (`http://host:port`, comma-separated in config).
    pub async fn connect(endpoints: &[String], timeout: Duration) -> Result<Self, StoreError> {
        Self::connect_tls(endpoints, timeout, None).await
    }

    /// Connects over TLS (`https://` endpoints) when `tls` is given.
    pub async fn connect_tls(
        endpoints: &[String],
        timeout: Duration,
        tls: Option<&EtcdTls>,
    ) -> Result<Self, StoreError> {
        let mut opts = ConnectOptions::new()
            .with_connect_timeout(timeout)
            .with_timeout(timeout)
            .with_keep_alive(Duration::from_secs(5), timeout);
        if let Some(t) = tls {
            opts = opts.with_tls(t.options()?);
        }
        let client = Client::connect(endpoints, Some(opts))
            .await
            .map_err(|e| {
                StoreError::Unavailable(format!(
                    "cannot connect to etcd at {}: {}; check that etcd runs there, or pass the right --etcd-endpoints (etcd_endpoints)",
                    endpoints.join(","),
                    describe(&e)
                ))
            })?;
        let store = Self { client, timeout };
        store.health().await.map_err(|e| {
            StoreError::Unavailable(format!(
                "etcd at {} does not answer ({e}); check that etcd runs there, or pass the right --etcd-endpoints (etcd_endpoints)",
                endpoints.join(",")
            ))
        })?;
        Ok(store)
    }

    async fn deadline<T>(
        &self,
        fut: impl std::future::Future<Output = Result<T, etcd_client::Error>>,
    ) -> Result<T, StoreError> {
        match tokio::time::timeout(self.timeout, fut).await {
            Ok(r) => r.map_err(unavailable),
            Err(_) => Err(StoreError::Unavailable(format!("etcd did not answer within {:?}", self.timeout))),
        }
    }
}

#[async_trait]
impl Store for EtcdStore {
    fn backend(&self) -> &'static str {
        "etcd"
    }

    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        let mut kv = self.client.kv_client();
        let resp = self.deadline(kv.get(key, None)).await?;
        Ok(resp
            .kvs()
            .first()
            .map(|kv| Versioned { value: kv.value().to_vec(), version: u64::try_from(kv.mod_revision()).unwrap_or(0) }))
    }

    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        let mut kv = self.client.kv_client();
        let resp = self.deadline(kv.put(key, value, None)).await?;
        Ok(resp.header().map(|h| u64::try_from(h.revision()).unwrap_or(0)).unwrap_or(0))
    }

    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        let cmp = match expected {
            None => Compare::create_revision(key, CompareOp::Equal, 0),
            Some(v) => Compare::mod_revision(key, CompareOp::Equal, i64::try_from(v).unwrap_or(i64::MAX)),
        };
        let txn = Txn::new().when([cmp]).and_then([TxnOp::put(key, value, None)]);
        let mut kv = self.client.kv_client();
        let resp = self.deadline(kv.txn(txn)).await?;
        if !resp.succeeded() {
            return Ok(None);
        }
        Ok(Some(resp.header().map(|h| u64::try_from(h.revision()).unwrap_or(0)).unwrap_or(0)))
    }

    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let mut kv = self.client.kv_client();
        let resp = self.deadline(kv.delete(key, None)).await?;
        Ok(resp.deleted() > 0)
    }

    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        let mut kv = self.client.kv_client();
        let resp = self
            .deadline(
                kv.get(
                    prefix,
                    Some(
                        GetOptions::new()
                            .with_prefix()
                            .with_sort(etcd_client::SortTarget::Key, etcd_client::SortOrder::Ascend),
                    ),
                ),
            )
            .await?;
        resp.kvs()
            .iter()
            .map(|kv| {
                let key = kv.key_str().map_err(|e| StoreError::Decode {
                    key: String::from_utf8_lossy(kv.key()).into_owned(),
                    reason: e.to_string(),
                })?;
                Ok((
                    key.to_string(),
                    Versioned { value: kv.value().to_vec(), version: u64::try_from(kv.mod_revision()).unwrap_or(0) },
                ))
            })
            .collect()
    }

    async fn health(&self) -> Result<(), StoreError> {
        let mut maint = self.client.maintenance_client();
        self.deadline(maint.status()).await.map(|_| ())
    }

    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        let mut ops = ops.into_iter().peekable();
        while ops.peek().is_some() {
            // etcd refuses a Txn that touches one key twice: later values win.
            let mut chunk: Vec<(String, Option<Vec<u8>>)> = Vec::with_capacity(super::MAX_BATCH);
            while chunk.len() < super::MAX_BATCH {
                let Some((key, value)) = ops.next() else { break };
                match chunk.iter_mut().find(|(k, _)| *k == key) {
                    Some(slot) => slot.1 = value,
                    None => chunk.push((key, value)),
                }
            }
            let txn_ops: Vec<TxnOp> = chunk
                .into_iter()
                .map(|(key, value)| match value {
                    Some(v) => TxnOp::put(key, v, None),
                    None => TxnOp::delete(key, None),
                })
                .collect();
            let mut kv = self.client.kv_client();
            self.deadline(kv.txn(Txn::new().and_then(txn_ops))).await?;
        }
        Ok(())
    }
}
