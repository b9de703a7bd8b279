//! `piccoloctl config set|status`: the versioned agent config, cluster-wide or
//! per node, and where each node stands with it.

use piccolo_common::{out, outln};
use piccolo_proto::{GetConfigStatusRequest, SetConfigRequest};

use crate::client::Client;
use crate::config_flags::ConfigFlags;
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// `config set [--node NODE] FLAGS... [--clear]`.
pub async fn set(c: &mut Client, node: Option<&str>, flags: &ConfigFlags, clear: bool) -> Result<(), Failure> {
    if clear && node.is_none() {
        return Err(Failure("--clear needs --node".into(), 2));
    }
    let change = flags.change()?;
    if !clear && change.is_empty() {
        return Err(Failure(
            "config set: nothing to change: give at least one setting (see `piccoloctl config set --help`)".into(),
            2,
        ));
    }
    let r = c
        .set_config(SetConfigRequest {
            node: node.unwrap_or_default().to_string(),
            config: Some(change.config),
            clear_override: clear,
            unset: change.unset,
        })
        .await
        .map_err(|s| rpc_err("config set", s))?
        .into_inner();
    let v = r.config.map(|c| c.version).unwrap_or(0);
    outln!(
        "config version {v} set for {}; pushed to {} connected node(s)",
        node.unwrap_or("the cluster"),
        r.pushed_to.len()
    );
    Ok(())
}

/// `config status`.
pub async fn status(c: &mut Client, format: Format) -> Result<(), Failure> {
    let r = c.get_config_status(GetConfigStatusRequest {}).await.map_err(|s| rpc_err("config status", s))?.into_inner();
    if format.structured() {
        emit(
            format,
            "node",
            &serde_json::Value::Array(r.nodes.iter().map(crate::output::config_status_json).collect()),
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = r
        .nodes
        .iter()
        .map(|n| {
            let state = if !n.error.is_empty() && n.acked_version < n.desired_version {
                "rejected"
            } else if n.acked_version >= n.desired_version {
                "applied"
            } else if n.connected {
                "pending"
            } else {
                "offline"
            };
            vec![
                n.node.clone(),
                n.desired_version.to_string(),
                n.acked_version.to_string(),
                state.into(),
                if n.has_override { "yes".into() } else { "no".into() },
                n.error.clone(),
            ]
        })
        .collect();
    out!("{}", output::table(&["NODE", "DESIRED", "ACKED", "STATE", "OVERRIDE", "ERROR"], &rows));
    Ok(())
}
