//! Nodes: `get nodes [NAME...] [-l SELECTOR] [--group-by KEY] [-w]`,
//! `watch nodes`, `describe node` and the `node ...` actions.

use std::collections::{BTreeMap, HashMap};

use piccolo_common::{out, outln};
use piccolo_proto::{
    GetNodeConfigRequest, GetNodeRequest, GetNodesRequest, Node, NodeNameRequest, SetConfigRequest, WatchNodesRequest,
    node_watch_event,
};
use tokio_stream::StreamExt;

use crate::cli::NodeCmd;
use crate::client::{Client, Conn};
use crate::format::{emit, emit_item};
use crate::selector::Selector;
use crate::stream_table::StreamTable;
use crate::{Failure, Format, output, rpc_err};

/// Which nodes `get nodes` shows and how it groups them.
pub struct Query<'a> {
    pub names: &'a [String],
    pub selector: Option<&'a str>,
    pub group_by: Option<&'a str>,
}

/// `get nodes`.
pub async fn get(c: &mut Client, format: Format, q: &Query<'_>) -> Result<(), Failure> {
    let sel = q.selector.map(Selector::parse).transpose().map_err(|e| Failure(e, 2))?;
    let mut nodes = c.get_nodes(GetNodesRequest {}).await.map_err(|s| rpc_err("get nodes", s))?.into_inner().nodes;
    if !q.names.is_empty() {
        let missing: Vec<&String> = q.names.iter().filter(|n| !nodes.iter().any(|x| &x.name == *n)).collect();
        if !missing.is_empty() {
            let list = missing.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
            return Err(Failure(format!("get nodes: no node named {list} (`piccoloctl get nodes` lists them)"), 1));
        }
        nodes.retain(|n| q.names.contains(&n.name));
    }
    if let Some(sel) = &sel {
        nodes.retain(|n| sel.matches(&n.labels));
    }
    let wide = format == Format::Wide;
    match (format, q.group_by) {
        // One named node in JSON/YAML is that object, as kubectl prints `get node NAME -o json`.
        (f, None) if f.structured() && q.names.len() == 1 && nodes.len() == 1 => {
            emit(f, "node", &output::node_json(&nodes[0]))
        }
        (f, None) if f.structured() => {
            emit(f, "node", &serde_json::Value::Array(nodes.iter().map(output::node_json).collect()))
        }
        (f, Some(key)) if f.structured() => {
            let mut groups: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
            for n in &nodes {
                groups.entry(n.labels.get(key).cloned().unwrap_or_default()).or_default().push(output::node_json(n));
            }
            emit(f, "node", &serde_json::json!(groups));
        }
        (_, None) => out!("{}", output::nodes_table(&nodes, wide)),
        (_, Some(key)) => {
            let mut groups: BTreeMap<String, Vec<Node>> = BTreeMap::new();
            for n in nodes {
                groups.entry(n.labels.get(key).cloned().unwrap_or_default()).or_default().push(n);
            }
            let mut first = true;
            for (value, members) in groups {
                if !first {
                    outln!();
                }
                first = false;
                let shown = if value.is_empty() { "(none)".to_string() } else { value };
                outln!("{key}={shown} ({} node(s))", members.len());
                out!("{}", output::nodes_table(&members, wide));
            }
        }
    }
    Ok(())
}

/// What a person sees of a node in a watch: a change to anything else (a
/// heartbeat time, resource figures) prints nothing.
#[derive(Clone, PartialEq, Eq)]
struct Seen {
    status: String,
    reason: String,
    connected: bool,
    labels: String,
    ip: String,
}

impl Seen {
    fn of(n: &Node) -> Self {
        let mut labels: Vec<String> = n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        labels.sort();
        Self {
            status: n.state().label().into(),
            reason: n.reason.clone(),
            connected: n.connected,
            labels: labels.join(","),
            ip: n.ip.clone(),
        }
    }

    /// `status Ready -> NotReady, connected true -> false`.
    fn diff(&self, new: &Seen) -> String {
        let mut d = Vec::new();
        let mut f = |what: &str, a: &str, b: &str| {
            if a != b {
                let show = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
                d.push(format!("{what} {} -> {}", show(a), show(b)));
            }
        };
        f("status", &self.status, &new.status);
        f("reason", &self.reason, &new.reason);
        f("connected", &self.connected.to_string(), &new.connected.to_string());
        f("labels", &self.labels, &new.labels);
        f("ip", &self.ip, &new.ip);
        d.join(", ")
    }
}

