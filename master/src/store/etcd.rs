//! The etcd backend (etcd v3 API through etcd-client). Versions are etcd's
//! per-key `mod_revision`; conditional writes are etcd transactions. Calls have
//! a deadline so a store that went away makes an error, not a hang.
//!
//! One client per endpoint, one of them current: a call that fails for
//! transport reasons (member down, no answer in time) moves on to the next
//! endpoint and tries again, so losing one member of three changes nothing
//! (etcd-client's own balancing kept sending calls to a dead member).

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
    clients: std::sync::Arc<Vec<Client>>,
    current: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    timeout: Duration,
}

/// Whether an error says the member could not be reached (try another).
fn transport(e: &etcd_client::Error) -> bool {
    match e {
        etcd_client::Error::TransportError(_) | etcd_client::Error::IoError(_) => true,
        etcd_client::Error::GRpcStatus(s) => {
            matches!(
                s.code(),
                tonic::Code::Unavailable
                    | tonic::Code::Unknown
                    | tonic::Code::DeadlineExceeded
                    | tonic::Code::Cancelled
            )
        }
        _ => false,
    }
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

/// Keys per page of a listing: at ~1 KiB a node record, ~1 MiB a response,
/// well inside gRPC's 4 MiB limit on one message.
const LIST_PAGE: i64 = 1000;

impl EtcdStore {
    /// Reads every key under `prefix` in pages of [`LIST_PAGE`] keys, all at
    /// the revision of the first page (one snapshot), handing each to `f`.
    async fn pages(
        &self,
        prefix: &str,
        keys_only: bool,
        mut f: impl FnMut(String, &etcd_client::KeyValue),
    ) -> Result<(), StoreError> {
        // The end of the prefix's range: its last byte plus one (keys are
        // ASCII paths, so the last byte is never 0xff).
        let mut end = prefix.as_bytes().to_vec();
        if let Some(last) = end.last_mut() {
            *last = last.saturating_add(1);
        }
        let mut from = prefix.as_bytes().to_vec();
        let mut revision = 0;
        loop {
            let mut opts = GetOptions::new()
                .with_range(end.clone())
                .with_limit(LIST_PAGE)
                .with_sort(etcd_client::SortTarget::Key, etcd_client::SortOrder::Ascend);
            if keys_only {
                opts = opts.with_keys_only();
            }
            if revision > 0 {
                opts = opts.with_revision(revision);
            }
            let resp = self
                .call(|c| {
                    let (opts, from) = (opts.clone(), from.clone());
                    async move { c.kv_client().get(from, Some(opts)).await }
                })
                .await?;
            if revision == 0 {
                revision = resp.header().map_or(0, |h| h.revision());
            }
            for kv in resp.kvs() {
                let key = kv.key_str().map_err(|e| StoreError::Decode {
                    key: String::from_utf8_lossy(kv.key()).into_owned(),
                    reason: e.to_string(),
                })?;
                f(key.to_string(), kv);
            }
            match resp.kvs().last() {
                Some(last) if resp.more() => {
                    from = last.key().to_vec();
                    from.push(0);
                }
                _ => return Ok(()),
            }
        }
    }

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
        let mut clients = Vec::new();
        for ep in endpoints {
            let client = Client::connect([ep], Some(opts.clone())).await.map_err(|e| {
                StoreError::Unavailable(format!(
                    "cannot connect to etcd at {}: {}; check that etcd runs there, or pass the right --etcd-endpoints (etcd_endpoints)",
                    endpoints.join(","),
                    describe(&e)
                ))
            })?;
            clients.push(client);
        }
        let store = Self {
            clients: std::sync::Arc::new(clients),
            current: std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            timeout,
        };
        store.health().await.map_err(|e| {
            StoreError::Unavailable(format!(
                "etcd at {} does not answer ({e}); check that etcd runs there, or pass the right --etcd-endpoints (etcd_endpoints)",
                endpoints.join(",")
            ))
        })?;
        Ok(store)
    }

    /// The current endpoint's client, for what the `Store` trait does not
    /// cover (leases, watches); after a transport error call [`Self::failed`]
    /// with the index that came with it.
    pub fn client(&self) -> Client {
        self.endpoint().1
    }

    /// The current endpoint's index and client.
    pub fn endpoint(&self) -> (usize, Client) {
        let i = self.current.load(std::sync::atomic::Ordering::Relaxed) % self.clients.len().max(1);
        (i, self.clients[i].clone())
    }

    /// Endpoint `i` failed its caller: move on to the next one, unless
    /// another caller already did (a killed member fails the watch, the
    /// lease renewal and a write at once; each moving on would step past
    /// the live members and back onto the dead one).
    pub fn failed(&self, i: usize) {
        let n = self.clients.len().max(1);
        let _ = self.current.compare_exchange(
            i,
            (i + 1) % n,
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
        );
    }

    /// Runs `op` against the current endpoint, moving on to the next one
    /// after a transport error or a missed share of the deadline, until
    /// `timeout` has passed or every endpoint refused.
    async fn call<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Client) -> Fut,
        Fut: std::future::Future<Output = Result<T, etcd_client::Error>>,
    {
        let mut last = StoreError::Unavailable("etcd has no endpoints".into());
        let n = u32::try_from(self.clients.len()).unwrap_or(1).max(1);
        let deadline = tokio::time::Instant::now() + self.timeout;
        let mut refused = 0;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() || refused >= n {
                return Err(last);
            }
            let (at, client) = self.endpoint();
            // A try gets a share of the timeout: a request lost with a
            // killed member (a proposal in flight to etcd's Raft leader) is
            // retried on the next member well before `etcd_timeout`.
            match tokio::time::timeout((self.timeout / n).min(left), op(client)).await {
                Ok(Ok(v)) => return Ok(v),
                Ok(Err(e)) if transport(&e) => {
                    last = unavailable(e);
                    refused += 1;
                    self.failed(at);
                }
                Ok(Err(e)) => return Err(unavailable(e)),
                Err(_) => {
                    last = StoreError::Unavailable(format!("etcd did not answer within {:?}", self.timeout));
                    self.failed(at);
                }
            }
        }
    }
}

