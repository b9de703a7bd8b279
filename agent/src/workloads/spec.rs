//! What a workload spec becomes in Podman: the container to create (labels,
//! ports with the network namespace they need, limits) and the start order
//! `after` gives.

use piccolo_proto::WorkloadSpec;

use crate::podman::ops::{
    CpuLimit, CreateSpec, LABEL_REVISION, LABEL_WORKLOAD, MemoryLimit, Namespace, PortMapping, ResourceLimits,
};

/// The container a workload runs as.
pub fn create_spec(w: &WorkloadSpec) -> CreateSpec {
    let labels = [(LABEL_WORKLOAD.to_string(), w.name.clone()), (LABEL_REVISION.to_string(), w.revision.to_string())]
        .into_iter()
        .collect();
    let portmappings: Vec<PortMapping> = w
        .ports
        .iter()
        .filter_map(|p| {
            let (h, c) = p.split_once(':')?;
            Some(PortMapping { host_port: h.parse().ok()?, container_port: c.parse().ok()?, protocol: "tcp".into() })
        })
        .collect();
    let memory = (w.memory_bytes > 0).then(|| MemoryLimit { limit: i64::try_from(w.memory_bytes).unwrap_or(i64::MAX) });
    let cpu = (w.millicpus > 0).then(|| CpuLimit { quota: i64::from(w.millicpus) * 100, period: 100_000 });
    let resource_limits = (memory.is_some() || cpu.is_some()).then_some(ResourceLimits { memory, cpu });
    // Published ports need a network namespace Podman forwards into (a
    // device's default may be `none` or `host`, where ports are ignored).
    let netns = (!portmappings.is_empty()).then(|| Namespace { nsmode: "bridge".into() });
    CreateSpec {
        name: w.name.clone(),
        image: w.image.clone(),
        command: w.command.clone(),
        env: w.env.clone(),
        labels,
        portmappings,
        resource_limits,
        stop_timeout: 2,
        netns,
    }
}

/// The workloads in `after` order (dependencies first); the master refuses
/// cycles, and anything left over keeps its place at the end.
pub fn order(ws: &[WorkloadSpec]) -> Vec<&WorkloadSpec> {
    let mut out: Vec<&WorkloadSpec> = Vec::with_capacity(ws.len());
    let mut left: Vec<&WorkloadSpec> = ws.iter().collect();
    while !left.is_empty() {
        let before = left.len();
        let mut i = 0;
        while i < left.len() {
            let ready = left[i].after.iter().all(|a| {
                let dep = a.split_once(':').map(|(d, _)| d).unwrap_or(a);
                out.iter().any(|o| o.name == dep) || !ws.iter().any(|w| w.name == dep)
            });
            if ready {
                out.push(left.remove(i));
            } else {
                i += 1;
            }
        }
        if left.len() == before {
            out.append(&mut left);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(name: &str, after: &[&str]) -> WorkloadSpec {
        WorkloadSpec { name: name.into(), after: after.iter().map(|s| s.to_string()).collect(), ..Default::default() }
    }

    #[test]
    fn dependencies_come_first() {
        let ws = vec![w("web", &["db:healthy"]), w("db", &["init:succeeded"]), w("init", &[])];
        let names: Vec<&str> = order(&ws).iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, vec!["init", "db", "web"]);
    }

    #[test]
    fn create_spec_labels_ports_and_limits() {
        let spec = WorkloadSpec {
            name: "web".into(),
            image: "i".into(),
            revision: 3,
            ports: vec!["8080:80".into()],
            memory_bytes: 64 << 20,
            millicpus: 500,
            ..Default::default()
        };
        let c = create_spec(&spec);
        assert_eq!(c.labels.get(LABEL_REVISION).map(String::as_str), Some("3"));
        assert_eq!(c.portmappings[0].host_port, 8080);
        let json = serde_json::to_value(&c).expect("json");
        assert_eq!(json["resource_limits"]["cpu"]["quota"], 50_000);
        assert_eq!(json["resource_limits"]["memory"]["limit"], 64 << 20);
        assert_eq!(json["netns"]["nsmode"], "bridge", "ports need a network namespace");
        assert!(serde_json::to_value(create_spec(&WorkloadSpec::default())).expect("json").get("netns").is_none());
    }
}