const WATCH_HEADER: [&str; 5] = ["EVENT", "NAME", "STATUS", "REASON", "CHANGED"];

/// Prints watch lines, only for changes a person can see.
struct Watcher {
    format: Format,
    table: StreamTable,
    seen: HashMap<String, Seen>,
}

impl Watcher {
    fn show(&mut self, kind: &str, node: &Node) {
        let now = Seen::of(node);
        let changed = match (kind, self.seen.get(&node.name)) {
            // Already reported gone (the relist after a reconnect).
            ("DELETED", None) => return,
            ("DELETED", _) => String::new(),
            (_, Some(before)) if *before == now => return,
            (_, Some(before)) => before.diff(&now),
            (_, None) => String::new(),
        };
        let kind = match (kind, self.seen.contains_key(&node.name)) {
            ("ADDED", true) => "MODIFIED",
            ("MODIFIED", false) => "ADDED",
            (k, _) => k,
        };
        if kind == "DELETED" {
            self.seen.remove(&node.name);
        } else {
            self.seen.insert(node.name.clone(), now.clone());
        }
        if self.format.structured() {
            let mut v = output::node_json(node);
            v["event"] = serde_json::Value::String(kind.into());
            v["changed"] = serde_json::Value::String(changed);
            emit_item(self.format, "node", &v);
        } else {
            let reason = if now.reason.is_empty() { "-".to_string() } else { now.reason.clone() };
            let changed = if changed.is_empty() { "-".to_string() } else { changed };
            outln!("{}", self.table.line(&[kind, &node.name, &now.status, &reason, &changed]));
        }
    }
}

/// `watch nodes` / `get nodes -w`: changes as they happen; after a lost
/// connection it reconnects, reports what changed meanwhile and goes on.
/// `initial`: start by showing every current node.
pub async fn watch(conn: &Conn, mut c: Client, format: Format, initial: bool) -> Result<(), Failure> {
    let mut w = Watcher { format, table: StreamTable::new(&WATCH_HEADER, &[8, 16, 12, 16]), seen: HashMap::new() };
    if !format.structured() {
        outln!("{}", w.table.line(&WATCH_HEADER));
    }
    if !initial {
        // `get nodes -w`: the list was just printed; remember it without printing it again.
        let nodes = c.get_nodes(GetNodesRequest {}).await.map_err(|s| rpc_err("get nodes -w", s))?.into_inner().nodes;
        w.seen = nodes.iter().map(|n| (n.name.clone(), Seen::of(n))).collect();
    }
    let mut first = true;
    loop {
        let why = match c.watch_nodes(WatchNodesRequest { initial: true }).await {
            Err(s) if first => return Err(rpc_err("watch nodes", s)),
            Err(s) => s.message().to_string(),
            Ok(stream) => {
                if !first {
                    // Back after a lost connection: nodes removed while we
                    // were away are in no snapshot. Relisted only now that
                    // the new stream is open (the master registered it
                    // before answering), so a removal either happened before
                    // this list or comes on the stream: none falls between.
                    if let Ok(r) = c.get_nodes(GetNodesRequest {}).await {
                        let now = r.into_inner().nodes;
                        let gone: Vec<String> =
                            w.seen.keys().filter(|k| !now.iter().any(|n| &n.name == *k)).cloned().collect();
                        for name in gone {
                            w.show("DELETED", &Node { name, ..Default::default() });
                        }
                    }
                }
                first = false;
                let mut stream = stream.into_inner();
                loop {
                    match stream.next().await {
                        Some(Ok(ev)) => {
                            let Some(node) = ev.node.as_ref() else { continue };
                            let kind = match ev.kind() {
                                node_watch_event::Kind::Added => "ADDED",
                                node_watch_event::Kind::Deleted => "DELETED",
                                _ => "MODIFIED",
                            };
                            w.show(kind, node);
                        }
                        Some(Err(s)) => break s.message().to_string(),
                        None => break "the stream ended".to_string(),
                    }
                }
            }
        };
        c = conn.reconnect("watch nodes", &why).await;
    }
}

/// `describe node NAME`.
pub async fn describe(c: &mut Client, name: &str, format: Format) -> Result<(), Failure> {
    let what = format!("describe node {name}");
    let r = c.get_node(GetNodeRequest { name: name.into() }).await.map_err(|s| rpc_err(&what, s))?.into_inner();
    let node = r.node.ok_or_else(|| Failure(format!("no node named {name:?}"), 1))?;
    let cfg = c.get_node_config(GetNodeConfigRequest { name: name.into() }).await.map_err(|s| rpc_err(&what, s))?;
    let cfg = cfg.into_inner();
    if format.structured() {
        let mut v = output::node_json(&node);
        v["events"] = serde_json::Value::Array(r.events.iter().map(output::event_json).collect());
        v["config"] = output::node_config_json(&cfg);
        emit(format, "node", &v);
    } else {
        out!("{}", output::describe_node(&node, &r.events, &cfg));
    }
    Ok(())
}

