//! `piccoloctl get masters`: the masters sharing the cluster's store, with
//! the leader flag, node sessions, store health and version.

use piccolo_common::{out, outln};
use piccolo_proto::GetMastersRequest;
use serde_json::json;

use crate::client::Client;
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// `get masters`.
pub async fn get(c: &mut Client, format: Format) -> Result<(), Failure> {
    let masters =
        c.get_masters(GetMastersRequest {}).await.map_err(|s| rpc_err("get masters", s))?.into_inner().masters;
    if format.structured() {
        emit(
            format,
            "master",
            &json!(masters
            .iter()
            .map(|m| json!({
                "name": m.name, "address": m.address, "leader": m.leader, "nodes": m.nodes,
                "store_healthy": m.store_healthy, "version": m.version, "last_seen": output::time(m.last_seen_ms),
            }))
            .collect::<Vec<_>>()),
        );
        return Ok(());
    }
    if masters.is_empty() {
        outln!("no masters registered");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = masters
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.address.clone(),
                if m.leader { "yes".into() } else { "-".into() },
                m.nodes.to_string(),
                if m.store_healthy { "healthy".into() } else { "degraded".into() },
                m.version.clone(),
                output::age(m.last_seen_ms),
            ]
        })
        .collect();
    out!("{}", output::table(&["NAME", "ADDRESS", "LEADER", "NODES", "STORE", "VERSION", "LAST SEEN"], &rows));
    Ok(())
}
