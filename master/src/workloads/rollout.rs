//! Rolling updates (pure): a changed spec moves its nodes from the previous
//! revision to the new one `batch_size` nodes at a time. A batch is done when
//! every node in it runs the new revision and has been ready (healthy, or
//! running without a liveness check) for [`MIN_READY`]; the next batch then
//! starts. A batch not done within the timeout rolls the whole workload back
//! to the previous revision at once. Nodes that are offline when their turn
//! comes are counted done: they get the new revision when they return (the
//! config rollout treats offline nodes the same way).
//!
//! The state lives in the stored `WorkloadRecord`, so a master restart
//! continues a rollout where it was.

use piccolo_proto::WorkloadRollout;

/// Default time a batch may take.
pub const DEFAULT_TIMEOUT_MS: u32 = 5 * 60 * 1000;
/// How long a node must stay ready before its batch counts as healthy (a
/// container that crashes right after starting is not a good revision).
pub const MIN_READY_MS: i64 = 1000;

/// `rollout.state` values.
pub const RUNNING: &str = "running";
pub const SUCCEEDED: &str = "succeeded";
pub const ROLLED_BACK: &str = "rolled-back";

/// A new rollout from `from` to `to`.
pub fn start(from: u64, to: u64, batch_size: u32, timeout_ms: u32, now: i64) -> WorkloadRollout {
    WorkloadRollout {
        from_revision: from,
        to_revision: to,
        batch_size: batch_size.max(1),
        timeout_ms: if timeout_ms == 0 { DEFAULT_TIMEOUT_MS } else { timeout_ms },
        state: RUNNING.into(),
        started_at_ms: now,
        ..Default::default()
    }
}

/// Whether `node` should run the rollout's old revision now.
pub fn on_old_revision(r: Option<&WorkloadRollout>, node: &str) -> bool {
    r.is_some_and(|r| r.state == RUNNING && !r.done.iter().any(|n| n == node) && !r.batch.iter().any(|n| n == node))
}

/// What a node looks like to the gate.
pub trait Gate {
    /// Connected to this master (offline nodes are not waited for).
    fn connected(&self, node: &str) -> bool;
    /// Since when the node has been ready on `revision` (master time, ms).
    fn ready_since(&self, node: &str, revision: u64) -> Option<i64>;
    /// The node's state and reason, for a rollback message.
    fn describe(&self, node: &str) -> String;
}

/// One step a rollout took (each becomes an event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    BatchStarted { number: u32, nodes: Vec<String> },
    BatchReady { number: u32, nodes: Vec<String> },
    Offline { node: String },
    Succeeded,
    RolledBack { why: String },
}

