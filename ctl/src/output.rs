//! Rendering for humans (tables) and scripts (JSON).

use piccolo_proto::{
    AgentConfig, Container, Event, GetNodeConfigResponse, Node, NodeContainers, NodeRole, NodeState, TokenInfo,
};
use serde_json::{Value, json};

/// RFC 3339 UTC for a Unix-millisecond time, always with three fraction
/// digits so that times line up and sort as text; `None` for 0.
pub fn time(ms: i64) -> Option<String> {
    if ms <= 0 {
        return None;
    }
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()?;
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    t.format(&f).ok()
}

/// An event's STATE cell: `From -> To` for a transition, the state alone when
/// it did not change (container and config events), `-` when there is none.
pub fn transition(e: &Event) -> String {
    let (from, to) = (e.from(), e.to());
    match (from, to) {
        (NodeState::Unspecified, NodeState::Unspecified) => "-".into(),
        (f, t) if f == t || f == NodeState::Unspecified => t.label().into(),
        (f, t) => format!("{} -> {}", f.label(), t.label()),
    }
}

/// "12s", "5m", "3h", "2d" since a time.
pub fn age(ms: i64) -> String {
    if ms <= 0 {
        return "-".into();
    }
    let s = (piccolo_common::time::now_ms() - ms).max(0) / 1000;
    match s {
        0..=119 => format!("{s}s"),
        120..=7199 => format!("{}m", s / 60),
        7200..=172_799 => format!("{}h", s / 3600),
        _ => format!("{}d", s / 86400),
    }
}

fn gib(b: u64) -> String {
    format!("{:.1}Gi", b as f64 / (1u64 << 30) as f64)
}

/// A node as a JSON object.
pub fn node_json(n: &Node) -> Value {
    let f = n.facts.clone().unwrap_or_default();
    let r = n.resources.unwrap_or_default();
    json!({
        "name": n.name,
        "status": n.state().label(),
        "reason": n.reason,
        "last_heartbeat": time(n.last_heartbeat_ms),
        "ip": n.ip,
        "role": n.role().label(),
        "connected": n.connected,
        "approved": n.approved,
        "labels": n.labels,
        "cluster_address": n.cluster_address,
        "created_at": time(n.created_at_ms),
        "state_changed_at": time(n.state_changed_at_ms),
        "cert_expires_at": time(n.cert_expires_at_ms),
        "facts": {
            "hostname": f.hostname, "ips": f.ips, "arch": f.arch, "os": f.os, "kernel": f.kernel,
            "cpu_count": f.cpu_count, "memory_bytes": f.memory_bytes, "disk_bytes": f.disk_bytes,
            "agent_version": f.agent_version,
        },
        "resources": {
            "cpu_percent": r.cpu_percent, "memory_used_bytes": r.memory_used_bytes,
            "memory_total_bytes": r.memory_total_bytes, "disk_used_bytes": r.disk_used_bytes,
            "disk_total_bytes": r.disk_total_bytes, "load1": r.load1, "load5": r.load5,
            "load15": r.load15, "uptime_seconds": r.uptime_seconds,
        },
        "checks": n.checks.iter().map(|c| json!({"name": c.name, "ok": c.ok, "required": c.required, "detail": c.detail, "hint": c.hint})).collect::<Vec<_>>(),
    })
}

/// An event as a JSON object.
pub fn event_json(e: &Event) -> Value {
    json!({
        "seq": e.seq, "time": time(e.time_ms), "node": e.node, "kind": e.kind,
        "from": e.from().label(), "to": e.to().label(), "reason": e.reason, "message": e.message,
    })
}

/// A token as a JSON object.
pub fn token_json(t: &TokenInfo) -> Value {
    json!({
        "id": t.id, "created_at": time(t.created_at_ms), "expires_at": time(t.expires_at_ms),
        "max_uses": t.max_uses, "used": t.used, "revoked": t.revoked, "labels": t.labels,
        "description": t.description,
    })
}

