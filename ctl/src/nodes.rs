//! `piccoloctl get nodes`: filtered by a label selector, optionally grouped
//! by a label's value (e.g. zones of a distributed topology).

use std::collections::BTreeMap;

use piccolo_proto::GetNodesRequest;

use crate::client::Client;
use crate::selector::Selector;
use crate::{Failure, Format, output, print_json, rpc_err};

/// `get nodes [-l SELECTOR] [--group-by KEY]`.
pub async fn get(
    c: &mut Client,
    format: Format,
    selector: Option<&str>,
    group_by: Option<&str>,
) -> Result<(), Failure> {
    let sel = selector.map(Selector::parse).transpose().map_err(|e| Failure(e, 2))?;
    let mut nodes = c.get_nodes(GetNodesRequest {}).await.map_err(|s| rpc_err("get nodes", s))?.into_inner().nodes;
    if let Some(sel) = &sel {
        nodes.retain(|n| sel.matches(&n.labels));
    }
    let wide = format == Format::Wide;
    match (format, group_by) {
        (Format::Json, None) => print_json(&serde_json::Value::Array(nodes.iter().map(output::node_json).collect())),
        (Format::Json, Some(key)) => {
            let mut groups: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
            for n in &nodes {
                groups.entry(n.labels.get(key).cloned().unwrap_or_default()).or_default().push(output::node_json(n));
            }
            print_json(&serde_json::json!(groups));
        }
        (_, None) => print!("{}", output::nodes_table(&nodes, wide)),
        (_, Some(key)) => {
            let mut groups: BTreeMap<String, Vec<piccolo_proto::Node>> = BTreeMap::new();
            for n in nodes {
                groups.entry(n.labels.get(key).cloned().unwrap_or_default()).or_default().push(n);
            }
            let mut first = true;
            for (value, members) in groups {
                if !first {
                    println!();
                }
                first = false;
                let shown = if value.is_empty() { "(none)".to_string() } else { value };
                println!("{key}={shown} ({} node(s))", members.len());
                print!("{}", output::nodes_table(&members, wide));
            }
        }
    }
    Ok(())
}
