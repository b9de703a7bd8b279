//! The `piccolo-agent` binary: command line, logging, the current-thread
//! runtime (built here and nowhere else), signals and exit codes.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use piccolo_agent::cli::{self, Cli, RunArgs};
use piccolo_agent::config::AgentConfig;
use piccolo_common::config::EXIT_CONFIG;
use toml::Value;

fn flags(a: &RunArgs) -> toml::Table {
    let mut t = toml::Table::new();
    let pairs = [
        ("data_dir", a.data_dir.as_ref().map(|p| p.display().to_string())),
        ("master", a.master.clone()),
        ("token", a.token.clone()),
        ("ca_file", a.ca_file.clone()),
        ("ca_cert_hash", a.ca_cert_hash.clone()),
        ("name", a.name.clone()),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            t.insert(k.into(), Value::String(v));
        }
    }
    t
}

/// The one exit code for "a person must act": a configuration error, a
/// missing, malformed, unknown, expired or used-up token, a wrong CA pin, a
/// damaged identity, or this node's removal. Restarting cannot fix any of
/// them, so the unit stops on it (`RestartPreventExitStatus=64`); every other
/// failure exits 1 and is restarted.
const EXIT_NEEDS_PERSON: u8 = EXIT_CONFIG as u8;

/// The exit code for an error the daemon stopped on.
fn exit_code(e: &piccolo_agent::daemon::DaemonError) -> u8 {
    use piccolo_agent::daemon::DaemonError;
    match e {
        // The daemon retries unreachable masters itself; reaching here with
        // one means something else gave up: let systemd restart it.
        DaemonError::Enroll(e) if e.is_retryable() => 1,
        DaemonError::Enroll(_) | DaemonError::Identity(_) | DaemonError::Removed(_) => EXIT_NEEDS_PERSON,
    }
}

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os().skip(1)) {
        Ok(Cli::Run(args)) => args,
        Ok(Cli::Check(c)) => return check(c.config, c.data_dir, c.master, &c.output),
        Ok(Cli::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(cli::EXIT_USAGE);
        }
    };
    let cfg = match AgentConfig::load(args.config.as_deref(), flags(&args)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("piccolo-agent: {e}");
            return ExitCode::from(EXIT_NEEDS_PERSON);
        }
    };
    // Journald under systemd, daily files kept 7 days in log_dir, else stderr.
    let _log_guard = match piccolo_common::logging::init(&cfg.log, &cfg.log_dir, "piccolo-agent") {
        Ok(g) => g,
        Err(e) => {
            eprintln!("piccolo-agent: {e}");
            return ExitCode::from(EXIT_CONFIG as u8);
        }
    };
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("piccolo-agent: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = rt.block_on(async move {
        let (tx, rx) = tokio::sync::watch::channel(false);
        let daemon = tokio::spawn(piccolo_agent::daemon::run(cfg, rx));
        tokio::pin!(daemon);
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        let term_recv = async {
            match term.as_mut() {
                Some(t) => {
                    t.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            r = &mut daemon => return r,
            _ = term_recv => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        let _ = tx.send(true);
        // Clean shutdown is bounded: systemd expects us gone within 2 s.
        match tokio::time::timeout(Duration::from_millis(1500), daemon).await {
            Ok(r) => r,
            Err(_) => Ok(Ok(())),
        }
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            tracing::error!("{e}");
            eprintln!("piccolo-agent: {e}");
            ExitCode::from(exit_code(&e))
        }
        Err(e) => {
            eprintln!("piccolo-agent: internal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(config: Option<PathBuf>, data_dir: Option<PathBuf>, master: Option<String>, output: &str) -> ExitCode {
    let mut t = toml::Table::new();
    if let Some(d) = data_dir {
        t.insert("data_dir".into(), Value::String(d.display().to_string()));
    }
    if let Some(m) = master {
        t.insert("master".into(), Value::String(m));
    }
    let cfg = match AgentConfig::load_for_check(config.as_deref(), t) {
        Ok(mut c) => {
            // Asked to check a master: then reaching it is required.
            if !c.master.is_empty() && !c.required_checks.iter().any(|r| r == "master") {
                c.required_checks.push("master".into());
            }
            c
        }
        Err(e) => {
            eprintln!("piccolo-agent: {e}");
            return ExitCode::from(EXIT_CONFIG as u8);
        }
    };
    if output != "table" && output != "json" {
        eprintln!("piccolo-agent: -o takes table or json");
        return ExitCode::from(EXIT_CONFIG as u8);
    }
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("piccolo-agent: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let results = rt.block_on(piccolo_agent::checks::run_all(&cfg));
    if output == "json" {
        piccolo_common::out!("{}", piccolo_agent::checks::render_json(&results));
    } else {
        piccolo_common::out!("{}", piccolo_agent::checks::render_table(&results));
    }
    match piccolo_agent::checks::first_failure(&results) {
        Some(f) => {
            if output != "json" {
                eprintln!("piccolo-agent: required check {:?} failed: {}", f.name, f.detail);
            }
            ExitCode::FAILURE
        }
        None => ExitCode::SUCCESS,
    }
}