/// Left-aligned columns.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{:<w$}   ", c, w = widths[i]));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.clone()));
        out.push('\n');
    }
    out
}

/// The `get nodes` table; `wide` adds facts.
pub fn nodes_table(nodes: &[Node], wide: bool) -> String {
    let mut header = vec!["NAME", "STATUS", "REASON", "LAST HEARTBEAT", "AGE", "IP"];
    if wide {
        header.extend(["ADDRESS", "ARCH", "OS", "KERNEL", "CPU%", "MEM", "AGENT"]);
    }
    let rows: Vec<Vec<String>> = nodes
        .iter()
        .map(|n| {
            let mut r = vec![
                n.name.clone(),
                n.state().label().to_string(),
                if n.reason.is_empty() { "-".into() } else { n.reason.clone() },
                age(n.last_heartbeat_ms),
                age(n.created_at_ms),
                n.ip.clone(),
            ];
            if wide {
                let f = n.facts.clone().unwrap_or_default();
                let res = n.resources.unwrap_or_default();
                r.extend([
                    if n.cluster_address.is_empty() { "-".into() } else { n.cluster_address.clone() },
                    f.arch,
                    f.os,
                    f.kernel,
                    format!("{:.1}", res.cpu_percent),
                    format!("{}/{}", gib(res.memory_used_bytes), gib(res.memory_total_bytes)),
                    f.agent_version,
                ]);
            }
            r
        })
        .collect();
    table(&header, &rows)
}

