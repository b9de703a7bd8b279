//! Workload records in the store: `/piccolo/v1/workloads/<name>`, one
//! protobuf `WorkloadRecord` each (spec, previous revisions, placement).

use std::collections::BTreeMap;

use piccolo_proto::WorkloadRecord;
use prost::Message;

use crate::store::{PREFIX, SharedStore, StoreError};

fn prefix() -> String {
    format!("{PREFIX}workloads/")
}

/// Key of a workload record.
pub fn key(name: &str) -> String {
    format!("{}{name}", prefix())
}

/// Every stored workload by name.
pub async fn load(store: &SharedStore) -> Result<BTreeMap<String, WorkloadRecord>, StoreError> {
    let mut out = BTreeMap::new();
    for (k, v) in store.list(&prefix()).await? {
        let rec = WorkloadRecord::decode(v.value.as_slice())
            .map_err(|e| StoreError::Decode { key: k.clone(), reason: e.to_string() })?;
        let name = k.trim_start_matches(&prefix()).to_string();
        out.insert(name, rec);
    }
    Ok(out)
}

/// Stores records in one batch (one transaction while it fits one; see
/// `Store::write_batch`).
pub async fn save_all(store: &SharedStore, recs: &[WorkloadRecord]) -> Result<(), StoreError> {
    let ops = recs
        .iter()
        .map(|r| (key(r.spec.as_ref().map(|s| s.name.as_str()).unwrap_or_default()), Some(r.encode_to_vec())))
        .collect();
    store.write_batch(ops).await
}

/// Stores a record the leader placed (or moved a rollout on) from `base`
/// unless the stored one changed since (another master's apply or delete): true when
/// written.
pub async fn save_if_unchanged(
    store: &SharedStore,
    base: &WorkloadRecord,
    rec: &WorkloadRecord,
) -> Result<bool, StoreError> {
    let name = rec.spec.as_ref().map(|s| s.name.as_str()).unwrap_or_default();
    let key = key(name);
    let Some(stored) = store.get(&key).await? else { return Ok(false) };
    let revision = |r: &WorkloadRecord| (r.last_revision, r.spec.as_ref().map(|w| w.revision));
    let same = WorkloadRecord::decode(stored.value.as_slice()).is_ok_and(|s| revision(&s) == revision(base));
    if !same {
        return Ok(false);
    }
    Ok(store.put_if(&key, Some(stored.version), rec.encode_to_vec()).await?.is_some())
}

pub async fn delete(store: &SharedStore, name: &str) -> Result<(), StoreError> {
    store.delete(&key(name)).await.map(drop)
}
