//! `piccoloctl config rollout|rollback|rollout-status|history`: batched
//! cluster-wide config changes that the master drives, followed until done.

use piccolo_common::{out, outln};
use std::time::Duration;

use clap::Args;
use piccolo_proto::{AgentConfig, GetRolloutRequest, ListConfigHistoryRequest, RolloutStatus, StartRolloutRequest};
use serde_json::json;

use crate::client::Client;
use crate::config_flags::{ConfigFlags, ms};
use crate::format::emit;
use crate::{Failure, Format, output, rpc_err};

/// How a rollout goes.
#[derive(Args)]
pub struct Pace {
    /// Nodes per batch: a count (2) or a percentage (25%); default all at once.
    #[arg(long)]
    batch: Option<String>,
    /// How long each batch may take to ack and be Ready.
    #[arg(long, default_value = "60s")]
    batch_timeout: String,
    /// Start it and return; follow with `config rollout-status`.
    #[arg(long)]
    no_wait: bool,
    #[arg(short, long, value_enum, default_value = "table")]
    output: Format,
}

/// `--batch 2` or `--batch 25%` -> (count, percent).
pub fn parse_batch(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("--batch {s:?}: use a node count (2) or a percentage (25%)");
    if let Some(p) = s.strip_suffix('%') {
        let p: u32 = p.trim().parse().map_err(|_| bad())?;
        if p == 0 || p > 100 {
            return Err(format!("--batch {s:?}: a percentage must be 1-100"));
        }
        Ok((0, p))
    } else {
        let n: u32 = s.trim().parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(format!("--batch {s:?}: at least one node per batch"));
        }
        Ok((n, 0))
    }
}

fn status_json(s: &RolloutStatus) -> serde_json::Value {
    json!({
        "id": s.id, "kind": s.kind, "state": s.state, "from_version": s.from_version, "to_version": s.to_version,
        "rolled_back_to_version": s.rolled_back_to_version, "message": s.message,
        "batches": s.batches.iter().map(|b| json!({"nodes": b.nodes, "state": b.state, "error": b.error, "offline": b.offline})).collect::<Vec<_>>(),
    })
}

fn batch_line(i: usize, n: usize, b: &piccolo_proto::RolloutBatch) -> String {
    let mut l = format!("batch {}/{} [{}]: {}", i + 1, n, b.nodes.join(", "), b.state);
    if !b.offline.is_empty() {
        l.push_str(&format!(" (offline, get it on return: {})", b.offline.join(", ")));
    }
    if !b.error.is_empty() {
        l.push_str(&format!(": {}", b.error));
    }
    l
}

