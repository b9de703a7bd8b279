//! The libpod JSON this module reads (field names as Podman 4.3 sends them)
//! and its conversion into the protocol's `Container` and `ContainerEvent`.
//! Pure: no I/O, so the shapes are tested against answers captured from a
//! real Podman.

use std::collections::HashMap;

use piccolo_proto::{Container, ContainerEvent};
use serde::Deserialize;

/// Event actions worth sending to the master. Podman also emits init, mount,
/// cleanup, exec_died, attach, sync, ... per container life cycle: noise on a
/// metered link and in the offline buffer. Podman 4 says "died" (Docker: "die").
pub const FORWARDED_ACTIONS: &[&str] =
    &["create", "start", "died", "stop", "restart", "remove", "health_status", "pause", "unpause", "oom"];

/// One entry of `GET /libpod/containers/json`.
#[derive(Debug, Deserialize)]
pub(crate) struct Listed {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Names", default)]
    pub names: Option<Vec<String>>,
    #[serde(rename = "Image", default)]
    pub image: String,
    #[serde(rename = "State", default)]
    pub state: String,
    /// Podman 4 puts the health status here ("healthy", "unhealthy",
    /// "starting"); empty without a healthcheck.
    #[serde(rename = "Status", default)]
    pub status: String,
    #[serde(rename = "ExitCode", default)]
    pub exit_code: i32,
    /// Unix seconds; Go's zero time (negative) when never started.
    #[serde(rename = "StartedAt", default)]
    pub started_at: i64,
}

impl Listed {
    pub fn is_running(&self) -> bool {
        self.state == "running"
    }
}

/// The part of `GET /libpod/containers/{id}/json` the list does not carry.
#[derive(Debug, Deserialize)]
pub(crate) struct Inspected {
    #[serde(rename = "RestartCount", default)]
    pub restart_count: u32,
}

