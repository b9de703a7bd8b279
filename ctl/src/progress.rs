//! Following a config version out to a set of nodes: which applied it, which
//! rejected it (and why), which are offline (they get it when they return),
//! which have not answered yet. Used by `topology apply` (and rollouts).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use piccolo_proto::{GetConfigStatusRequest, NodeConfigStatus};
use serde_json::json;

use crate::client::Client;

/// Where one node stands with a config version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeProgress {
    Applied,
    Failed(String),
    Offline,
    Pending,
    /// No longer registered.
    Gone,
}

/// The outcome for a set of nodes.
#[derive(Default, Debug)]
pub struct Progress {
    pub nodes: BTreeMap<String, NodeProgress>,
}

/// The version a nack is about: the master records "version V: reason".
fn nacked_version(error: &str) -> Option<u64> {
    error.strip_prefix("version ")?.split(':').next()?.trim().parse().ok()
}

/// Classifies one node's status against `version`.
pub fn classify(s: Option<&NodeConfigStatus>, version: u64) -> NodeProgress {
    let Some(s) = s else { return NodeProgress::Gone };
    if s.acked_version >= version {
        NodeProgress::Applied
    } else if nacked_version(&s.error).is_some_and(|v| v >= version) {
        NodeProgress::Failed(s.error.clone())
    } else if !s.connected {
        NodeProgress::Offline
    } else {
        NodeProgress::Pending
    }
}

impl Progress {
    fn names(&self, want: fn(&NodeProgress) -> bool) -> Vec<String> {
        self.nodes.iter().filter(|(_, p)| want(p)).map(|(n, _)| n.clone()).collect()
    }

    pub fn failed(&self) -> Vec<(String, String)> {
        self.nodes
            .iter()
            .filter_map(|(n, p)| match p {
                NodeProgress::Failed(e) => Some((n.clone(), e.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn pending(&self) -> Vec<String> {
        self.names(|p| *p == NodeProgress::Pending)
    }

    /// A summary for people.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let list = |v: Vec<String>| if v.is_empty() { "-".to_string() } else { v.join(", ") };
        out.push_str(&format!("applied: {}\n", list(self.names(|p| *p == NodeProgress::Applied))));
        let failed = self.failed();
        if failed.is_empty() {
            out.push_str("failed: -\n");
        } else {
            out.push_str("failed:\n");
            for (n, e) in failed {
                out.push_str(&format!("  {n}: {e}\n"));
            }
        }
        let offline = self.names(|p| *p == NodeProgress::Offline);
        out.push_str(&format!("offline: {}", list(offline.clone())));
        out.push_str(if offline.is_empty() { "\n" } else { " (they apply it when they reconnect)\n" });
        let pending = self.pending();
        if !pending.is_empty() {
            out.push_str(&format!("no answer yet: {}\n", pending.join(", ")));
        }
        let gone = self.names(|p| *p == NodeProgress::Gone);
        if !gone.is_empty() {
            out.push_str(&format!("no longer registered: {}\n", gone.join(", ")));
        }
        out
    }

    /// The same as JSON.
    pub fn json(&self) -> serde_json::Value {
        json!({
            "applied": self.names(|p| *p == NodeProgress::Applied),
            "failed": self.failed().into_iter().map(|(n, e)| json!({"node": n, "error": e})).collect::<Vec<_>>(),
            "offline": self.names(|p| *p == NodeProgress::Offline),
            "pending": self.pending(),
            "gone": self.names(|p| *p == NodeProgress::Gone),
        })
    }
}

/// Current standing of `nodes` with `version`.
pub async fn snapshot(c: &mut Client, nodes: &[String], version: u64) -> Result<Progress, tonic::Status> {
    let status = c.get_config_status(GetConfigStatusRequest {}).await?.into_inner();
    let by_name: BTreeMap<&str, &NodeConfigStatus> = status.nodes.iter().map(|n| (n.node.as_str(), n)).collect();
    let nodes = nodes.iter().map(|n| (n.clone(), classify(by_name.get(n.as_str()).copied(), version))).collect();
    Ok(Progress { nodes })
}

/// Polls until no node is pending (or `timeout`); `report` sees each change.
pub async fn wait(
    c: &mut Client,
    nodes: &[String],
    version: u64,
    timeout: Duration,
    mut report: impl FnMut(&str, &NodeProgress),
) -> Result<Progress, tonic::Status> {
    let deadline = Instant::now() + timeout;
    let mut seen: BTreeMap<String, NodeProgress> = BTreeMap::new();
    loop {
        let p = snapshot(c, nodes, version).await?;
        for (n, s) in &p.nodes {
            if seen.get(n) != Some(s) {
                report(n, s);
                seen.insert(n.clone(), s.clone());
            }
        }
        if p.pending().is_empty() || Instant::now() >= deadline {
            return Ok(p);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(acked: u64, error: &str, connected: bool) -> NodeConfigStatus {
        NodeConfigStatus { acked_version: acked, error: error.into(), connected, ..Default::default() }
    }

    #[test]
    fn classification() {
        assert_eq!(classify(Some(&st(5, "", true)), 5), NodeProgress::Applied);
        assert_eq!(classify(Some(&st(4, "version 5: bad", true)), 5), NodeProgress::Failed("version 5: bad".into()));
        // An older nack says nothing about this version.
        assert_eq!(classify(Some(&st(3, "version 4: bad", true)), 5), NodeProgress::Pending);
        assert_eq!(classify(Some(&st(3, "", false)), 5), NodeProgress::Offline);
        assert_eq!(classify(None, 5), NodeProgress::Gone);
    }
}
