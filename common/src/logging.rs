//! Where the master's and the agent's logs go and at what level, changeable
//! while they run (feature `logging`). Under systemd (`JOURNAL_STREAM` set)
//! records go to journald with their fields; otherwise, with `log_dir` set, to
//! files rotated daily and kept for 7 days; otherwise to stderr. The filter
//! sits behind a reload handle so the master's `piccoloctl log-level` (admin
//! RPC) and SIGHUP (re-reading the config file) change it without a restart.
//!
//! The filter is a [`Targets`] list (`info`, `info,piccolo_master=debug`):
//! the `target=level` directives a device needs, without `EnvFilter`'s span
//! and field matching, whose regex engine was ~0.5 MB of the agent binary.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, Registry, reload};

/// Rotated log files kept (one per day).
pub const KEEP_FILES: usize = 7;

/// Where records go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    Journald,
    Files(PathBuf),
    Stderr,
}

/// Journald under systemd, else files when a log dir is set, else stderr.
pub fn choose(journal_stream: bool, log_dir: &str) -> Sink {
    if journal_stream {
        Sink::Journald
    } else if !log_dir.is_empty() {
        Sink::Files(PathBuf::from(log_dir))
    } else {
        Sink::Stderr
    }
}

struct Reloader {
    handle: reload::Handle<Targets, Registry>,
    current: Mutex<String>,
}

static RELOADER: OnceLock<Reloader> = OnceLock::new();

/// Keeps the file writer's background thread alive; drop it last (it flushes).
#[cfg(feature = "log-files")]
pub struct Guard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);
#[cfg(not(feature = "log-files"))]
pub struct Guard(#[allow(dead_code)] Option<()>);

async fn stopped(rx: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = rx.wait_for(|s| *s).await;
}

type Boxed =
    Box<dyn Layer<tracing_subscriber::layer::Layered<reload::Layer<Targets, Registry>, Registry>> + Send + Sync>;

#[cfg(not(feature = "log-files"))]
fn file_layer(dir: &Path, _prefix: &str) -> Result<(Boxed, Guard), String> {
    Err(format!(
        "log_dir {}: this build has no log file support (built without the `log-files` feature); leave log_dir empty to log to stderr or journald",
        dir.display()
    ))
}

#[cfg(feature = "log-files")]
fn file_layer(dir: &Path, prefix: &str) -> Result<(Boxed, Guard), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("log_dir {}: cannot create it: {e}", dir.display()))?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(prefix)
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|e| format!("log_dir {}: {e}", dir.display()))?;
    // Lossy non-blocking writer: a slow disk drops lines instead of stalling the master.
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let layer = tracing_subscriber::fmt::layer().with_ansi(false).with_target(false).with_writer(writer);
    Ok((Box::new(layer), Guard(Some(guard))))
}

/// A filter: comma-separated `level` or `target=level` directives.
fn parse(filter: &str) -> Result<Targets, String> {
    filter.parse::<Targets>().map_err(|e| {
        format!("{e} (give a level: error, warn, info, debug, trace, off; or a list like info,piccolo_master=debug)")
    })
}

/// Installs the global subscriber. `PICCOLO_LOG` overrides `filter`.
pub fn init(filter: &str, log_dir: &str, file_prefix: &str) -> Result<Guard, String> {
    let wanted = std::env::var("PICCOLO_LOG").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| filter.to_string());
    let targets = parse(&wanted).map_err(|e| format!("log filter {wanted:?}: {e}"))?;
    let (filter_layer, handle) = reload::Layer::new(targets);
    let sink = choose(std::env::var_os("JOURNAL_STREAM").is_some(), log_dir);
    let (layer, guard): (Boxed, Guard) = match sink {
        Sink::Journald => match tracing_journald::layer() {
            Ok(l) => {
                // journalctl -p info shows info records (the crate's default maps info to notice).
                let mut prio = tracing_journald::PriorityMappings::new();
                prio.info = tracing_journald::Priority::Informational;
                prio.debug = tracing_journald::Priority::Debug;
                let l = l.with_syslog_identifier(file_prefix.to_string()).with_priority_mappings(prio);
                (Box::new(l), Guard(None))
            }
            // No journald socket after all: stderr still reaches the journal.
            Err(_) => (
                Box::new(tracing_subscriber::fmt::layer().with_ansi(false).with_target(false).without_time()),
                Guard(None),
            ),
        },
        Sink::Files(dir) => file_layer(&dir, file_prefix)?,
        Sink::Stderr => (
            Box::new(tracing_subscriber::fmt::layer().with_ansi(false).with_target(false).with_writer(std::io::stderr)),
            Guard(None),
        ),
    };
    tracing_subscriber::registry().with(filter_layer).with(layer).try_init().map_err(|e| e.to_string())?;
    let _ = RELOADER.set(Reloader { handle, current: Mutex::new(wanted) });
    Ok(guard)
}

