//! `piccoloctl get clusters`: child masters enrolled with this one, with the
//! liveness of their link and their last aggregate report.

use piccolo_common::{out, outln};
use piccolo_proto::GetClustersRequest;
use serde_json::json;

use crate::client::Client;
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// `get clusters`.
pub async fn get(c: &mut Client, format: Format) -> Result<(), Failure> {
    let clusters =
        c.get_clusters(GetClustersRequest {}).await.map_err(|s| rpc_err("get clusters", s))?.into_inner().clusters;
    if format.structured() {
        emit(format, "cluster", &json!(clusters
            .iter()
            .map(|cl| {
                let r = cl.report.clone().unwrap_or_default();
                json!({
                    "name": cl.name, "status": cl.state().label(), "reason": cl.reason, "connected": cl.connected,
                    "last_heartbeat": output::time(cl.last_heartbeat_ms), "reported_at": output::time(cl.reported_at_ms),
                    "zone": r.zone, "nodes": r.nodes, "nodes_by_state": r.nodes_by_state, "healthy": r.healthy,
                    "health": r.health, "version": r.version,
                })
            })
            .collect::<Vec<_>>()));
        return Ok(());
    }
    if clusters.is_empty() {
        outln!("no child clusters (a child master enrols with `parent_master` in its config)");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = clusters
        .iter()
        .map(|cl| {
            let r = cl.report.clone().unwrap_or_default();
            let mut by: Vec<String> = r.nodes_by_state.iter().map(|(s, n)| format!("{s}={n}")).collect();
            by.sort();
            vec![
                cl.name.clone(),
                cl.state().label().into(),
                if cl.reason.is_empty() { "-".into() } else { cl.reason.clone() },
                if r.zone.is_empty() { "-".into() } else { r.zone.clone() },
                r.nodes.to_string(),
                if by.is_empty() { "-".into() } else { by.join(",") },
                r.health.clone(),
                output::age(cl.reported_at_ms),
            ]
        })
        .collect();
    out!("{}", output::table(&["NAME", "STATUS", "REASON", "ZONE", "NODES", "BY STATE", "HEALTH", "REPORTED"], &rows));
    Ok(())
}
