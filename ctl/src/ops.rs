//! Operations commands: `backup`, `events` (list and `--watch`) and `log-level`.

use piccolo_common::{errln, out, outln};
use std::path::Path;

use piccolo_common::backup::unframe;
use piccolo_common::events::Seen;
use piccolo_proto::{BackupArchive, BackupRequest, Event, ListEventsRequest, SetLogLevelRequest, WatchEventsRequest};
use prost::Message;
use tokio_stream::StreamExt;

use crate::client::{Client, Conn};
use crate::format::{emit, emit_item};
use crate::stream_table::StreamTable;
use crate::{Failure, Format, output, rpc_err};

/// Streams a backup from the master, checks it, writes it 0600.
pub async fn backup(c: &mut Client, path: &Path) -> Result<(), Failure> {
    let mut stream = c.backup(BackupRequest {}).await.map_err(|s| rpc_err("backup", s))?.into_inner();
    let mut file = Vec::new();
    while let Some(chunk) = stream.next().await {
        file.extend_from_slice(&chunk.map_err(|s| rpc_err("backup", s))?.data);
    }
    let body = unframe(&file).map_err(|e| Failure(format!("backup: the master sent an unusable file: {e}"), 1))?;
    let a = BackupArchive::decode(body).map_err(|e| Failure(format!("backup: undecodable archive: {e}"), 1))?;
    let count = |p: &str| a.entries.iter().filter(|e| e.key.starts_with(&format!("/piccolo/v1/{p}/"))).count();
    if path == Path::new("-") {
        // `-o -`: the file on stdout (for a pipe into gpg, ssh, ...); the summary on stderr.
        piccolo_common::stdout::write_bytes(&file);
        errln!(
            "piccoloctl: wrote the backup ({} bytes) to stdout: {} nodes, {} tokens, {} events; it holds the cluster CA key",
            file.len(),
            count("nodes"),
            count("tokens"),
            count("events")
        );
        return Ok(());
    }
    piccolo_common::files::write_private(path, &file)
        .map_err(|e| Failure(format!("backup: cannot write {}: {e}", path.display()), 1))?;
    outln!(
        "wrote {} ({} bytes): {} nodes, {} tokens, {} events, {} keys in all, from the {} store",
        path.display(),
        file.len(),
        count("nodes"),
        count("tokens"),
        count("events"),
        a.entries.len(),
        a.source_store
    );
    errln!(
        "piccoloctl: this file holds the cluster CA key: it is written mode 0600; keep it as secret as the master's data dir"
    );
    Ok(())
}

fn event_row(e: &Event) -> Vec<String> {
    vec![
        output::time(e.time_ms).unwrap_or_default(),
        if e.node.is_empty() { "(cluster)".into() } else { e.node.clone() },
        e.kind.clone(),
        output::transition(e),
        e.reason.clone(),
    ]
}

const HEADERS: [&str; 5] = ["TIME", "NODE", "KIND", "STATE", "REASON"];

/// Refuses `--type` values that match no event, listing the valid ones.
fn check_types(types: &[String]) -> Result<(), Failure> {
    let bad: Vec<&String> = types.iter().filter(|t| !piccolo_proto::event_kinds::is_event_type(t)).collect();
    if bad.is_empty() {
        return Ok(());
    }
    Err(Failure(
        format!(
            "--type {}: no event has this type; valid types are the event kinds and the node states: {}",
            bad.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>().join(", "),
            piccolo_proto::event_kinds::event_types().join(", ")
        ),
        2,
    ))
}

/// `events`: the recent ones, or with `watch` the recent ones then every new
/// one, reconnecting (and resuming after the last one shown) when the master
/// restarts.
pub async fn events(
    conn: &Conn,
    c: &mut Client,
    node: Option<String>,
    types: Vec<String>,
    limit: u32,
    watch: bool,
    out: Format,
) -> Result<(), Failure> {
    check_types(&types)?;
    let node = node.unwrap_or_default();
    if !watch {
        let events = c
            .list_events(ListEventsRequest { node, limit, types })
            .await
            .map_err(|s| rpc_err("events", s))?
            .into_inner()
            .events;
        match out {
            f if f.structured() => {
                emit(f, "event", &serde_json::Value::Array(events.iter().map(output::event_json).collect()))
            }
            _ => out!("{}", output::table(&HEADERS, &events.iter().map(event_row).collect::<Vec<_>>())),
        }
        return Ok(());
    }
    let mut table = StreamTable::new(&HEADERS, &[24, 12, 12, 20]);
    if !out.structured() {
        outln!("{}", table.line(&HEADERS));
    }
    // Each event shown once, by its identity: among several masters a
    // number may repeat, and another master's event may come numbered below
    // one already shown. After a reconnect (to this master restarted, or to
    // another) the history asked for covers the gap; what was shown, and
    // what is older than anything shown or than the watch itself, is skipped.
    let mut seen = Seen::new(4 * RESUME_HISTORY as usize);
    let mut floor_ms = piccolo_common::time::now_ms();
    let mut first = true;
    loop {
        let recent = if first { limit } else { RESUME_HISTORY };
        let req = WatchEventsRequest { node: node.clone(), types: types.clone(), recent };
        let why = match c.watch_events(req).await {
            Err(s) if first => return Err(rpc_err("events --watch", s)),
            Err(s) => s.message().to_string(),
            Ok(stream) => {
                let resumed = !std::mem::replace(&mut first, false);
                let mut stream = stream.into_inner();
                loop {
                    match stream.next().await {
                        Some(Ok(ev)) if !(resumed && ev.time_ms < floor_ms) && seen.first_time(&ev) => {
                            floor_ms = floor_ms.min(ev.time_ms);
                            if out.structured() {
                                // One JSON object per line (or YAML document), so scripts can read it as it comes.
                                emit_item(out, "event", &output::event_json(&ev));
                            } else {
                                outln!("{}", table.line(&event_row(&ev)));
                            }
                        }
                        Some(Ok(_)) => {}
                        Some(Err(s)) => break s.message().to_string(),
                        None => break "the stream ended".to_string(),
                    }
                }
            }
        };
        *c = conn.reconnect("events --watch", &why).await;
    }
}

/// Events asked for again after a reconnect, to fill the gap.
const RESUME_HISTORY: u32 = 1000;

/// `log-level [FILTER]`: without a filter, shows the one in force.
pub async fn log_level(c: &mut Client, filter: Option<String>) -> Result<(), Failure> {
    let show = filter.is_none();
    let filter = filter.unwrap_or_default();
    if !show && filter.trim().is_empty() {
        return Err(Failure("log-level: the filter is empty; give e.g. info or info,piccolo_master=debug".into(), 2));
    }
    let r = c.set_log_level(SetLogLevelRequest { filter }).await.map_err(|s| rpc_err("log-level", s))?.into_inner();
    if show {
        outln!("master log filter: {}", r.current);
    } else {
        outln!("master log filter: {} (was {})", r.current, r.previous);
    }
    Ok(())
}