/// `GET /libpod/containers/stats?stream=false`.
#[derive(Debug, Deserialize)]
pub(crate) struct StatsReport {
    #[serde(rename = "Stats", default)]
    pub stats: Option<Vec<Stats>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Stats {
    #[serde(rename = "ContainerID")]
    pub id: String,
    /// Percent of one CPU; with `stream=false`, the average since start.
    #[serde(rename = "CPU", default)]
    pub cpu: f64,
    #[serde(rename = "MemUsage", default)]
    pub mem_usage: u64,
}

/// An error body (`{"cause": ..., "message": ..., "response": 404}`).
#[derive(Debug, Deserialize)]
pub(crate) struct ApiError {
    #[serde(default)]
    pub message: String,
}

/// One line of `GET /libpod/events`.
#[derive(Debug, Deserialize)]
pub(crate) struct RawEvent {
    #[serde(rename = "Type", default)]
    pub kind: String,
    #[serde(rename = "Action", default)]
    pub action: String,
    #[serde(rename = "Actor", default)]
    pub actor: Actor,
    #[serde(default)]
    pub time: i64,
    #[serde(rename = "timeNano", default)]
    pub time_nano: i64,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Actor {
    #[serde(rename = "ID", default)]
    pub id: String,
    /// name, image, containerExitCode, podId and the container's labels.
    #[serde(rename = "Attributes", default)]
    pub attributes: Option<HashMap<String, String>>,
}

/// One line of Podman's event log file (`events_logger = "file"`): the
/// libpod `Event` struct as Go marshals it.
#[derive(Debug, Deserialize)]
pub(crate) struct FileEvent {
    #[serde(rename = "Type", default)]
    pub kind: String,
    #[serde(rename = "Status", default)]
    pub status: String,
    #[serde(rename = "ID", default)]
    pub id: String,
    #[serde(rename = "Name", default)]
    pub name: String,
    #[serde(rename = "Image", default)]
    pub image: String,
    /// RFC 3339 with nanoseconds, in the writer's time zone.
    #[serde(rename = "Time", default)]
    pub time: String,
    #[serde(rename = "ContainerExitCode", default)]
    pub exit_code: Option<i32>,
}

/// The protocol event for a logged container event worth forwarding.
pub(crate) fn file_event(e: FileEvent) -> Option<ContainerEvent> {
    if e.kind != "container" || !FORWARDED_ACTIONS.contains(&e.status.as_str()) {
        return None;
    }
    Some(ContainerEvent {
        time_ms: rfc3339_ms(&e.time).unwrap_or_else(piccolo_common::time::now_ms),
        name: e.name,
        image: e.image,
        exit_code: e.exit_code.unwrap_or_default(),
        id: e.id,
        action: e.status,
    })
}

/// `2026-11-29T17:16:10.489232627Z` or `...+02:00` as Unix milliseconds.
fn rfc3339_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> { s.get(r)?.parse().ok() };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut i = 19;
    let mut ms = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let frac = s.get(start..i)?;
        ms = format!("{frac:0<3}").get(..3)?.parse().ok()?;
    }
    let offset_s = match b.get(i)? {
        b'Z' | b'z' => 0,
        sign @ (b'+' | b'-') => {
            let o = num(i + 1..i + 3)? * 3600 + num(i + 4..i + 6)? * 60;
            if *sign == b'+' { o } else { -o }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((mo + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3600 + mi * 60 + sec - offset_s) * 1000) + ms)
}

/// A listed container with its restart count and, when running, its usage.
pub(crate) fn container(l: Listed, restart_count: u32, usage: Option<&Stats>) -> Container {
    Container {
        name: l.names.as_ref().and_then(|n| n.first()).cloned().unwrap_or_default(),
        started_at_ms: if l.started_at > 0 { l.started_at.saturating_mul(1000) } else { 0 },
        cpu_percent: usage.map(|s| s.cpu as f32).unwrap_or_default(),
        memory_bytes: usage.map(|s| s.mem_usage).unwrap_or_default(),
        id: l.id,
        image: l.image,
        state: l.state,
        health: l.status,
        exit_code: l.exit_code,
        restart_count,
    }
}

/// The protocol event for a container event worth forwarding, else `None`.
pub(crate) fn event(raw: RawEvent) -> Option<ContainerEvent> {
    if raw.kind != "container" || !FORWARDED_ACTIONS.contains(&raw.action.as_str()) {
        return None;
    }
    let attr = |k: &str| raw.actor.attributes.as_ref().and_then(|a| a.get(k)).cloned().unwrap_or_default();
    let time_ms = if raw.time_nano > 0 { raw.time_nano / 1_000_000 } else { raw.time.saturating_mul(1000) };
    Some(ContainerEvent {
        time_ms,
        name: attr("name"),
        image: attr("image"),
        exit_code: attr("containerExitCode").parse().unwrap_or_default(),
        id: raw.actor.id,
        action: raw.action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured from Podman 4.3.1 (Debian 12).
    const LIST: &str = r#"[{"AutoRemove":false,"Command":["/bin/sleep","600"],"Created":"2026-11-23T00:19:52.54137104Z","CreatedAt":"","Exited":false,"ExitedAt":1795393203,"ExitCode":0,"Id":"8ae561b9bc6a","Image":"localhost/busybox:latest","ImageID":"81651b147d2c","IsInfra":false,"Labels":null,"Mounts":[],"Names":["c1"],"Namespaces":{},"Networks":["podman"],"Pid":18187,"Pod":"","PodName":"","Ports":null,"Size":null,"StartedAt":1795393219,"State":"running","Status":""},{"AutoRemove":false,"Command":["/bin/sh"],"Created":"2026-11-23T00:20:19.654954524Z","CreatedAt":"","Exited":true,"ExitedAt":-62135596800,"ExitCode":137,"Id":"dca8cf150064","Image":"localhost/busybox:latest","ImageID":"81651b147d2c","IsInfra":false,"Labels":null,"Mounts":[],"Names":["c2"],"Namespaces":{},"Networks":["podman"],"Pid":0,"Pod":"","PodName":"","Ports":null,"Size":null,"StartedAt":-62135596800,"State":"exited","Status":"unhealthy"}]"#;
    const STATS: &str = r#"{"Error":null,"Stats":[{"AvgCPU":6.48,"ContainerID":"8ae561b9bc6a","Name":"c1","PerCPU":[4780588,28213322],"CPU":6.5,"CPUNano":32993910,"CPUSystemNano":11929596,"SystemNano":1795393220129153921,"MemUsage":663552,"MemLimit":25276502016,"MemPerc":0.0026,"NetInput":266,"NetOutput":766,"BlockInput":0,"BlockOutput":0,"PIDs":1,"UpTime":32993910,"Duration":32993910}]}"#;
    const DIED: &str = r#"{"status":"died","id":"8ae561b9bc6a","from":"localhost/busybox:latest","Type":"container","Action":"died","Actor":{"ID":"8ae561b9bc6a","Attributes":{"containerExitCode":"137","image":"localhost/busybox:latest","name":"c1","podId":""}},"scope":"local","time":1795393200,"timeNano":1795393200299739459}"#;
    const PULL: &str = r#"{"status":"pull","Type":"image","Action":"pull","Actor":{"ID":"","Attributes":{"containerExitCode":"0","image":"","name":"localhost/busybox","podId":""}},"scope":"local","time":1795393203,"timeNano":1795393203658906054}"#;
    const CLEANUP: &str = r#"{"status":"cleanup","id":"8ae561b9bc6a","from":"localhost/busybox:latest","Type":"container","Action":"cleanup","Actor":{"ID":"8ae561b9bc6a","Attributes":{"containerExitCode":"0","image":"localhost/busybox:latest","name":"c1","podId":""}},"scope":"local","time":1795393200,"timeNano":1795393200579269172}"#;

    #[test]
    fn list_and_stats_become_containers() {
        let listed: Vec<Listed> = serde_json::from_str(LIST).unwrap();
        let report: StatsReport = serde_json::from_str(STATS).unwrap();
        let stats = report.stats.unwrap();
        let mut it = listed.into_iter();
        let c1 = container(it.next().unwrap(), 2, stats.iter().find(|s| s.id == "8ae561b9bc6a"));
        assert_eq!(
            (c1.id.as_str(), c1.name.as_str(), c1.image.as_str()),
            ("8ae561b9bc6a", "c1", "localhost/busybox:latest")
        );
        assert_eq!((c1.state.as_str(), c1.health.as_str(), c1.restart_count), ("running", "", 2));
        assert_eq!(c1.started_at_ms, 1_795_393_219_000);
        assert_eq!((c1.cpu_percent, c1.memory_bytes), (6.5, 663_552));
        let c2 = container(it.next().unwrap(), 0, None);
        assert_eq!((c2.state.as_str(), c2.health.as_str(), c2.exit_code), ("exited", "unhealthy", 137));
        assert_eq!((c2.started_at_ms, c2.cpu_percent, c2.memory_bytes), (0, 0.0, 0));
    }

    #[test]
    fn died_is_forwarded_with_its_exit_code() {
        let e = event(serde_json::from_str(DIED).unwrap()).unwrap();
        assert_eq!((e.action.as_str(), e.name.as_str(), e.id.as_str()), ("died", "c1", "8ae561b9bc6a"));
        assert_eq!((e.exit_code, e.time_ms, e.image.as_str()), (137, 1_795_393_200_299, "localhost/busybox:latest"));
    }

    #[test]
    fn image_events_and_noise_are_dropped() {
        assert!(event(serde_json::from_str(PULL).unwrap()).is_none());
        assert!(event(serde_json::from_str(CLEANUP).unwrap()).is_none());
    }

    // Written by Podman 4.3.1 with events_logger = "file".
    const FILE_DIED: &str = r#"{"ContainerExitCode":137,"ID":"9e600c2b7a8a2200d3568b60b7d160a6d9d1a274901da27410ea2d73dd78c4fa","Image":"localhost/busybox:latest","Name":"c1","Status":"died","Time":"2026-11-29T17:16:10.489232627Z","Type":"container","Attributes":{}}"#;
    const FILE_ROTATION: &str = r#"{"Name":"/run/libpod/events/events.log","Status":"log-rotation","Time":"2026-11-29T17:16:15.989206224Z","Type":"system","Attributes":null}"#;

    #[test]
    fn logged_died_is_forwarded_with_its_exit_code_and_time() {
        let e = file_event(serde_json::from_str(FILE_DIED).unwrap()).unwrap();
        assert_eq!((e.action.as_str(), e.name.as_str(), e.exit_code), ("died", "c1", 137));
        assert_eq!((e.time_ms, e.image.as_str()), (1_795_972_570_489, "localhost/busybox:latest"));
        assert!(e.id.starts_with("9e600c2b7a8a"));
        assert!(file_event(serde_json::from_str(FILE_ROTATION).unwrap()).is_none());
    }

    #[test]
    fn rfc3339_with_offsets_and_short_fractions() {
        assert_eq!(rfc3339_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_ms("1970-01-01T01:00:00.5+01:00"), Some(500));
        assert_eq!(rfc3339_ms("2000-03-01T00:00:00.123456789-00:30"), Some(951_870_600_123));
        assert_eq!(rfc3339_ms("garbage"), None);
    }

    #[test]
    fn missing_fields_do_not_fail_decoding() {
        let e: RawEvent = serde_json::from_str(r#"{"Type":"container","Action":"start","time":5}"#).unwrap();
        let e = event(e).unwrap();
        assert_eq!((e.time_ms, e.name.as_str(), e.exit_code), (5000, "", 0));
        let l: Vec<Listed> = serde_json::from_str(r#"[{"Id":"x","Names":null}]"#).unwrap();
        assert_eq!(container(l.into_iter().next().unwrap(), 0, None).name, "");
    }
}
