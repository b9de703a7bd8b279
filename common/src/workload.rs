//! Workload files (issue 14): the TOML form users write (`[[workload]]`
//! tables), parsed into the wire [`WorkloadSpec`], and the validation that
//! both `piccoloctl` (before sending) and the master (before storing) run, so
//! a file is checked by one set of rules wherever it enters.

use std::collections::{BTreeMap, HashMap, HashSet};

use piccolo_proto::{ExecProbe, Liveness, WorkloadSpec, liveness};
use serde::Deserialize;
use thiserror::Error;

use crate::config::parse_duration;
use crate::names::validate_node_name;

/// Largest memory limit accepted (1 TiB): anything above is a typo.
const MAX_MEMORY: u64 = 1 << 40;
/// Smallest memory limit Podman accepts (6 MiB).
const MIN_MEMORY: u64 = 6 << 20;
/// Most CPUs a limit may name.
const MAX_CPUS: f64 = 1024.0;
/// Restart policies.
pub const RESTART_POLICIES: &[&str] = &["always", "on-failure", "never"];
/// Conditions an `after` entry may wait for.
pub const AFTER_CONDITIONS: &[&str] = &["running", "healthy", "succeeded"];

/// What is wrong with a workload file or spec.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum WorkloadError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("workload {name:?}: {message}")]
    Invalid { name: String, message: String },
    #[error("dependency cycle between workloads: {0} (remove one `after` entry)")]
    Cycle(String),
}

fn invalid(name: &str, message: impl Into<String>) -> WorkloadError {
    WorkloadError::Invalid { name: name.to_string(), message: message.into() }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    workload: Vec<FileWorkload>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileWorkload {
    name: String,
    image: String,
    #[serde(default)]
    command: Vec<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default)]
    ports: Vec<String>,
    #[serde(default)]
    restart: Option<String>,
    #[serde(default)]
    selector: Option<String>,
    #[serde(default)]
    nodes: Vec<String>,
    #[serde(default)]
    count: Option<i64>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    liveness: Option<FileLiveness>,
    #[serde(default)]
    resources: Option<FileResources>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLiveness {
    #[serde(default)]
    exec: Option<Vec<String>>,
    #[serde(default)]
    http: Option<String>,
    #[serde(default)]
    tcp: Option<i64>,
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    failure_threshold: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileResources {
    #[serde(default)]
    memory: Option<String>,
    #[serde(default)]
    cpus: Option<f64>,
}

/// Parses one workload file. Errors name the file and, for syntax and
/// unknown keys, the line and column (from the TOML parser).
pub fn parse_file(file: &str, text: &str) -> Result<Vec<WorkloadSpec>, WorkloadError> {
    let parse = |message: String| WorkloadError::Parse { file: file.to_string(), message };
    let parsed: File = toml::from_str(text).map_err(|e| parse(flatten(&e.to_string())))?;
    if parsed.workload.is_empty() {
        return Err(parse("no [[workload]] table found".into()));
    }
    parsed.workload.into_iter().map(|w| convert(w).map_err(&parse)).collect()
}

/// The TOML parser's multi-line message on one line.
fn flatten(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && *l != "|").collect::<Vec<_>>().join(" ")
}

fn convert(w: FileWorkload) -> Result<WorkloadSpec, String> {
    let name = w.name.clone();
    let count = match w.count {
        None => 0,
        Some(c) if (1..=10_000).contains(&c) => c as u32,
        Some(c) => return Err(format!("workload {name:?}: count {c} must be between 1 and 10000")),
    };
    let liveness = w.liveness.map(|l| liveness_of(&name, l)).transpose()?;
    let (memory_bytes, millicpus) = match w.resources {
        None => (0, 0),
        Some(r) => {
            let mem = r.memory.as_deref().map(parse_size).transpose().map_err(|e| format!("workload {name:?}: {e}"))?;
            let cpus = match r.cpus {
                None => 0,
                Some(c) if c > 0.0 && c <= MAX_CPUS => (c * 1000.0).round().max(1.0) as u32,
                Some(c) => return Err(format!("workload {name:?}: cpus {c} must be above 0 and at most {MAX_CPUS}")),
            };
            (mem.unwrap_or(0), cpus)
        }
    };
    Ok(WorkloadSpec {
        name: w.name,
        image: w.image,
        command: w.command,
        env: w.env.into_iter().collect::<HashMap<_, _>>(),
        ports: w.ports,
        restart: w.restart.unwrap_or_else(|| "always".into()),
        selector: w.selector.unwrap_or_default(),
        nodes: w.nodes,
        count,
        after: w.after,
        liveness,
        memory_bytes,
        millicpus,
        revision: 0,
    })
}