/// Starts a rollout (or rollback) and follows it.
/// `fields`: a rollout of these settings; `None`: a rollback (to `to_version`, or
/// the master's choice: the last acknowledged version before the current one).
pub async fn start(c: &mut Client, fields: Option<&ConfigFlags>, pace: &Pace, to_version: u64) -> Result<(), Failure> {
    let (batch_count, batch_percent) =
        pace.batch.as_deref().map(parse_batch).transpose().map_err(|e| Failure(e, 2))?.unwrap_or((0, 0));
    let timeout = ms("batch-timeout", Some(&pace.batch_timeout))?;
    let change = fields.map(ConfigFlags::change).transpose()?;
    if change.as_ref().is_some_and(|c| c.is_empty()) {
        return Err(Failure(
            "config rollout: nothing to change: give at least one setting (see `piccoloctl config rollout --help`)"
                .into(),
            2,
        ));
    }
    let (config, unset) = match change {
        Some(c) => (Some(c.config), c.unset),
        None => (None, Vec::new()),
    };
    let what = if fields.is_some() { "config rollout" } else { "config rollback" };
    let s = c
        .start_rollout(StartRolloutRequest {
            rollback: fields.is_none(),
            config,
            batch_count,
            batch_percent,
            batch_timeout_ms: timeout,
            to_version,
            unset,
        })
        .await
        .map_err(|s| rpc_err(what, s))?
        .into_inner();
    let json = pace.output.structured();
    if !json {
        outln!(
            "{} {} started: version {} -> {} in {} batch(es)",
            s.kind,
            s.id,
            s.from_version,
            s.to_version,
            s.batches.len()
        );
    }
    if pace.no_wait {
        if json {
            emit(pace.output, "rollout", &status_json(&s));
        }
        return Ok(());
    }
    let id = s.id;
    let mut shown = vec![String::new(); s.batches.len()];
    loop {
        let s = c.get_rollout(GetRolloutRequest {}).await.map_err(|s| rpc_err(what, s))?.into_inner();
        if s.id != id {
            return Err(Failure(format!("{what}: another rollout ({}) replaced this one", s.id), 1));
        }
        if !json {
            for (i, b) in s.batches.iter().enumerate() {
                let line = batch_line(i, s.batches.len(), b);
                if b.state != "waiting" && shown.get(i) != Some(&line) {
                    outln!("  {line}");
                    if let Some(x) = shown.get_mut(i) {
                        *x = line;
                    }
                }
            }
        }
        if s.state != "running" {
            if json {
                emit(pace.output, "rollout", &status_json(&s));
            } else {
                outln!("{} {}: {}", s.kind, s.state, s.message);
            }
            return if s.state == "succeeded" {
                Ok(())
            } else {
                Err(Failure(format!("{what} {}: {}", s.state, s.message), 1))
            };
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// `config rollout-status`.
pub async fn status(c: &mut Client, format: Format) -> Result<(), Failure> {
    let s = c.get_rollout(GetRolloutRequest {}).await.map_err(|s| rpc_err("config rollout-status", s))?.into_inner();
    if format.structured() {
        emit(format, "rollout", &status_json(&s));
        return Ok(());
    }
    if s.state == "none" {
        outln!("no rollout since the master started");
        return Ok(());
    }
    outln!("{} {}: {} (version {} -> {})", s.kind, s.id, s.state, s.from_version, s.to_version);
    for (i, b) in s.batches.iter().enumerate() {
        outln!("  {}", batch_line(i, s.batches.len(), b));
    }
    if !s.message.is_empty() {
        outln!("{}", s.message);
    }
    Ok(())
}

/// `config history`.
pub async fn history(c: &mut Client, format: Format) -> Result<(), Failure> {
    let entries = c
        .list_config_history(ListConfigHistoryRequest {})
        .await
        .map_err(|s| rpc_err("config history", s))?
        .into_inner()
        .entries;
    let describe = |c: &AgentConfig| output::config_summary(c);
    if format.structured() {
        emit(format, "config", &json!(entries.iter().map(|e| json!({"version": e.version, "scope": if e.scope.is_empty() { "cluster" } else { e.scope.as_str() }, "acked": e.acked, "change": e.change, "time": output::time(e.time_ms), "by": e.by, "config": describe(&e.config.clone().unwrap_or_default())})).collect::<Vec<_>>()));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.version.to_string(),
                output::time(e.time_ms).unwrap_or_else(|| "-".into()),
                if e.scope.is_empty() { "cluster".into() } else { e.scope.clone() },
                e.change.clone(),
                if e.by.is_empty() { "-".into() } else { e.by.clone() },
                if e.acked { "yes".into() } else { "-".into() },
                describe(&e.config.clone().unwrap_or_default()),
            ]
        })
        .collect();
    out!("{}", output::table(&["VERSION", "TIME", "SCOPE", "CHANGE", "BY", "ACKED", "CONFIG"], &rows));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_flag() {
        assert_eq!(parse_batch("2"), Ok((2, 0)));
        assert_eq!(parse_batch("25%"), Ok((0, 25)));
        assert!(parse_batch("0").is_err());
        assert!(parse_batch("150%").is_err());
        assert!(parse_batch("half").is_err());
    }
}
