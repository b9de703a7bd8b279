//! `piccoloctl apply -f FILE|DIR`, `get workloads`, `describe workload`,
//! `delete workload`: workload files are parsed and validated here with the
//! same rules the master applies again, so a bad file fails before anything
//! is sent.

use piccolo_common::{out, outln};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use piccolo_common::workload::parse_file;
use piccolo_proto::{
    ApplyWorkloadsRequest, DeleteWorkloadRequest, GetWorkloadsRequest, WorkloadInfo, WorkloadSpec, liveness,
};
use serde_json::{Value, json};

use crate::client::Client;
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// Reads FILE, or every `*.toml` in DIR (sorted), into specs.
pub fn load(path: &Path) -> Result<Vec<WorkloadSpec>, String> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        f.sort();
        if f.is_empty() {
            return Err(format!("{}: no .toml files in this directory", path.display()));
        }
        f
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        out.extend(parse_file(&f.display().to_string(), &text).map_err(|e| e.to_string())?);
    }
    Ok(out)
}

/// `apply -f`.
pub async fn apply(
    c: &mut Client,
    file: &Path,
    dry_run: bool,
    wait: Option<Duration>,
    output: Format,
) -> Result<(), Failure> {
    let specs = load(file).map_err(|e| Failure(e, 2))?;
    // `after` may name workloads stored already: the master checks those with what it stores.
    let local: Vec<&WorkloadSpec> = specs.iter().collect();
    for w in &local {
        piccolo_common::workload::validate_spec(w).map_err(|e| Failure(e.to_string(), 2))?;
    }
    if let Some(cycle) = piccolo_common::workload::find_cycle(&local) {
        return Err(Failure(
            format!("dependency cycle between workloads: {} (remove one `after` entry)", cycle.join(" -> ")),
            2,
        ));
    }
    let names: Vec<String> = specs.iter().map(|s| s.name.clone()).collect();
    let r = c
        .apply_workloads(ApplyWorkloadsRequest { workloads: specs, dry_run })
        .await
        .map_err(|s| rpc_err("apply", s))?
        .into_inner();
    if output.structured() {
        emit(output, "workload", &Value::Array(
            r.workloads
                .iter()
                .map(|p| json!({"name": p.name, "revision": p.revision, "change": p.change, "nodes": p.nodes, "pending_reason": p.pending_reason, "dry_run": dry_run}))
                .collect(),
        ));
    } else {
        for p in &r.workloads {
            let verb = if dry_run { format!("would be {}", p.change) } else { p.change.clone() };
            let where_ = if p.nodes.is_empty() {
                format!("Pending: {}", p.pending_reason)
            } else {
                format!("on {}", p.nodes.join(", "))
            };
            outln!("workload {} revision {} {verb}; {where_}", p.name, p.revision);
        }
    }
    if let (Some(timeout), false) = (wait, dry_run) {
        wait_ready(c, &names, timeout).await?;
        if !output.structured() {
            outln!("all replicas running and healthy");
        }
    }
    Ok(())
}

