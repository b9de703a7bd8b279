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
//! so two masters never both believe they lead. A clean shutdown revokes the
//! lease, which hands leadership over at once.

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
    let mut renewed = Instant::now();
    loop {
        // The current endpoint's client (the store moves on after failures).
        let (at, client) = etcd.endpoint();
        if let Some(id) = lease {
            match renew(&client, id, &mut keep, tick).await {
                Renewal::Ok => renewed = Instant::now(),
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
                let now = renewed.elapsed() < step_down_after;
                std::mem::replace(ok, now) != now
            });
            if renewed.elapsed() >= step_down_after {
                if *leader.borrow() {
                    warn!("stepping down as leader: the etcd lease could not be renewed in time");
                }
                leader.send_replace(false);
            }
            if renewed.elapsed() >= cfg.ttl {
                lease = None;
                keep = None;
            }
        }
        if lease.is_none() {
            match grant(&client, ttl_secs, tick).await {
                Ok(id) => {
                    lease = Some(id);
                    renewed = Instant::now();
                }
                Err(e) => {
                    warn!(error = %e, "cannot get an etcd lease; this master does not lead meanwhile");
                    etcd.failed(at);
                }
            }
        }
        if let Some(id) = lease {
            let was = *leader.borrow();
            let won = campaign(&client, &cfg.name, id, tick).await;
            if won.is_err() {
                etcd.failed(at);
            }
            // A failed call says nothing about the key: keep what we knew
            // while the lease is known alive.
            let is = won.unwrap_or(was) && renewed.elapsed() < step_down_after;
            if is != was {
                if is {
                    info!(name = %cfg.name, "this master is now the cluster leader");
                } else {
                    warn!(name = %cfg.name, "this master no longer leads the cluster");
                }
                leader.send_replace(is);
            }
            let record = info(is).encode_to_vec();
            let mut kv = client.kv_client();
            let put = kv.put(master_key(&cfg.name), record, Some(PutOptions::new().with_lease(id)));
            let _ = tokio::time::timeout(tick, put).await;
        }
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
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