fn liveness_of(name: &str, l: FileLiveness) -> Result<Liveness, String> {
    let probes = [l.exec.is_some(), l.http.is_some(), l.tcp.is_some()].iter().filter(|b| **b).count();
    if probes != 1 {
        return Err(format!("workload {name:?}: [workload.liveness] needs exactly one of exec, http or tcp"));
    }
    let probe = if let Some(cmd) = l.exec {
        liveness::Probe::Exec(ExecProbe { command: cmd })
    } else if let Some(url) = l.http {
        liveness::Probe::Http(url)
    } else {
        let port = l.tcp.unwrap_or(0);
        if !(1..=65535).contains(&port) {
            return Err(format!("workload {name:?}: liveness tcp port {port} must be 1-65535"));
        }
        liveness::Probe::Tcp(port as u32)
    };
    let period = match l.period.as_deref() {
        None => 10_000,
        Some(p) => parse_duration(p).map_err(|e| format!("workload {name:?}: liveness period: {e}"))?.as_millis(),
    };
    let period_ms = u32::try_from(period).map_err(|_| format!("workload {name:?}: liveness period is too long"))?;
    let threshold = l.failure_threshold.unwrap_or(3);
    if !(1..=100).contains(&threshold) {
        return Err(format!("workload {name:?}: liveness failure_threshold {threshold} must be 1-100"));
    }
    Ok(Liveness { probe: Some(probe), period_ms, failure_threshold: threshold as u32 })
}

