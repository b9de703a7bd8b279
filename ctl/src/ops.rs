//! Operations commands: `backup`, `events` (list and `--watch`) and `log-level`.

use std::path::Path;

use piccolo_common::backup::unframe;
use piccolo_proto::{BackupArchive, BackupRequest, Event, ListEventsRequest, SetLogLevelRequest, WatchEventsRequest};
use prost::Message;
use tokio_stream::StreamExt;

use crate::client::Client;
use crate::{Failure, Format, output, print_json, rpc_err};

/// Streams a backup from the master, checks it, writes it 0600.
pub async fn backup(c: &mut Client, path: &Path) -> Result<(), Failure> {
    let mut stream = c.backup(BackupRequest {}).await.map_err(|s| rpc_err("backup", s))?.into_inner();
    let mut file = Vec::new();
    while let Some(chunk) = stream.next().await {
        file.extend_from_slice(&chunk.map_err(|s| rpc_err("backup", s))?.data);
    }
    let body = unframe(&file).map_err(|e| Failure(format!("backup: the master sent an unusable file: {e}"), 1))?;
    let a = BackupArchive::decode(body).map_err(|e| Failure(format!("backup: undecodable archive: {e}"), 1))?;
    piccolo_common::files::write_private(path, &file)
        .map_err(|e| Failure(format!("backup: cannot write {}: {e}", path.display()), 1))?;
    let count = |p: &str| a.entries.iter().filter(|e| e.key.starts_with(&format!("/piccolo/v1/{p}/"))).count();
    println!(
        "wrote {} ({} bytes): {} nodes, {} tokens, {} events, {} keys in all, from the {} store",
        path.display(),
        file.len(),
        count("nodes"),
        count("tokens"),
        count("events"),
        a.entries.len(),
        a.source_store
    );
    eprintln!(
        "piccoloctl: this file holds the cluster CA key: it is written mode 0600; keep it as secret as the master's data dir"
    );
    Ok(())
}

fn event_row(e: &Event) -> Vec<String> {
    vec![
        output::time(e.time_ms).unwrap_or_default(),
        e.node.clone(),
        e.kind.clone(),
        format!("{} -> {}", e.from().label(), e.to().label()),
        e.reason.clone(),
    ]
}

const HEADERS: [&str; 5] = ["TIME", "NODE", "KIND", "STATE", "REASON"];

/// `events`: the recent ones, or with `watch` the recent ones then every new one.
pub async fn events(
    c: &mut Client,
    node: Option<String>,
    types: Vec<String>,
    limit: u32,
    watch: bool,
    out: Format,
) -> Result<(), Failure> {
    let node = node.unwrap_or_default();
    if !watch {
        let events = c
            .list_events(ListEventsRequest { node, limit, types })
            .await
            .map_err(|s| rpc_err("events", s))?
            .into_inner()
            .events;
        match out {
            Format::Json => print_json(&serde_json::Value::Array(events.iter().map(output::event_json).collect())),
            _ => print!("{}", output::table(&HEADERS, &events.iter().map(event_row).collect::<Vec<_>>())),
        }
        return Ok(());
    }
    let mut stream = c
        .watch_events(WatchEventsRequest { node, types, recent: limit })
        .await
        .map_err(|s| rpc_err("events --watch", s))?
        .into_inner();
    if out != Format::Json {
        println!("{:<24} {:<20} {:<14} {:<26} REASON", HEADERS[0], HEADERS[1], HEADERS[2], HEADERS[3]);
    }
    while let Some(ev) = stream.next().await {
        let ev = ev.map_err(|s| rpc_err("events --watch", s))?;
        if out == Format::Json {
            // One JSON object per line, so scripts can read it as it comes.
            println!("{}", serde_json::to_string(&output::event_json(&ev)).unwrap_or_default());
        } else {
            let r = event_row(&ev);
            println!("{:<24} {:<20} {:<14} {:<26} {}", r[0], r[1], r[2], r[3], r[4]);
        }
    }
    Err(Failure("events --watch: the master closed the stream".into(), 1))
}

/// `log-level FILTER`.
pub async fn log_level(c: &mut Client, filter: String) -> Result<(), Failure> {
    let r = c.set_log_level(SetLogLevelRequest { filter }).await.map_err(|s| rpc_err("log-level", s))?.into_inner();
    println!("master log filter: {} (was {})", r.current, r.previous);
    Ok(())
}