#[async_trait]
impl Store for EtcdStore {
    fn backend(&self) -> &'static str {
        "etcd"
    }

    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        let resp = self.call(|c| async move { c.kv_client().get(key, None).await }).await?;
        Ok(resp
            .kvs()
            .first()
            .map(|kv| Versioned { value: kv.value().to_vec(), version: u64::try_from(kv.mod_revision()).unwrap_or(0) }))
    }

    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        let resp = self
            .call(|c| {
                let value = value.clone();
                async move { c.kv_client().put(key, value, None).await }
            })
            .await?;
        Ok(resp.header().map(|h| u64::try_from(h.revision()).unwrap_or(0)).unwrap_or(0))
    }

    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        let cmp = match expected {
            None => Compare::create_revision(key, CompareOp::Equal, 0),
            Some(v) => Compare::mod_revision(key, CompareOp::Equal, i64::try_from(v).unwrap_or(i64::MAX)),
        };
        let txn = Txn::new().when([cmp]).and_then([TxnOp::put(key, value, None)]);
        let resp = self
            .call(|c| {
                let txn = txn.clone();
                async move { c.kv_client().txn(txn).await }
            })
            .await?;
        if !resp.succeeded() {
            return Ok(None);
        }
        Ok(Some(resp.header().map(|h| u64::try_from(h.revision()).unwrap_or(0)).unwrap_or(0)))
    }

    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let resp = self.call(|c| async move { c.kv_client().delete(key, None).await }).await?;
        Ok(resp.deleted() > 0)
    }

    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        let mut out = Vec::new();
        self.pages(prefix, false, |key, kv| {
            out.push((
                key,
                Versioned { value: kv.value().to_vec(), version: u64::try_from(kv.mod_revision()).unwrap_or(0) },
            ));
        })
        .await?;
        Ok(out)
    }

    async fn list_keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        self.pages(prefix, true, |key, _| out.push(key)).await?;
        Ok(out)
    }

    async fn health(&self) -> Result<(), StoreError> {
        self.call(|c| async move { c.maintenance_client().status().await }).await.map(|_| ())
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
            let txn = Txn::new().and_then(txn_ops);
            self.call(|c| {
                let txn = txn.clone();
                async move { c.kv_client().txn(txn).await }
            })
            .await?;
        }
        Ok(())
    }
}