/// Parses `64MiB`, `1GiB`, `512KiB`, `100MB`, or a number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("memory {s:?} is not a size (use e.g. 64MiB, 1GiB)"))?;
    let mult: u64 = match unit.trim() {
        "" | "B" => 1,
        "KiB" | "K" | "k" => 1 << 10,
        "MiB" | "M" | "m" => 1 << 20,
        "GiB" | "G" | "g" => 1 << 30,
        "KB" => 1000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        u => return Err(format!("memory {s:?} has an unknown unit {u:?} (use KiB, MiB or GiB)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("memory {s:?} is too large"))
}

/// A port mapping `host:container`.
pub fn parse_port(p: &str) -> Option<(u16, u16)> {
    let (h, c) = p.split_once(':')?;
    let h: u16 = h.parse().ok()?;
    let c: u16 = c.parse().ok()?;
    (h > 0 && c > 0).then_some((h, c))
}

/// Splits `NAME:condition` (a bare name means `running`).
pub fn parse_after(a: &str) -> (&str, &str) {
    a.split_once(':').unwrap_or((a, "running"))
}

/// Checks one spec on its own.
pub fn validate_spec(w: &WorkloadSpec) -> Result<(), WorkloadError> {
    let n = w.name.as_str();
    if validate_node_name(n).is_err() {
        return Err(invalid(
            n,
            "invalid name: use 1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
        ));
    }
    if w.image.trim().is_empty() || w.image.chars().any(char::is_whitespace) {
        return Err(invalid(n, format!("image {:?} is not an image reference", w.image)));
    }
    if !RESTART_POLICIES.contains(&w.restart.as_str()) {
        return Err(invalid(n, format!("restart {:?} must be one of {}", w.restart, RESTART_POLICIES.join(", "))));
    }
    let mut hosts = HashSet::new();
    for p in &w.ports {
        let Some((h, _)) = parse_port(p) else {
            return Err(invalid(n, format!("port {p:?} must be HOST:CONTAINER with ports 1-65535, e.g. \"8080:80\"")));
        };
        if !hosts.insert(h) {
            return Err(invalid(n, format!("host port {h} is mapped twice")));
        }
    }
    for k in w.env.keys() {
        if k.is_empty() || k.contains('=') || k.contains('\0') {
            return Err(invalid(n, format!("env key {k:?} is not a variable name")));
        }
    }
    if !w.selector.is_empty() && !w.nodes.is_empty() {
        return Err(invalid(n, "give either selector or nodes, not both"));
    }
    if !w.selector.is_empty() {
        parse_selector(&w.selector).map_err(|e| invalid(n, e))?;
    }
    for node in &w.nodes {
        validate_node_name(node).map_err(|e| invalid(n, e.to_string()))?;
    }
    if w.count > 10_000 {
        return Err(invalid(n, format!("count {} must be between 1 and 10000", w.count)));
    }
    for a in &w.after {
        let (dep, cond) = parse_after(a);
        if !AFTER_CONDITIONS.contains(&cond) {
            return Err(invalid(n, format!("after {a:?}: condition must be one of {}", AFTER_CONDITIONS.join(", "))));
        }
        if dep == n {
            return Err(WorkloadError::Cycle(format!("{n} -> {n}")));
        }
    }
    if w.memory_bytes != 0 && !(MIN_MEMORY..=MAX_MEMORY).contains(&w.memory_bytes) {
        return Err(invalid(n, format!("memory {} bytes must be between 6MiB and 1TiB", w.memory_bytes)));
    }
    if f64::from(w.millicpus) > MAX_CPUS * 1000.0 {
        return Err(invalid(n, format!("cpus {} must be at most {MAX_CPUS}", f64::from(w.millicpus) / 1000.0)));
    }
    if let Some(l) = &w.liveness {
        match &l.probe {
            Some(liveness::Probe::Http(u)) if !u.starts_with("http://") => {
                return Err(invalid(n, format!("liveness http {u:?} must be an http:// URL")));
            }
            Some(liveness::Probe::Exec(e)) if e.command.is_empty() => {
                return Err(invalid(n, "liveness exec needs a command"));
            }
            None => return Err(invalid(n, "liveness needs one of exec, http or tcp")),
            _ => {}
        }
        if l.period_ms < 100 {
            return Err(invalid(n, "liveness period must be at least 100ms"));
        }
    }
    Ok(())
}

/// Checks a whole set (what is applied plus what is already stored):
/// each spec, unique names, known `after` targets, and no cycles.
pub fn validate_set(set: &[&WorkloadSpec]) -> Result<(), WorkloadError> {
    let mut names = HashSet::new();
    for w in set {
        validate_spec(w)?;
        if !names.insert(w.name.as_str()) {
            return Err(invalid(&w.name, "defined twice"));
        }
    }
    for w in set {
        for a in &w.after {
            let (dep, _) = parse_after(a);
            if !names.contains(dep) {
                return Err(invalid(&w.name, format!("after {a:?} names an unknown workload {dep:?}")));
            }
        }
    }
    if let Some(cycle) = find_cycle(set) {
        return Err(WorkloadError::Cycle(cycle.join(" -> ")));
    }
    Ok(())
}

/// A cycle in the `after` graph, as the names along it (first repeated last).
pub fn find_cycle(set: &[&WorkloadSpec]) -> Option<Vec<String>> {
    let deps: HashMap<&str, Vec<&str>> =
        set.iter().map(|w| (w.name.as_str(), w.after.iter().map(|a| parse_after(a).0).collect())).collect();
    // 0 unvisited, 1 on the path, 2 done.
    let mut mark: HashMap<&str, u8> = HashMap::new();
    let mut sorted: Vec<&str> = deps.keys().copied().collect();
    sorted.sort_unstable();
    fn visit<'a>(
        n: &'a str,
        deps: &HashMap<&'a str, Vec<&'a str>>,
        mark: &mut HashMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match mark.get(n).copied().unwrap_or(0) {
            2 => return None,
            1 => {
                let start = path.iter().position(|p| *p == n).unwrap_or(0);
                let mut c: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                c.push(n.to_string());
                return Some(c);
            }
            _ => {}
        }
        mark.insert(n, 1);
        path.push(n);
        for d in deps.get(n).map(Vec::as_slice).unwrap_or_default() {
            if deps.contains_key(d)
                && let Some(c) = visit(d, deps, mark, path)
            {
                return Some(c);
            }
        }
        path.pop();
        mark.insert(n, 2);
        None
    }
    for n in sorted {
        let mut path = Vec::new();
        if let Some(c) = visit(n, &deps, &mut mark, &mut path) {
            return Some(c);
        }
    }
    None
}

/// One requirement of a placement selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    /// `None`: the label must exist.
    pub value: Option<String>,
    pub negate: bool,
}

/// Parses `k=v,k2!=v2,k3` into requirements (all must hold).
pub fn parse_selector(s: &str) -> Result<Vec<Requirement>, String> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim) {
        let (key, value, negate) = if let Some((k, v)) = part.split_once("!=") {
            (k, Some(v), true)
        } else if let Some((k, v)) = part.split_once('=') {
            (k, Some(v), false)
        } else {
            (part, None, false)
        };
        let key = key.trim();
        if key.is_empty() || key.len() > 63 || key.contains(char::is_whitespace) {
            return Err(format!("selector {s:?}: {key:?} is not a label key (use k=v, k!=v or k, joined by commas)"));
        }
        out.push(Requirement {
            key: key.to_string(),
            value: value.map(|v| v.trim().trim_start_matches('=').to_string()),
            negate,
        });
    }
    Ok(out)
}

/// Whether labels satisfy a selector's requirements.
pub fn selector_matches(reqs: &[Requirement], labels: &HashMap<String, String>) -> bool {
    reqs.iter().all(|r| {
        let got = labels.get(&r.key);
        let hit = match &r.value {
            None => got.is_some(),
            Some(v) => got == Some(v),
        };
        hit != r.negate
    })
}

#[cfg(test)]
#[path = "workload_tests.rs"]
mod tests;