/// Moves a running rollout on. `placed` are the workload's nodes now.
pub fn advance(r: &mut WorkloadRollout, placed: &[String], gate: &dyn Gate, now: i64) -> Vec<Step> {
    let mut steps = Vec::new();
    if r.state != RUNNING {
        return steps;
    }
    r.batch.retain(|n| placed.contains(n));
    r.done.retain(|n| placed.contains(n));
    if !r.batch.is_empty() {
        let ready = |n: &String| gate.ready_since(n, r.to_revision).is_some_and(|t| now - t >= MIN_READY_MS);
        if r.batch.iter().all(ready) {
            let nodes = std::mem::take(&mut r.batch);
            steps.push(Step::BatchReady { number: r.batches, nodes: nodes.clone() });
            r.done.extend(nodes);
        } else if now - r.batch_started_ms > i64::from(r.timeout_ms) {
            let late: Vec<String> =
                r.batch.iter().filter(|n| !ready(n)).map(|n| format!("{n}: {}", gate.describe(n))).collect();
            let why = format!(
                "batch {} not healthy within {} s ({}); back to revision {}",
                r.batches,
                r.timeout_ms / 1000,
                late.join("; "),
                r.from_revision
            );
            r.state = ROLLED_BACK.into();
            r.message = why.clone();
            r.batch.clear();
            r.finished_at_ms = now;
            steps.push(Step::RolledBack { why });
            return steps;
        } else {
            return steps;
        }
    }
    let mut next = Vec::new();
    let waiting: Vec<&String> = placed.iter().filter(|n| !r.done.contains(n)).collect();
    for n in waiting {
        if next.len() >= r.batch_size as usize {
            break;
        }
        if gate.connected(n) {
            next.push(n.clone());
        } else {
            r.done.push(n.clone());
            steps.push(Step::Offline { node: n.clone() });
        }
    }
    if next.is_empty() {
        r.state = SUCCEEDED.into();
        r.message = format!("every node on revision {}", r.to_revision);
        r.finished_at_ms = now;
        steps.push(Step::Succeeded);
    } else {
        r.batches += 1;
        r.batch_started_ms = now;
        r.batch = next.clone();
        r.message = format!("batch {} updating: {}", r.batches, next.join(", "));
        steps.push(Step::BatchStarted { number: r.batches, nodes: next });
    }
    steps
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[derive(Default)]
    struct G {
        offline: Vec<&'static str>,
        ready: HashMap<&'static str, i64>,
    }

    impl Gate for G {
        fn connected(&self, node: &str) -> bool {
            !self.offline.contains(&node)
        }
        fn ready_since(&self, node: &str, _: u64) -> Option<i64> {
            self.ready.get(node).copied()
        }
        fn describe(&self, _: &str) -> String {
            "Unhealthy".into()
        }
    }

    fn placed() -> Vec<String> {
        vec!["a".into(), "b".into(), "c".into()]
    }

    #[test]
    fn batches_go_one_after_another_when_healthy() {
        let mut r = start(1, 2, 2, 10_000, 0);
        let mut g = G::default();
        let s = advance(&mut r, &placed(), &g, 0);
        assert_eq!(s, vec![Step::BatchStarted { number: 1, nodes: vec!["a".into(), "b".into()] }]);
        assert!(!on_old_revision(Some(&r), "a") && on_old_revision(Some(&r), "c"));
        g.ready.insert("a", 100);
        assert!(advance(&mut r, &placed(), &g, 2000).is_empty(), "b is not ready yet");
        g.ready.insert("b", 1500);
        assert!(advance(&mut r, &placed(), &g, 2000).is_empty(), "b not ready for long enough");
        let s = advance(&mut r, &placed(), &g, 2600);
        assert_eq!(s[1], Step::BatchStarted { number: 2, nodes: vec!["c".into()] });
        g.ready.insert("c", 2600);
        let s = advance(&mut r, &placed(), &g, 4000);
        assert_eq!(s.last(), Some(&Step::Succeeded));
        assert_eq!(r.state, SUCCEEDED);
        assert!(!on_old_revision(Some(&r), "c"));
    }

    #[test]
    fn a_batch_late_past_the_timeout_rolls_back_and_later_nodes_are_untouched() {
        let mut r = start(4, 5, 1, 3000, 0);
        let g = G::default();
        advance(&mut r, &placed(), &g, 0);
        assert!(advance(&mut r, &placed(), &g, 3000).is_empty());
        let s = advance(&mut r, &placed(), &g, 3001);
        let Step::RolledBack { why } = &s[0] else { panic!("{s:?}") };
        assert!(why.contains("batch 1") && why.contains("a: Unhealthy") && why.contains("revision 4"), "{why}");
        assert_eq!(r.state, ROLLED_BACK);
        assert_eq!(r.done, Vec::<String>::new());
    }

    #[test]
    fn offline_nodes_are_not_waited_for() {
        let mut r = start(1, 2, 1, 1000, 0);
        let g = G { offline: vec!["a", "b", "c"], ..Default::default() };
        let s = advance(&mut r, &placed(), &g, 0);
        assert_eq!(s.len(), 4);
        assert_eq!(s.last(), Some(&Step::Succeeded));
    }
}
