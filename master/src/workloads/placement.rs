//! Placement (pure): which nodes a workload runs on. `nodes` pins by name,
//! `selector` by labels; without `count` a workload runs on every matching
//! node, with `count` on that many Ready, uncordoned matching nodes, spread
//! across `zone` labels, fewest workloads first. Count-placed replicas stay
//! where they are while their node is Ready, and move when it has been
//! NotReady longer than `reschedule_after` (or is gone, cordoned, or no
//! longer matches).

use std::collections::{BTreeSet, HashMap};

use piccolo_common::workload::{parse_selector, selector_matches};
use piccolo_proto::{Node, NodeState, WorkloadSpec};

/// Cordoned nodes run no workloads: `node drain` is a cordon, and
/// uncordoning lets the workloads back.
fn runs_workloads(n: &Node) -> bool {
    !n.cordoned && n.state() != NodeState::Terminating && n.state() != NodeState::Maintenance
}

/// Whether a node matches a workload's pins (state aside).
pub fn matches(w: &WorkloadSpec, n: &Node) -> bool {
    if !w.nodes.is_empty() {
        return w.nodes.contains(&n.name);
    }
    if w.selector.is_empty() {
        return true;
    }
    parse_selector(&w.selector).map(|r| selector_matches(&r, &n.labels)).unwrap_or(false)
}

/// The outcome for one workload.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placed {
    pub nodes: Vec<String>,
    /// Why fewer nodes than wanted were found.
    pub pending_reason: String,
}

/// Places one workload. `current` is where its replicas are now; `load` is
/// how many workloads each node already has (updated with the choice);
/// `overdue` says whether a NotReady node has been away longer than
/// `reschedule_after`.
pub fn place(
    w: &WorkloadSpec,
    nodes: &[Node],
    current: &[String],
    load: &mut HashMap<String, usize>,
    overdue: &dyn Fn(&Node) -> bool,
) -> Placed {
    let matching: Vec<&Node> = nodes.iter().filter(|n| matches(w, n)).collect();
    if w.count == 0 {
        let chosen: Vec<String> = matching.iter().filter(|n| runs_workloads(n)).map(|n| n.name.clone()).collect();
        let pending_reason = if chosen.is_empty() { no_match(w, &matching) } else { String::new() };
        for n in &chosen {
            *load.entry(n.clone()).or_default() += 1;
        }
        return Placed { nodes: chosen, pending_reason };
    }
    let by_name: HashMap<&str, &Node> = matching.iter().map(|n| (n.name.as_str(), *n)).collect();
    // Keep replicas whose node still qualifies and is not overdue.
    let mut kept: Vec<String> = current
        .iter()
        .filter(|c| by_name.get(c.as_str()).is_some_and(|n| runs_workloads(n) && !overdue(n)))
        .cloned()
        .collect();
    kept.truncate(w.count as usize);
    let mut taken: BTreeSet<String> = kept.iter().cloned().collect();
    let zone = |n: &Node| n.labels.get("zone").cloned().unwrap_or_default();
    while kept.len() < w.count as usize {
        let mut per_zone: HashMap<String, usize> = HashMap::new();
        for k in &kept {
            if let Some(n) = by_name.get(k.as_str()) {
                *per_zone.entry(zone(n)).or_default() += 1;
            }
        }
        let best = matching
            .iter()
            .filter(|n| runs_workloads(n) && n.state() == NodeState::Ready && !taken.contains(&n.name))
            .min_by_key(|n| {
                (per_zone.get(&zone(n)).copied().unwrap_or(0), load.get(&n.name).copied().unwrap_or(0), n.name.clone())
            });
        let Some(best) = best else { break };
        taken.insert(best.name.clone());
        kept.push(best.name.clone());
        *load.entry(best.name.clone()).or_default() += 1;
    }
    let pending_reason = if kept.len() < w.count as usize {
        if kept.is_empty() && matching.is_empty() {
            no_match(w, &matching)
        } else {
            format!("{} of {} replicas placed: not enough Ready, uncordoned matching nodes", kept.len(), w.count)
        }
    } else {
        String::new()
    };
    Placed { nodes: kept, pending_reason }
}

fn no_match(w: &WorkloadSpec, matching: &[&Node]) -> String {
    if !matching.is_empty() {
        return "every matching node is cordoned".into();
    }
    if !w.nodes.is_empty() {
        format!("no node named {}", w.nodes.join(", "))
    } else if !w.selector.is_empty() {
        format!("selector {:?} matches no node", w.selector)
    } else {
        "no nodes in the cluster".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, zone: &str, state: NodeState) -> Node {
        Node {
            name: name.into(),
            state: state as i32,
            labels: [("zone".to_string(), zone.to_string())].into(),
            ..Default::default()
        }
    }

    #[test]
    fn count_spreads_across_zones_and_sticks() {
        let nodes = vec![
            node("a1", "a", NodeState::Ready),
            node("a2", "a", NodeState::Ready),
            node("b1", "b", NodeState::Ready),
        ];
        let w = WorkloadSpec { name: "web".into(), count: 2, ..Default::default() };
        let mut load = HashMap::new();
        let p = place(&w, &nodes, &[], &mut load, &|_| false);
        assert_eq!(p.nodes, vec!["a1", "b1"]);
        // Sticky: an existing placement on a2 is kept.
        let p = place(&w, &nodes, &["a2".into()], &mut HashMap::new(), &|_| false);
        assert_eq!(p.nodes, vec!["a2", "b1"]);
    }

    #[test]
    fn overdue_replicas_move_and_pins_report_no_match() {
        let mut nodes = vec![node("a1", "a", NodeState::NotReady), node("b1", "b", NodeState::Ready)];
        let w = WorkloadSpec { name: "db".into(), count: 1, ..Default::default() };
        let p = place(&w, &nodes, &["a1".into()], &mut HashMap::new(), &|_| false);
        assert_eq!(p.nodes, vec!["a1"], "not overdue yet: stays");
        let p = place(&w, &nodes, &["a1".into()], &mut HashMap::new(), &|n| n.name == "a1");
        assert_eq!(p.nodes, vec!["b1"]);
        nodes[1].cordoned = true;
        let p = place(&w, &nodes, &[], &mut HashMap::new(), &|_| false);
        assert!(p.nodes.is_empty() && !p.pending_reason.is_empty());
        let sel = WorkloadSpec { name: "x".into(), selector: "zone=c".into(), ..Default::default() };
        let p = place(&sel, &nodes, &[], &mut HashMap::new(), &|_| false);
        assert_eq!(p.pending_reason, "selector \"zone=c\" matches no node");
    }
}
