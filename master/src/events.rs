//! Which lifecycle events a reader asked for: by node and by type, where a
//! type is an event kind (`Enrolled`, `StateChanged`, `Removed`, ...) or the
//! state a transition went to (`NotReady`, `Ready`, ...), case-insensitive.
//! Used by `ListEvents`, `WatchEvents` and the alert hooks.

use piccolo_proto::{Event, NodeState};

/// Every kind of event the master records, with its one string form (the
/// `Event.kind` field, `--type`, hooks' `PICCOLO_EVENT_KIND`, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Enrolled,
    StateChanged,
    Removed,
    CertificateRevoked,
    ConfigApplied,
    ConfigRejected,
    Container,
    Offline,
    OfflineInterval,
    Restored,
    WorkloadPlaced,
    WorkloadMoved,
    WorkloadUnplaced,
    WorkloadStarted,
    WorkloadHealthy,
    WorkloadUnhealthy,
    WorkloadRestarted,
    WorkloadBackOff,
    WorkloadFailed,
    WorkloadRemoved,
    WorkloadRolloutBatch,
    WorkloadUpdated,
    WorkloadRolloutSucceeded,
    WorkloadRolledBack,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 24] = [
        EventKind::Enrolled,
        EventKind::StateChanged,
        EventKind::Removed,
        EventKind::CertificateRevoked,
        EventKind::ConfigApplied,
        EventKind::ConfigRejected,
        EventKind::Container,
        EventKind::Offline,
        EventKind::OfflineInterval,
        EventKind::Restored,
        EventKind::WorkloadPlaced,
        EventKind::WorkloadMoved,
        EventKind::WorkloadUnplaced,
        EventKind::WorkloadStarted,
        EventKind::WorkloadHealthy,
        EventKind::WorkloadUnhealthy,
        EventKind::WorkloadRestarted,
        EventKind::WorkloadBackOff,
        EventKind::WorkloadFailed,
        EventKind::WorkloadRemoved,
        EventKind::WorkloadRolloutBatch,
        EventKind::WorkloadUpdated,
        EventKind::WorkloadRolloutSucceeded,
        EventKind::WorkloadRolledBack,
    ];

    /// The one spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Enrolled => "Enrolled",
            EventKind::StateChanged => "StateChanged",
            EventKind::Removed => "Removed",
            EventKind::CertificateRevoked => "CertificateRevoked",
            EventKind::ConfigApplied => "ConfigApplied",
            EventKind::ConfigRejected => "ConfigRejected",
            EventKind::Container => "Container",
            EventKind::Offline => "Offline",
            EventKind::OfflineInterval => "OfflineInterval",
            EventKind::Restored => "Restored",
            EventKind::WorkloadPlaced => "WorkloadPlaced",
            EventKind::WorkloadMoved => "WorkloadMoved",
            EventKind::WorkloadUnplaced => "WorkloadUnplaced",
            EventKind::WorkloadStarted => "WorkloadStarted",
            EventKind::WorkloadHealthy => "WorkloadHealthy",
            EventKind::WorkloadUnhealthy => "WorkloadUnhealthy",
            EventKind::WorkloadRestarted => "WorkloadRestarted",
            EventKind::WorkloadBackOff => "WorkloadBackOff",
            EventKind::WorkloadFailed => "WorkloadFailed",
            EventKind::WorkloadRemoved => "WorkloadRemoved",
            EventKind::WorkloadRolloutBatch => "WorkloadRolloutBatch",
            EventKind::WorkloadUpdated => "WorkloadUpdated",
            EventKind::WorkloadRolloutSucceeded => "WorkloadRolloutSucceeded",
            EventKind::WorkloadRolledBack => "WorkloadRolledBack",
        }
    }

    /// The kind an event's string names, if any (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<EventKind> for String {
    fn from(k: EventKind) -> Self {
        k.as_str().to_string()
    }
}

/// A node and type filter; empty parts match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub node: String,
    pub types: Vec<String>,
}

/// The type names an event answers to: its kind and, for a transition, the target state.
pub fn type_names(ev: &Event) -> [&str; 2] {
    let to = if ev.to != 0 { NodeState::try_from(ev.to).map(|s| s.label()).unwrap_or("") } else { "" };
    [ev.kind.as_str(), to]
}

/// Refuses types no event has (a reason such as `Cordoned`, a typo), listing
/// the valid ones; a filter on them would silently match nothing.
pub fn check_types(types: &[String]) -> Result<(), String> {
    let bad: Vec<&String> =
        types.iter().filter(|t| !t.is_empty() && !piccolo_proto::event_kinds::is_event_type(t)).collect();
    if bad.is_empty() {
        return Ok(());
    }
    Err(format!(
        "unknown event type(s) {}: use an event kind or a node state: {}",
        bad.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>().join(", "),
        piccolo_proto::event_kinds::event_types().join(", ")
    ))
}

impl EventFilter {
    pub fn new(node: &str, types: &[String]) -> Self {
        Self { node: node.to_string(), types: types.iter().filter(|t| !t.is_empty()).cloned().collect() }
    }

    pub fn matches(&self, ev: &Event) -> bool {
        if !self.node.is_empty() && ev.node != self.node {
            return false;
        }
        if self.types.is_empty() {
            return true;
        }
        let names = type_names(ev);
        self.types.iter().any(|t| names.iter().any(|n| !n.is_empty() && n.eq_ignore_ascii_case(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(node: &str, kind: &str, to: NodeState) -> Event {
        Event { node: node.into(), kind: kind.into(), to: to as i32, ..Default::default() }
    }

    #[test]
    fn kinds_have_one_spelling_each() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(EventKind::parse(&k.as_str().to_lowercase()), Some(k));
        }
        assert_eq!(EventKind::parse("Cordoned"), None, "a reason is not a kind");
        // The list the CLI checks `events --type` against is this enum, in order.
        let listed: Vec<&str> = piccolo_proto::event_kinds::EVENT_KINDS.iter().map(|(k, _)| *k).collect();
        let ours: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(listed, ours);
    }

    #[test]
    fn filters_by_node_kind_and_target_state() {
        let not_ready = ev("a", "StateChanged", NodeState::NotReady);
        let enrolled = ev("b", "Enrolled", NodeState::Ready);
        assert!(EventFilter::default().matches(&not_ready));
        assert!(EventFilter::new("a", &[]).matches(&not_ready));
        assert!(!EventFilter::new("b", &[]).matches(&not_ready));
        let f = EventFilter::new("", &["notready".into()]);
        assert!(f.matches(&not_ready));
        assert!(!f.matches(&enrolled));
        assert!(EventFilter::new("", &["Enrolled".into()]).matches(&enrolled));
        assert!(EventFilter::new("", &["StateChanged".into()]).matches(&not_ready));
        assert!(!EventFilter::new("", &["Removed".into()]).matches(&enrolled));
    }
}
