//! `piccoloctl topology apply`, `get topology`, `describe topology`.

use piccolo_common::{out, outln};
use std::path::Path;
use std::time::Duration;

use piccolo_proto::{ClusterTopology, GetConfigStatusRequest, GetTopologyRequest, UpdateTopologyRequest};
use serde_json::{Value, json};

use crate::client::Client;
use crate::format::emit;
use crate::progress::{self, NodeProgress};
use crate::{Failure, Format, output, rpc_err, topology_file};

/// Options of `topology apply`.
pub struct ApplyOpts<'a> {
    pub file: &'a Path,
    pub dry_run: bool,
    pub wait: bool,
    pub wait_timeout: Duration,
    pub output: Format,
}

/// A topology as JSON.
pub fn topology_json(t: &ClusterTopology) -> Value {
    json!({
        "id": t.id, "name": t.name, "type": t.r#type().label(), "master_nodes": t.master_nodes,
        "sub_nodes": t.sub_nodes, "parent_cluster": t.parent_cluster, "config": t.config,
        "version": t.version, "config_version": t.config_version, "updated_at": output::time(t.updated_at_ms),
        "nodes": t.nodes.iter().map(|n| json!({"name": n.name, "role": n.role, "region": n.region, "zone": n.zone, "labels": n.labels})).collect::<Vec<_>>(),
        "roles": t.roles.iter().map(|r| json!({"role": r.role, "heartbeat_interval_ms": r.heartbeat_interval_ms, "heartbeat_timeout_ms": r.heartbeat_timeout_ms})).collect::<Vec<_>>(),
        "clusters": t.clusters.iter().map(topology_json).collect::<Vec<_>>(),
    })
}

/// `topology apply -f FILE`.
pub async fn apply(c: &mut Client, o: ApplyOpts<'_>) -> Result<(), Failure> {
    let topo = topology_file::load(o.file).map_err(|e| Failure(e, 2))?;
    let r = c
        .update_topology(UpdateTopologyRequest { topology: Some(topo), dry_run: o.dry_run })
        .await
        .map_err(|s| rpc_err("topology apply", s))?
        .into_inner();
    let t = r.topology.unwrap_or_default();
    let json = o.output.structured();
    if o.dry_run {
        if json {
            emit(o.output, "topology", &json!({"name": t.name, "valid": true, "affected_nodes": r.affected_nodes}));
        } else {
            outln!(
                "topology {:?} is valid; applying it would change {} node(s): {}",
                t.name,
                r.affected_nodes.len(),
                r.affected_nodes.join(", ")
            );
        }
        return Ok(());
    }
    if !json {
        outln!(
            "topology {:?} ({}) version {} stored; agent config version {} for {} node(s), pushed to {}",
            t.name,
            t.r#type().label(),
            t.version,
            r.config_version,
            r.affected_nodes.len(),
            r.pushed_to.len()
        );
    }
    let result = if o.wait {
        progress::wait(c, &r.affected_nodes, r.config_version, o.wait_timeout, |node, p| {
            if !json && *p != NodeProgress::Pending {
                let what = match p {
                    NodeProgress::Applied => "applied".to_string(),
                    NodeProgress::Failed(e) => format!("failed: {e}"),
                    NodeProgress::Offline => "offline (applies when it reconnects)".into(),
                    NodeProgress::Gone => "no longer registered".into(),
                    NodeProgress::Pending => String::new(),
                };
                outln!("  {node}: {what}");
            }
        })
        .await
    } else {
        progress::snapshot(c, &r.affected_nodes, r.config_version).await
    }
    .map_err(|s| rpc_err("topology apply: progress", s))?;
    if json {
        let mut v = result.json();
        v["topology"] = topology_json(&t);
        v["config_version"] = json!(r.config_version);
        emit(o.output, "topology", &v);
    } else {
        out!("{}", result.summary());
    }
    if !result.failed().is_empty() {
        return Err(Failure(
            format!("{} node(s) rejected the topology's config (see above)", result.failed().len()),
            1,
        ));
    }
    if o.wait && !result.pending().is_empty() {
        return Err(Failure(format!("no answer within {:?} from: {}", o.wait_timeout, result.pending().join(", ")), 1));
    }
    Ok(())
}

async fn fetch(c: &mut Client) -> Result<Option<ClusterTopology>, Failure> {
    Ok(c.get_topology(GetTopologyRequest {}).await.map_err(|s| rpc_err("get topology", s))?.into_inner().topology)
}