/// `node label NAME k=v k-`: the changes as a SetConfig on the node's override.
fn label_changes(changes: &[String]) -> Result<(HashMap<String, String>, Vec<String>), Failure> {
    let mut set = HashMap::new();
    let mut unset = Vec::new();
    for c in changes {
        if let Some(k) = c.strip_suffix('-').filter(|k| !k.is_empty() && !k.contains('=')) {
            unset.push(format!("labels.{k}"));
        } else if let Some((k, v)) = c.split_once('=').filter(|(k, _)| !k.is_empty()) {
            set.insert(k.to_string(), v.to_string());
        } else {
            return Err(Failure(format!("node label: {c:?} is neither KEY=VALUE (set) nor KEY- (remove)"), 2));
        }
    }
    Ok((set, unset))
}

/// `node approve|cordon|uncordon|remove|revoke-cert|label`.
pub async fn act(c: &mut Client, action: NodeCmd) -> Result<(), Failure> {
    if let NodeCmd::Label { name, changes } = &action {
        let (labels, unset) = label_changes(changes)?;
        let config = piccolo_proto::AgentConfig { labels, ..Default::default() };
        let r = c
            .set_config(SetConfigRequest { node: name.clone(), config: Some(config), clear_override: false, unset })
            .await
            .map_err(|s| rpc_err(&format!("node label {name}"), s))?
            .into_inner();
        let v = r.config.map(|c| c.version).unwrap_or(0);
        let pushed = if r.pushed_to.is_empty() { "it gets it when it connects" } else { "pushed to it" };
        outln!("node {name}: labels changed (config version {v}; {pushed})");
        return Ok(());
    }
    let (verb, name) = match &action {
        NodeCmd::Approve { name } => ("approve", name.clone()),
        NodeCmd::Cordon { name } => ("cordon", name.clone()),
        NodeCmd::Uncordon { name } => ("uncordon", name.clone()),
        NodeCmd::Remove { name } => ("remove", name.clone()),
        NodeCmd::RevokeCert { name } => ("revoke-cert", name.clone()),
        NodeCmd::Label { name, .. } => ("label", name.clone()),
        NodeCmd::Drain { .. } => return Err(Failure("internal: drain is handled in main".into(), 1)),
    };
    let req = NodeNameRequest { name: name.clone() };
    let r = match action {
        NodeCmd::Approve { .. } => c.approve_node(req).await,
        NodeCmd::Cordon { .. } => c.cordon_node(req).await,
        NodeCmd::Uncordon { .. } => c.uncordon_node(req).await,
        NodeCmd::Remove { .. } => c.remove_node(req).await,
        NodeCmd::RevokeCert { .. } | NodeCmd::Label { .. } | NodeCmd::Drain { .. } => {
            c.revoke_node_certificate(req).await
        }
    }
    .map_err(|s| rpc_err(&format!("node {verb} {name}"), s))?
    .into_inner();
    let state = r.node.map(|n| n.state().label()).unwrap_or("-");
    match verb {
        "approve" => outln!("node {name} approved ({state})"),
        "cordon" => outln!("node {name} cordoned: in Maintenance, still watched ({state})"),
        "uncordon" => outln!("node {name} uncordoned ({state})"),
        "remove" => outln!("node {name} removed: its certificate no longer works; the device must re-enrol to return"),
        _ => outln!(
            "node {name}: certificate revoked and its connection cut; the record is kept (shown as {state}). \
             The device must re-enrol with a new token: piccoloctl token create, then on the device \
             piccolo-agent run --token TOKEN (its data dir keeps the CA)"
        ),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_changes_set_and_remove() {
        let (set, unset) = label_changes(&["zone=a".into(), "old-".into(), "empty=".into()]).unwrap_or_default();
        assert_eq!(set.get("zone").map(String::as_str), Some("a"));
        assert_eq!(set.get("empty").map(String::as_str), Some(""));
        assert_eq!(unset, ["labels.old"]);
        assert!(label_changes(&["-".into()]).is_err());
        assert!(label_changes(&["nolabel".into()]).is_err());
    }
}