/// Waits until every placed replica of `names` is ready, or fails naming the
/// node and reason.
async fn wait_ready(c: &mut Client, names: &[String], timeout: Duration) -> Result<(), Failure> {
    let deadline = Instant::now() + timeout;
    loop {
        let all = get_all(c, "").await?;
        let mine: Vec<&WorkloadInfo> = all.iter().filter(|w| names.contains(&w.name)).collect();
        let mut waiting = Vec::new();
        for w in &mine {
            if w.nodes.is_empty() {
                waiting.push(format!("{}: Pending: {}", w.name, w.pending_reason));
            }
            for n in &w.nodes {
                if n.state == "Failed" || (n.state == "BackOff" && n.reason.starts_with("ImagePullFailed")) {
                    return Err(Failure(
                        format!("workload {} on node {}: {}: {}", w.name, n.node, n.state, n.reason),
                        1,
                    ));
                }
            }
            if w.ready < w.desired || w.nodes.len() < w.desired as usize {
                for n in
                    w.nodes.iter().filter(|n| n.state != "Healthy" && n.state != "Running" || n.revision != w.revision)
                {
                    waiting.push(format!("{} on {}: {} {}", w.name, n.node, n.state, n.reason));
                }
            }
        }
        if waiting.is_empty() && mine.iter().all(|w| w.ready >= w.desired) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(Failure(format!("timed out waiting: {}", waiting.join("; ")), 1));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn get_all(c: &mut Client, name: &str) -> Result<Vec<WorkloadInfo>, Failure> {
    Ok(c.get_workloads(GetWorkloadsRequest { name: name.into() })
        .await
        .map_err(|s| rpc_err("get workloads", s))?
        .into_inner()
        .workloads)
}

/// One workload as JSON (the `get workloads -o json` contract).
pub fn workload_json(w: &WorkloadInfo) -> Value {
    json!({
        "name": w.name, "revision": w.revision, "desired": w.desired, "ready": w.ready,
        "pending_reason": w.pending_reason,
        "image": w.spec.as_ref().map(|s| s.image.clone()).unwrap_or_default(),
        "nodes": w.nodes.iter().map(|n| json!({
            "node": n.node, "state": n.state, "reason": n.reason, "restarts": n.restarts,
            "container_id": n.container_id, "revision": n.revision,
        })).collect::<Vec<_>>(),
    })
}

/// `get workloads`.
pub async fn get(c: &mut Client, output: Format) -> Result<(), Failure> {
    let all = get_all(c, "").await?;
    if output.structured() {
        emit(output, "workload", &Value::Array(all.iter().map(workload_json).collect()));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|w| {
            let states: Vec<String> = w.nodes.iter().map(|n| format!("{}={}", n.node, n.state)).collect();
            vec![
                w.name.clone(),
                w.revision.to_string(),
                format!("{}/{}", w.ready, w.desired),
                if states.is_empty() { format!("Pending: {}", w.pending_reason) } else { states.join(" ") },
            ]
        })
        .collect();
    out!("{}", output::table(&["NAME", "REVISION", "READY", "NODES"], &rows));
    Ok(())
}

/// `describe workload NAME`.
pub async fn describe(c: &mut Client, name: &str, format: Format) -> Result<(), Failure> {
    let all = get_all(c, name).await?;
    let Some(w) = all.first() else { return Err(Failure(format!("no workload named {name:?}"), 1)) };
    if format.structured() {
        emit(format, "workload", &workload_json(w));
        return Ok(());
    }
    let s = w.spec.clone().unwrap_or_default();
    outln!("Name:      {}\nRevision:  {}\nImage:     {}\nCommand:   {:?}", w.name, w.revision, s.image, s.command);
    outln!("Restart:   {}\nReady:     {}/{}", s.restart, w.ready, w.desired);
    if !s.selector.is_empty() {
        outln!("Selector:  {}", s.selector);
    }
    if !s.nodes.is_empty() {
        outln!("Nodes:     {}", s.nodes.join(", "));
    }
    if s.count > 0 {
        outln!("Count:     {}", s.count);
    }
    if !s.ports.is_empty() {
        outln!("Ports:     {}", s.ports.join(", "));
    }
    if !s.after.is_empty() {
        outln!("After:     {}", s.after.join(", "));
    }
    if let Some(l) = &s.liveness {
        let p = match &l.probe {
            Some(liveness::Probe::Http(u)) => format!("http {u}"),
            Some(liveness::Probe::Tcp(p)) => format!("tcp {p}"),
            Some(liveness::Probe::Exec(e)) => format!("exec {:?}", e.command),
            None => String::new(),
        };
        outln!("Liveness:  {p} every {} ms, {} failures", l.period_ms, l.failure_threshold);
    }
    if !w.pending_reason.is_empty() {
        outln!("Pending:   {}", w.pending_reason);
    }
    let rows: Vec<Vec<String>> = w
        .nodes
        .iter()
        .map(|n| {
            vec![
                n.node.clone(),
                n.state.clone(),
                n.restarts.to_string(),
                n.container_id.chars().take(12).collect(),
                n.revision.to_string(),
                n.reason.clone(),
            ]
        })
        .collect();
    out!("\n{}", output::table(&["NODE", "STATE", "RESTARTS", "CONTAINER", "REVISION", "REASON"], &rows));
    Ok(())
}

/// `delete workload NAME`.
pub async fn delete(c: &mut Client, name: &str) -> Result<(), Failure> {
    let r = c
        .delete_workload(DeleteWorkloadRequest { name: name.into() })
        .await
        .map_err(|s| rpc_err("delete workload", s))?
        .into_inner();
    outln!("workload {name} deleted; removing it from {} node(s)", r.nodes.len());
    Ok(())
}

/// `logs NODE/WORKLOAD [--tail N] [--follow]`.
pub async fn logs(c: &mut Client, target: &str, tail: u32, follow: bool) -> Result<(), Failure> {
    use std::io::Write as _;
    use tokio_stream::StreamExt as _;
    let (node, workload) = target
        .split_once('/')
        .filter(|(n, w)| !n.is_empty() && !w.is_empty())
        .ok_or_else(|| Failure(format!("{target:?} is not NODE/WORKLOAD"), 2))?;
    let req = piccolo_proto::WorkloadLogsRequest { node: node.into(), workload: workload.into(), tail, follow };
    let mut stream = c.workload_logs(req).await.map_err(|s| rpc_err("logs", s))?.into_inner();
    let mut out = std::io::stdout();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|s| rpc_err("logs", s))?;
        let _ = out.write_all(&chunk.data);
        let _ = out.flush();
        if !chunk.error.is_empty() {
            return Err(Failure(format!("logs {target}: {}", chunk.error), 1));
        }
        if chunk.end {
            break;
        }
    }
    Ok(())
}