/// Replaces the filter; returns (previous, current).
/// The filter in force now.
pub fn current_filter() -> Result<String, String> {
    let r = RELOADER.get().ok_or("logging is not initialised")?;
    Ok(r.current.lock().unwrap_or_else(|p| p.into_inner()).clone())
}

pub fn set_filter(filter: &str) -> Result<(String, String), String> {
    let filter = filter.trim();
    if filter.is_empty() {
        return Err("the log filter is empty: give a level (error, warn, info, debug, trace) or a directive list like info,piccolo_master=debug".into());
    }
    let new = parse(filter).map_err(|e| format!("{filter:?} is not a valid log filter: {e}"))?;
    let r = RELOADER.get().ok_or("logging is not initialised")?;
    r.handle.reload(new).map_err(|e| format!("cannot change the log filter: {e}"))?;
    let mut cur = r.current.lock().unwrap_or_else(|p| p.into_inner());
    let previous = std::mem::replace(&mut *cur, filter.to_string());
    Ok((previous, filter.to_string()))
}

/// On every SIGHUP, asks `reread` for the configured filter and applies it.
/// Ends when `shutdown` flips.
pub async fn reload_on_sighup(
    reread: impl Fn() -> Result<String, String> + Send + 'static,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
    loop {
        tokio::select! {
            r = hup.recv() => if r.is_none() { break },
            _ = stopped(&mut shutdown) => break,
        }
        match reread().and_then(|f| set_filter(&f)) {
            Ok((previous, current)) => {
                tracing::info!(%previous, %current, "SIGHUP: log filter re-read from the config (other settings need a restart)")
            }
            Err(e) => tracing::warn!(error = %e, "SIGHUP: config not re-read; the log filter is unchanged"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journald_under_systemd_else_files_else_stderr() {
        assert_eq!(choose(true, "/var/log/piccolo"), Sink::Journald);
        assert_eq!(choose(false, "/var/log/piccolo"), Sink::Files(PathBuf::from("/var/log/piccolo")));
        assert_eq!(choose(false, ""), Sink::Stderr);
    }

    #[test]
    fn filters_are_level_and_target_lists() {
        use tracing::Level;
        let t = parse("info,piccolo_master=debug").expect("valid");
        assert!(t.would_enable("piccolo_master::registry", &Level::DEBUG));
        assert!(!t.would_enable("h2::codec", &Level::DEBUG));
        assert!(t.would_enable("h2::codec", &Level::INFO));
        assert!(!parse("warn").expect("valid").would_enable("piccolo_agent", &Level::INFO));
        let e = parse("piccolo_master=loud").expect_err("bad level");
        assert!(e.contains("info,piccolo_master=debug"), "{e}");
    }

    #[cfg(feature = "log-files")]
    #[test]
    fn daily_files_are_pruned_to_seven() {
        let dir = tempfile::tempdir().expect("tmp");
        // Ten old daily files, as the appender names them.
        for d in 1..=10 {
            std::fs::write(dir.path().join(format!("piccolo-master.2026-01-{d:02}.log")), "x").expect("write");
        }
        let (_layer, guard) = file_layer(dir.path(), "piccolo-master").expect("layer");
        drop(guard);
        let logs = std::fs::read_dir(dir.path()).expect("dir").filter_map(Result::ok).count();
        assert!(logs <= KEEP_FILES, "{logs} files kept");
    }
}