fn row(t: &ClusterTopology, parent: &str) -> Vec<String> {
    let p = if t.parent_cluster.is_empty() { parent.to_string() } else { t.parent_cluster.clone() };
    let id = if t.id.is_empty() { t.name.clone() } else { t.id.clone() };
    vec![
        id,
        t.r#type().label().into(),
        t.master_nodes.join(","),
        t.sub_nodes.join(","),
        if p.is_empty() { "-".into() } else { p },
    ]
}

/// `get topology`.
pub async fn get(c: &mut Client, format: Format) -> Result<(), Failure> {
    match (fetch(c).await?, format) {
        (None, f) if f.structured() => emit(f, "topology", &serde_json::Value::Null),
        (None, _) => outln!("no topology has been applied (piccoloctl topology apply -f FILE)"),
        (Some(t), f) if f.structured() => emit(f, "topology", &topology_json(&t)),
        (Some(t), _) => {
            let mut rows = vec![row(&t, "")];
            let root_id = rows[0][0].clone();
            rows.extend(t.clusters.iter().map(|s| row(s, &root_id)));
            outln!("topology {:?} version {}, config version {}", t.name, t.version, t.config_version);
            out!("{}", output::table(&["CLUSTER", "TYPE", "MASTERS", "SUBS", "PARENT"], &rows));
        }
    }
    Ok(())
}

/// `describe topology`: the clusters, each node's placement and config state.
pub async fn describe(c: &mut Client, format: Format) -> Result<(), Failure> {
    let Some(t) = fetch(c).await? else {
        if format.structured() {
            emit(format, "topology", &serde_json::Value::Null);
        } else {
            outln!("no topology has been applied (piccoloctl topology apply -f FILE)");
        }
        return Ok(());
    };
    let status =
        c.get_config_status(GetConfigStatusRequest {}).await.map_err(|s| rpc_err("describe topology", s))?.into_inner();
    if format.structured() {
        let mut v = topology_json(&t);
        v["nodes"] = status.nodes.iter().map(output::config_status_json).collect();
        emit(format, "topology", &v);
        return Ok(());
    }
    outln!("Name:           {}", t.name);
    outln!("Id:             {}", t.id);
    outln!("Type:           {}", t.r#type().label());
    outln!("Version:        {}", t.version);
    outln!("Config version: {}", t.config_version);
    outln!("Updated:        {}", output::time(t.updated_at_ms).unwrap_or_else(|| "-".into()));
    if !t.parent_cluster.is_empty() {
        outln!("Parent:         {}", t.parent_cluster);
    }
    for cl in std::iter::once(&t).chain(&t.clusters) {
        outln!();
        let id = if cl.id.is_empty() { &cl.name } else { &cl.id };
        outln!(
            "Cluster {id} ({}){}",
            cl.r#type().label(),
            if cl.parent_cluster.is_empty() { String::new() } else { format!(", parent {}", cl.parent_cluster) }
        );
        let mut cfg: Vec<String> = cl.config.iter().map(|(k, v)| format!("{k}={v}")).collect();
        cfg.sort();
        if !cfg.is_empty() {
            outln!("  Config: {}", cfg.join(", "));
        }
        for r in &cl.roles {
            outln!(
                "  Role {}: heartbeat interval {} ms, timeout {} ms",
                r.role,
                r.heartbeat_interval_ms,
                r.heartbeat_timeout_ms
            );
        }
        let mut rows = Vec::new();
        for (kind, names) in [("master", &cl.master_nodes), ("sub", &cl.sub_nodes)] {
            for n in names {
                let p = cl.nodes.iter().find(|p| &p.name == n).cloned().unwrap_or_default();
                let s = status.nodes.iter().find(|s| &s.node == n);
                let state = match progress::classify(s, t.config_version) {
                    NodeProgress::Applied => "applied".to_string(),
                    NodeProgress::Failed(e) => format!("failed: {e}"),
                    NodeProgress::Offline => "offline".into(),
                    NodeProgress::Pending => "pending".into(),
                    NodeProgress::Gone => "not registered".into(),
                };
                let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
                let mut labels: Vec<String> = p.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
                labels.sort();
                rows.push(vec![
                    n.clone(),
                    kind.into(),
                    dash(&p.role),
                    dash(&p.region),
                    dash(&p.zone),
                    dash(&labels.join(",")),
                    state,
                ]);
            }
        }
        for line in output::table(&["NODE", "KIND", "ROLE", "REGION", "ZONE", "LABELS", "CONFIG"], &rows).lines() {
            outln!("  {line}");
        }
    }
    Ok(())
}