/// `describe node` text.
pub fn describe_node(n: &Node, events: &[Event], cfg: &GetNodeConfigResponse) -> String {
    let f = n.facts.clone().unwrap_or_default();
    let r = n.resources.unwrap_or_default();
    let t = |ms: i64| time(ms).unwrap_or_else(|| "-".into());
    let mut s = String::new();
    s.push_str(&format!("Name:            {}\n", n.name));
    s.push_str(&format!("Status:          {}\n", n.state().label()));
    s.push_str(&format!("Reason:          {}\n", n.reason));
    s.push_str(&format!("Connected:       {}\n", n.connected));
    s.push_str(&format!("Role:            {}\n", n.role().label()));
    s.push_str(&format!("IP:              {}\n", n.ip));
    let mut labels: Vec<_> = n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    labels.sort();
    s.push_str(&format!("Labels:          {}\n", if labels.is_empty() { "-".into() } else { labels.join(",") }));
    s.push_str(&format!("Created:         {}\n", t(n.created_at_ms)));
    s.push_str(&format!("State changed:   {}\n", t(n.state_changed_at_ms)));
    s.push_str(&format!("Last heartbeat:  {}\n", t(n.last_heartbeat_ms)));
    s.push_str(&format!("Cert expires:    {}\n", t(n.cert_expires_at_ms)));
    if n.role() == NodeRole::Master {
        // A child master: a cluster, not a device; it has no device facts.
        s.push_str("Kind:            child cluster (a master enrolled here; see `piccoloctl get clusters`)\n");
        s.push_str(&format!("  Version:       {}\n", f.agent_version));
        events_section(&mut s, events);
        return s;
    }
    s.push_str("System:\n");
    s.push_str(&format!(
        "  Hostname:      {}\n  Arch:          {}\n  OS:            {}\n  Kernel:        {}\n",
        f.hostname, f.arch, f.os, f.kernel
    ));
    s.push_str(&format!(
        "  CPUs:          {}\n  Memory:        {}\n  Disk:          {}\n  Agent:         {}\n",
        f.cpu_count,
        gib(f.memory_bytes),
        gib(f.disk_bytes),
        f.agent_version
    ));
    s.push_str(&format!("  Addresses:     {}\n", f.ips.join(", ")));
    s.push_str("Resources:\n");
    s.push_str(&format!(
        "  CPU {:.1}%   Memory {}/{}   Disk {}/{}   Load {:.2} {:.2} {:.2}   Uptime {}s\n",
        r.cpu_percent,
        gib(r.memory_used_bytes),
        gib(r.memory_total_bytes),
        gib(r.disk_used_bytes),
        gib(r.disk_total_bytes),
        r.load1,
        r.load5,
        r.load15,
        r.uptime_seconds
    ));
    if n.podman_available || !n.containers.is_empty() {
        s.push_str("Containers:\n");
        for c in &n.containers {
            s.push_str(&format!(
                "  {:<20} {:<10} {}{}\n",
                c.name,
                c.state,
                c.image,
                if c.state == "exited" { format!(" (exit {})", c.exit_code) } else { String::new() }
            ));
        }
    } else if !n.podman_error.is_empty() {
        s.push_str(&format!("Containers:      podman unavailable: {}\n", n.podman_error));
    }
    s.push_str(&format!(
        "Config:          version {} acked (wanted {}){}\n",
        n.config_acked_version,
        n.config_desired_version,
        if n.config_error.is_empty() { String::new() } else { format!("; last error: {}", n.config_error) }
    ));
    // Each layer, lowest first, then what the node should run.
    let layer = |c: &Option<AgentConfig>| match c {
        None => "-".to_string(),
        Some(c) => format!("{} (v{})", config_summary(c), c.version),
    };
    s.push_str(&format!("  Defaults:      {}\n", layer(&cfg.defaults)));
    s.push_str(&format!("  Cluster:       {}\n", layer(&cfg.cluster)));
    s.push_str(&format!("  Topology:      {}\n", layer(&cfg.topology)));
    s.push_str(&format!("  Override:      {}\n", layer(&cfg.r#override)));
    s.push_str(&format!("  Effective:     {}\n", layer(&cfg.effective)));
    if n.offline_since_ms > 0 {
        s.push_str(&format!(
            "Last offline:    {} -> {} ({} entries dropped)\n",
            t(n.offline_since_ms),
            t(n.offline_until_ms),
            n.offline_dropped
        ));
    }
    if !n.checks.is_empty() {
        s.push_str("Readiness checks:\n");
        for c in &n.checks {
            let mark = if c.ok {
                "ok  "
            } else if c.required {
                "FAIL"
            } else {
                "warn"
            };
            s.push_str(&format!(
                "  [{mark}] {:<16} {}{}\n",
                c.name,
                c.detail,
                if c.ok || c.hint.is_empty() { String::new() } else { format!(" (hint: {})", c.hint) }
            ));
        }
    }
    events_section(&mut s, events);
    s
}

fn events_section(s: &mut String, events: &[Event]) {
    let t = |ms: i64| time(ms).unwrap_or_else(|| "-".into());
    s.push_str("Events:\n");
    if events.is_empty() {
        s.push_str("  -\n");
    }
    for e in events {
        s.push_str(&format!("  {}  {:<12} {}  {}\n", t(e.time_ms), e.kind, transition(e), e.reason));
    }
}

/// An agent config in one line: only the settings it sets.
pub fn config_summary(c: &AgentConfig) -> String {
    let mut parts = Vec::new();
    let dur = |ms: u32| piccolo_common::config::format_duration(std::time::Duration::from_millis(u64::from(ms)));
    if c.heartbeat_interval_ms > 0 {
        parts.push(format!("heartbeat_interval={}", dur(c.heartbeat_interval_ms)));
    }
    if c.status_interval_ms > 0 {
        parts.push(format!("status_interval={}", dur(c.status_interval_ms)));
    }
    if c.podman_disabled {
        parts.push("podman_disabled=true".into());
    }
    if !c.podman_socket.is_empty() {
        parts.push(format!("podman_socket={}", c.podman_socket));
    }
    if c.min_memory_bytes > 0 {
        parts.push(format!("min_memory_bytes={}", c.min_memory_bytes));
    }
    if c.min_disk_bytes > 0 {
        parts.push(format!("min_disk_bytes={}", c.min_disk_bytes));
    }
    if c.buffer_flush_interval_ms > 0 {
        parts.push(format!("buffer_flush_interval={}", dur(c.buffer_flush_interval_ms)));
    }
    if c.buffer_flush_entries > 0 {
        parts.push(format!("buffer_flush_entries={}", c.buffer_flush_entries));
    }
    let mut labels: Vec<String> = c.labels.iter().map(|(k, v)| format!("label {k}={v}")).collect();
    labels.sort();
    parts.extend(labels);
    if parts.is_empty() { "(nothing set)".to_string() } else { parts.join(", ") }
}

/// An agent config as a JSON object (`null` when absent).
pub fn agent_config_json(c: Option<&AgentConfig>) -> Value {
    match c {
        None => Value::Null,
        Some(c) => json!({
            "version": c.version, "heartbeat_interval_ms": c.heartbeat_interval_ms,
            "status_interval_ms": c.status_interval_ms, "labels": c.labels, "podman_disabled": c.podman_disabled,
            "podman_socket": c.podman_socket, "min_memory_bytes": c.min_memory_bytes,
            "min_disk_bytes": c.min_disk_bytes, "buffer_flush_interval_ms": c.buffer_flush_interval_ms,
            "buffer_flush_entries": c.buffer_flush_entries,
        }),
    }
}

/// A node's config layers as a JSON object.
/// One node's config state (`config status -o json`, `describe topology -o json`).
pub fn config_status_json(n: &piccolo_proto::NodeConfigStatus) -> Value {
    json!({"node": n.node, "desired_version": n.desired_version, "acked_version": n.acked_version,
        "error": n.error, "connected": n.connected, "override": n.has_override})
}

pub fn node_config_json(r: &GetNodeConfigResponse) -> Value {
    json!({
        "defaults": agent_config_json(r.defaults.as_ref()), "cluster": agent_config_json(r.cluster.as_ref()),
        "topology": agent_config_json(r.topology.as_ref()), "override": agent_config_json(r.r#override.as_ref()),
        "effective": agent_config_json(r.effective.as_ref()), "acked_version": r.acked_version, "error": r.error,
    })
}

/// A container as a JSON object.
pub fn container_json(c: &Container) -> Value {
    json!({
        "id": c.id, "name": c.name, "image": c.image, "state": c.state, "health": c.health,
        "exit_code": c.exit_code, "restart_count": c.restart_count, "started_at": time(c.started_at_ms),
        "cpu_percent": c.cpu_percent, "memory_bytes": c.memory_bytes,
    })
}

/// The `get containers` table; `wide` adds the container ID and start time.
pub fn containers_table(nodes: &[NodeContainers], wide: bool) -> String {
    let mut rows = Vec::new();
    for n in nodes {
        if !n.podman_available && n.containers.is_empty() {
            let why = if n.podman_error.is_empty() { "not reported yet".to_string() } else { n.podman_error.clone() };
            let mut row = vec![n.node.clone(), "-".into(), "-".into(), format!("podman unavailable: {why}")];
            row.resize(if wide { 9 } else { 7 }, String::new());
            rows.push(row);
        }
        for c in &n.containers {
            let mut row = vec![
                n.node.clone(),
                c.name.clone(),
                c.image.clone(),
                c.state.clone(),
                if c.health.is_empty() { "-".into() } else { c.health.clone() },
                c.restart_count.to_string(),
                if c.state == "exited" {
                    format!("exit {}", c.exit_code)
                } else {
                    format!("{:.1}% {}", c.cpu_percent, mib(c.memory_bytes))
                },
            ];
            if wide {
                row.push(c.id.chars().take(12).collect());
                row.push(time(c.started_at_ms).unwrap_or_else(|| "-".into()));
            }
            rows.push(row);
        }
    }
    let mut header = vec!["NODE", "CONTAINER", "IMAGE", "STATE", "HEALTH", "RESTARTS", "USAGE"];
    if wide {
        header.extend(["ID", "STARTED"]);
    }
    table(&header, &rows)
}

fn mib(b: u64) -> String {
    format!("{:.1}Mi", b as f64 / (1u64 << 20) as f64)
}