/// `node drain NAME`: cordon, then wait until no workload is placed there.
pub async fn drain(c: &mut Client, node: &str, timeout: Duration) -> Result<(), Failure> {
    c.cordon_node(piccolo_proto::NodeNameRequest { name: node.into() })
        .await
        .map_err(|s| rpc_err(&format!("node drain {node}"), s))?;
    let deadline = Instant::now() + timeout;
    loop {
        let left: Vec<String> = get_all(c, "")
            .await?
            .iter()
            .filter(|w| w.nodes.iter().any(|n| n.node == node))
            .map(|w| w.name.clone())
            .collect();
        if left.is_empty() {
            outln!("node {node} drained (cordoned; `piccoloctl node uncordon {node}` lets workloads back)");
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(Failure(format!("node {node}: still placed there after {timeout:?}: {}", left.join(", ")), 1));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `rollout status|undo workload NAME`.
pub async fn rollout(c: &mut Client, action: &str, name: &str) -> Result<(), Failure> {
    if action == "undo" {
        let r = c
            .undo_workload(piccolo_proto::UndoWorkloadRequest { name: name.into() })
            .await
            .map_err(|s| rpc_err("rollout undo", s))?
            .into_inner();
        for p in &r.workloads {
            outln!("workload {} back to the previous spec as revision {}", p.name, p.revision);
        }
        return Ok(());
    }
    let all = get_all(c, name).await?;
    let Some(w) = all.first() else { return Err(Failure(format!("no workload named {name:?}"), 1)) };
    let current = w.nodes.iter().filter(|n| n.revision == w.revision).count();
    outln!(
        "workload {} revision {}: {} of {} node(s) on it, {} ready",
        w.name,
        w.revision,
        current,
        w.nodes.len(),
        w.ready
    );
    for n in &w.nodes {
        outln!("  {}: revision {} {} {}", n.node, n.revision, n.state, n.reason);
    }
    Ok(())
}
