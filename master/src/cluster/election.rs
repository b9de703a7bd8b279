//! Membership and leader election on etcd, with a compare-and-swap on a
//! leased key (no home-made consensus).
//!
//! Each master holds one etcd lease (`master_lease_ttl`), renewed every
//! quarter of it. Under that lease it keeps its record at
//! `/piccolo/v1/masters/NAME` (a `MasterInfo`, refreshed every tick) and
//! tries to create `/piccolo/v1/leader` (value: its name) when the key is
//! absent. Whoever created it leads until its lease ends: a dead master's
//! lease expires and the key with it, and the next tick of another master
//! takes it. A leader that cannot renew its lease for two thirds of the TTL
//! steps down on its own, before etcd can hand the key to another master,
//! so two masters never both believe they lead: a timer watches the age of
//! the last renewal (counted from when it was sent) while a round's etcd
//! calls are in flight, and rounds keep a tick's pace however slowly etcd
//! answers (the member record is written apart from them). A clean shutdown revokes the
//! lease, which hands leadership over at once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use etcd_client::{Client, Compare, CompareOp, LeaseKeepAliveStream, LeaseKeeper, PutOptions, Txn, TxnOp};
use prost::Message;
use tokio::sync::watch;
use tracing::{info, warn};

use piccolo_proto::MasterInfo;

use super::{leader_key, master_key};

/// How the loop is set up.
pub struct ElectionConfig {
    pub name: String,
    pub ttl: Duration,
}

type KeepAlive = (LeaseKeeper, LeaseKeepAliveStream);

