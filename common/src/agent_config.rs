//! The agent config the master pushes (`piccolo.v1.AgentConfig`), judged by
//! one set of rules on both sides: the master refuses what an agent would
//! reject before storing or pushing it, and the agent checks what it receives
//! with the same function. Also the layering the master does (a layer's set
//! fields replace those below) and the way back (`unset`).

use piccolo_proto::AgentConfig;

/// The shortest heartbeat an agent accepts when the master allows short
/// intervals (tests); the master's production minimum is its own setting (5 s).
pub const MIN_HEARTBEAT_MS_ANY: u32 = 100;

/// The keys a change can return to the layer below (plus `labels.KEY`).
pub const UNSET_KEYS: [&str; 9] = [
    "heartbeat_interval",
    "status_interval",
    "podman_socket",
    "podman_disabled",
    "min_memory_bytes",
    "min_disk_bytes",
    "buffer_flush_interval",
    "buffer_flush_entries",
    "labels",
];

/// Why an agent could not use `c` (a merged config, as a node receives it).
/// `min_heartbeat_ms`: the shortest heartbeat allowed.
pub fn validate(c: &AgentConfig, min_heartbeat_ms: u32) -> Result<(), String> {
    if c.heartbeat_interval_ms > 0 && c.heartbeat_interval_ms < min_heartbeat_ms {
        return Err(format!(
            "heartbeat_interval {} ms is below the minimum of {} ms",
            c.heartbeat_interval_ms, min_heartbeat_ms
        ));
    }
    if c.status_interval_ms > 0 && c.status_interval_ms < 1000 {
        return Err("status_interval must be at least 1s".into());
    }
    if c.status_interval_ms > 0 && c.heartbeat_interval_ms > 0 && c.status_interval_ms < c.heartbeat_interval_ms {
        return Err(format!(
            "status_interval ({} ms) is shorter than heartbeat_interval ({} ms); make it at least as long",
            c.status_interval_ms, c.heartbeat_interval_ms
        ));
    }
    if !c.podman_socket.is_empty() && !c.podman_socket.starts_with('/') {
        return Err(format!(
            "podman_socket {:?} must be an absolute path, e.g. /run/podman/podman.sock",
            c.podman_socket
        ));
    }
    for k in c.labels.keys() {
        if k.is_empty() || k.len() > 63 {
            return Err(format!("label key {k:?} must be 1-63 characters"));
        }
    }
    Ok(())
}

/// Fields set in `over` (non-zero, non-empty, `true`) replace those in `base`;
/// labels are merged. The version is the higher of the two.
pub fn overlay(base: &mut AgentConfig, over: &AgentConfig) {
    if over.heartbeat_interval_ms > 0 {
        base.heartbeat_interval_ms = over.heartbeat_interval_ms;
    }
    if over.status_interval_ms > 0 {
        base.status_interval_ms = over.status_interval_ms;
    }
    for (k, v) in &over.labels {
        base.labels.insert(k.clone(), v.clone());
    }
    if over.podman_disabled {
        base.podman_disabled = true;
    }
    if !over.podman_socket.is_empty() {
        base.podman_socket = over.podman_socket.clone();
    }
    if over.min_memory_bytes > 0 {
        base.min_memory_bytes = over.min_memory_bytes;
    }
    if over.min_disk_bytes > 0 {
        base.min_disk_bytes = over.min_disk_bytes;
    }
    if over.buffer_flush_interval_ms > 0 {
        base.buffer_flush_interval_ms = over.buffer_flush_interval_ms;
    }
    if over.buffer_flush_entries > 0 {
        base.buffer_flush_entries = over.buffer_flush_entries;
    }
    base.version = base.version.max(over.version);
}

/// Clears `keys` in one layer, so the layer below decides them again.
pub fn unset(c: &mut AgentConfig, keys: &[String]) -> Result<(), String> {
    for k in keys {
        match k.as_str() {
            "heartbeat_interval" => c.heartbeat_interval_ms = 0,
            "status_interval" => c.status_interval_ms = 0,
            "podman_socket" => c.podman_socket.clear(),
            "podman_disabled" => c.podman_disabled = false,
            "min_memory_bytes" => c.min_memory_bytes = 0,
            "min_disk_bytes" => c.min_disk_bytes = 0,
            "buffer_flush_interval" => c.buffer_flush_interval_ms = 0,
            "buffer_flush_entries" => c.buffer_flush_entries = 0,
            "labels" => c.labels.clear(),
            other => match other.strip_prefix("labels.") {
                Some(label) if !label.is_empty() => {
                    c.labels.remove(label);
                }
                _ => {
                    return Err(format!("cannot unset {other:?}: use one of {} or labels.KEY", UNSET_KEYS.join(", ")));
                }
            },
        }
    }
    Ok(())
}

/// Whether `c` sets nothing (its version aside).
pub fn sets_nothing(c: &AgentConfig) -> bool {
    *c == AgentConfig { version: c.version, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agents_refusals_are_the_masters() {
        let ok = AgentConfig { heartbeat_interval_ms: 15_000, status_interval_ms: 60_000, ..Default::default() };
        assert!(validate(&ok, 5000).is_ok());
        let short_status = AgentConfig { status_interval_ms: 5_000, ..ok.clone() };
        assert!(validate(&short_status, 5000).unwrap_err().contains("shorter than heartbeat_interval"));
        let relative = AgentConfig { podman_socket: "relative.sock".into(), ..ok.clone() };
        assert!(validate(&relative, 5000).unwrap_err().contains("absolute"));
        let fast = AgentConfig { heartbeat_interval_ms: 1000, status_interval_ms: 0, ..ok };
        assert!(validate(&fast, 5000).is_err());
        assert!(validate(&fast, MIN_HEARTBEAT_MS_ANY).is_ok());
    }

    #[test]
    fn unset_returns_fields_to_the_layer_below() {
        let mut c = AgentConfig { podman_disabled: true, heartbeat_interval_ms: 9000, ..Default::default() };
        c.labels.insert("a".into(), "1".into());
        c.labels.insert("b".into(), "2".into());
        unset(&mut c, &["podman_disabled".into(), "labels.a".into(), "heartbeat_interval".into()]).unwrap_or_default();
        assert!(!c.podman_disabled && c.heartbeat_interval_ms == 0);
        assert_eq!(c.labels.keys().collect::<Vec<_>>(), ["b"]);
        assert!(unset(&mut c, &["bogus".into()]).is_err());
        assert!(sets_nothing(&AgentConfig { version: 4, ..Default::default() }));
        assert!(!sets_nothing(&c));
    }
}
