//! `piccoloctl get containers` and `piccoloctl container start|stop|restart NODE/NAME`.

use piccolo_common::{out, outln};
use piccolo_proto::{ContainerActionRequest, GetContainersRequest};

use crate::client::Client;
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// `get containers [--node NODE]`.
pub async fn get(c: &mut Client, node: Option<String>, format: Format) -> Result<(), Failure> {
    let nodes = c
        .get_containers(GetContainersRequest { node: node.unwrap_or_default() })
        .await
        .map_err(|s| rpc_err("get containers", s))?
        .into_inner()
        .nodes;
    if format.structured() {
        let mut all = Vec::new();
        for n in &nodes {
            for ct in &n.containers {
                let mut v = output::container_json(ct);
                v["node"] = serde_json::Value::String(n.node.clone());
                all.push(v);
            }
        }
        emit(format, "container", &serde_json::Value::Array(all));
    } else {
        out!("{}", output::containers_table(&nodes, format == Format::Wide));
    }
    Ok(())
}

/// `container ACTION NODE/NAME`.
pub async fn act(c: &mut Client, action: &str, target: &str) -> Result<(), Failure> {
    let (node, name) = target
        .split_once('/')
        .filter(|(n, c)| !n.is_empty() && !c.is_empty())
        .ok_or_else(|| Failure(format!("{target:?} is not NODE/NAME"), 2))?;
    let r = c
        .container_action(ContainerActionRequest { node: node.into(), container: name.into(), action: action.into() })
        .await
        .map_err(|s| rpc_err(&format!("container {action} {target}"), s))?
        .into_inner();
    outln!("{}", r.message);
    Ok(())
}