/// Runs until shutdown; `leader` carries whether this master leads.
pub async fn run(
    etcd: crate::store::EtcdStore,
    cfg: ElectionConfig,
    info: impl Fn(bool) -> MasterInfo + Send + 'static,
    leader: watch::Sender<bool>,
    lease_ok: watch::Sender<bool>,
    mut shutdown: watch::Receiver<bool>,
) {
    let tick = cfg.ttl / 4;
    let ttl_secs = i64::try_from(cfg.ttl.as_secs().max(1)).unwrap_or(2);
    let step_down_after = cfg.ttl * 2 / 3;
    let mut lease: Option<i64> = None;
    let mut keep: Option<KeepAlive> = None;
    // When the last renewal that etcd answered was *sent*: etcd counts the
    // TTL from when it received it, never earlier.
    let renewed = Renewed::new();
    loop {
        let round = Instant::now();
        // One round (renew, campaign, the member record) runs while a
        // timer watches the lease: however long etcd takes to answer, a
        // leader steps down once its last renewal is `step_down_after` old,
        // not when the round's calls return.
        let work = async {
            // The current endpoint's client (the store moves on after failures).
            let (at, client) = etcd.endpoint();
            if let Some(id) = lease {
                let sent = Instant::now();
                // A late answer still renews (etcd counts from when it got
                // the request): wait up to half the TTL for it, while the
                // timer below keeps the step-down on time.
                match renew(&client, id, &mut keep, cfg.ttl / 2).await {
                    Renewal::Ok => renewed.set(sent),
                    Renewal::Gone => {
                        warn!("this master's etcd lease expired; registering again");
                        lease = None;
                        keep = None;
                    }
                    Renewal::Failed(e) => {
                        warn!(error = %e, "cannot renew this master's etcd lease");
                        etcd.failed(at);
                    }
                }
                lease_ok.send_if_modified(|ok| {
                    let now = renewed.get().elapsed() < step_down_after;
                    std::mem::replace(ok, now) != now
                });
                step_down_if_late(&leader, renewed.get(), step_down_after);
                if renewed.get().elapsed() >= cfg.ttl {
                    lease = None;
                    keep = None;
                }
            }
            if lease.is_none() {
                let sent = Instant::now();
                match grant(&client, ttl_secs, tick).await {
                    Ok(id) => {
                        lease = Some(id);
                        renewed.set(sent);
                    }
                    Err(e) => {
                        warn!(error = %e, "cannot get an etcd lease; this master does not lead meanwhile");
                        etcd.failed(at);
                    }
                }
            }
            if let Some(id) = lease {
                let won = campaign(&client, &cfg.name, id, tick).await;
                let was = *leader.borrow();
                if won.is_err() {
                    etcd.failed(at);
                }
                // A failed call says nothing about the key: keep what we knew
                // while the lease is known alive.
                let is = won.unwrap_or(was) && renewed.get().elapsed() < step_down_after;
                if is != was {
                    if is {
                        info!(name = %cfg.name, "this master is now the cluster leader");
                    } else {
                        warn!(name = %cfg.name, "this master no longer leads the cluster");
                    }
                    leader.send_replace(is);
                }
                // The member record goes on its own, so a slow put never
                // delays the next renewal.
                let record = info(is).encode_to_vec();
                let mut kv = client.kv_client();
                let key = master_key(&cfg.name);
                tokio::spawn(async move {
                    let put = kv.put(key, record, Some(PutOptions::new().with_lease(id)));
                    let _ = tokio::time::timeout(tick, put).await;
                });
            }
        };
        tokio::pin!(work);
        loop {
            let deadline = tokio::time::Instant::from_std(renewed.get() + step_down_after);
            tokio::select! {
                () = &mut work => break,
                () = tokio::time::sleep_until(deadline), if *leader.borrow() => {
                    step_down_if_late(&leader, renewed.get(), step_down_after);
                }
            }
        }
        // The next round a tick after this one began (at once when this
        // one took longer): renewals keep their pace on a slow etcd.
        tokio::select! {
            _ = tokio::time::sleep_until(tokio::time::Instant::from_std(round + tick)) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
    }
    leader.send_replace(false);
    if let Some(id) = lease {
        // Frees the leader key and the member record at once.
        let mut l = etcd.client().lease_client();
        let _ = tokio::time::timeout(Duration::from_secs(1), l.revoke(id)).await;
    }
}

/// An instant shared by a round and the timer that watches it (the round
/// future must be `Send`): nanoseconds since the loop began.
struct Renewed {
    base: Instant,
    nanos: AtomicU64,
}

impl Renewed {
    fn new() -> Self {
        Self { base: Instant::now(), nanos: AtomicU64::new(0) }
    }

    fn get(&self) -> Instant {
        self.base + Duration::from_nanos(self.nanos.load(Ordering::Relaxed))
    }

    fn set(&self, at: Instant) {
        let nanos = u64::try_from(at.saturating_duration_since(self.base).as_nanos()).unwrap_or(u64::MAX);
        self.nanos.store(nanos, Ordering::Relaxed);
    }
}

/// Steps down when the last renewal is `after` old: before etcd can let
/// the lease (and with it the leader key) expire.
fn step_down_if_late(leader: &watch::Sender<bool>, renewed: Instant, after: Duration) {
    if renewed.elapsed() >= after && *leader.borrow() {
        warn!("stepping down as leader: the etcd lease could not be renewed in time");
        leader.send_replace(false);
    }
}

enum Renewal {
    Ok,
    Gone,
    Failed(String),
}

async fn renew(client: &Client, id: i64, keep: &mut Option<KeepAlive>, limit: Duration) -> Renewal {
    let r = tokio::time::timeout(limit, async {
        if let Some((keeper, stream)) = keep.as_mut() {
            keeper.keep_alive().await?;
            return match stream.message().await? {
                Some(resp) => Ok(resp.ttl()),
                None => Err(etcd_client::Error::LeaseKeepAliveError("keep-alive stream ended".into())),
            };
        }
        let mut l = client.lease_client();
        let pair = l.keep_alive(id).await?;
        *keep = Some(pair);
        Ok(1)
    })
    .await;
    match r {
        Ok(Ok(ttl)) if ttl > 0 => Renewal::Ok,
        Ok(Ok(_)) => Renewal::Gone,
        Ok(Err(etcd_client::Error::LeaseKeepAliveError(m))) if m.contains("not found") => Renewal::Gone,
        Ok(Err(e)) => {
            *keep = None;
            Renewal::Failed(e.to_string())
        }
        Err(_) => {
            *keep = None;
            Renewal::Failed("etcd did not answer in time".into())
        }
    }
}

async fn grant(client: &Client, ttl: i64, limit: Duration) -> Result<i64, String> {
    let mut l = client.lease_client();
    match tokio::time::timeout(limit.max(Duration::from_secs(1)), l.grant(ttl, None)).await {
        Ok(Ok(r)) => Ok(r.id()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("etcd did not answer in time".into()),
    }
}

/// Takes the leader key when it is free; true when it is ours (this lease).
async fn campaign(client: &Client, name: &str, lease: i64, limit: Duration) -> Result<bool, String> {
    let key = leader_key();
    let txn = Txn::new()
        .when([Compare::create_revision(key.clone(), CompareOp::Equal, 0)])
        .and_then([TxnOp::put(key.clone(), name, Some(PutOptions::new().with_lease(lease)))])
        .or_else([TxnOp::get(key.clone(), None)]);
    let mut kv = client.kv_client();
    let resp = match tokio::time::timeout(limit, kv.txn(txn)).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Err(e.to_string()),
        Err(_) => return Err("etcd did not answer in time".into()),
    };
    if resp.succeeded() {
        return Ok(true);
    }
    for op in resp.op_responses() {
        if let etcd_client::TxnOpResponse::Get(g) = op
            && let Some(kv) = g.kvs().first()
        {
            return Ok(kv.value() == name.as_bytes() && kv.lease() == lease);
        }
    }
    Ok(false)
}
