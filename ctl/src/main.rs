//! piccoloctl: the Piccolo admin CLI. Finds its credential with
//! `--admin-config FILE`, `PICCOLO_ADMIN_CONFIG` or a default path; prints
//! tables for people and `-o json|yaml|name` for scripts; exits non-zero with a
//! message saying what failed and whose side it is on.
//!
//! # Layout
//! - [`cli`]: the command line (clap); `main` dispatches it here.
//! - [`client`]: connecting (and reconnecting) with the admin credential.
//! - [`errors`]: turning a gRPC status into a message that blames the right part.
//! - [`format`], [`yaml`], [`output`], [`stream_table`]: printing.
//! - one module per noun: [`nodes`], [`containers`], [`tokens`], [`config_cmd`],
//!   [`rollout`], [`topology`], [`clusters`], [`ops`] (backup, events, log level),
//!   [`info`] (cluster-info, version, completion), [`console`].
#![forbid(unsafe_code)]

mod cli;
mod client;
mod clusters;
mod config_cmd;
mod config_flags;
mod console;
mod containers;
mod errors;
mod format;
mod info;
mod nodes;
mod ops;
mod output;
mod progress;
mod rollout;
mod selector;
mod stream_table;
mod tokens;
mod topology;
mod topology_file;
mod workloads;
mod yaml;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use cli::{
    ApplyArgs, Cli, Cmd, ConfigCmd, ConsoleCmd, CredentialCmd, DeleteWhat, DescribeWhat, EventsArgs, GetWhat, NodeCmd,
    TokenCmd, TopologyCmd, WatchWhat,
};
pub(crate) use errors::{Failure, rpc_err};
pub(crate) use format::Format;
use piccolo_common::{errln, outln};

/// Parses repeated `KEY=VALUE` flags.
fn parse_labels(raw: &[String]) -> Result<HashMap<String, String>, Failure> {
    raw.iter()
        .map(|l| {
            l.split_once('=')
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| Failure(format!("label {l:?} is not KEY=VALUE"), 2))
        })
        .collect()
}

/// The credential: the flag or variable, else the first default that exists.
fn admin_config(flag: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(p) = flag {
        return Ok(p);
    }
    let mut tried = Vec::new();
    let home = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(dir) = home {
        tried.push(dir.join("piccolo/admin.conf"));
    }
    tried.push(PathBuf::from("/var/lib/piccolo-master/admin.conf"));
    if let Some(p) = tried.iter().find(|p| std::fs::File::open(p).is_ok()) {
        return Ok(p.clone());
    }
    Err(Failure(
        format!(
            "no admin credential: pass --admin-config FILE or set PICCOLO_ADMIN_CONFIG (the master writes DATA_DIR/admin.conf); \
             none readable at {}",
            tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" or ")
        ),
        2,
    ))
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let timeout =
        piccolo_common::config::parse_duration(&cli.timeout).map_err(|e| Failure(format!("--timeout: {e}"), 2))?;
    // Commands that need no master, or no credential.
    match &cli.command {
        Cmd::Completion { shell } => {
            info::completion(*shell);
            return Ok(());
        }
        Cmd::Version { client: true, output } => return info::version(None, *output).await,
        _ => {}
    }
    let conn = client::Conn { path: admin_config(cli.admin_config)?, timeout };
    match &cli.command {
        Cmd::Console { action: ConsoleCmd::Token { name, ttl } } => {
            let ttl = piccolo_common::config::parse_duration(ttl).map_err(|e| Failure(format!("--ttl: {e}"), 2))?;
            let (token, url) = console::token(&conn.path, name, ttl, timeout).await.map_err(|e| Failure(e, 1))?;
            outln!("token: {token}\nconsole: {url}");
            return Ok(());
        }
        Cmd::Credential { action: CredentialCmd::Export { dir } } => {
            console::export(&conn.path, dir).map_err(|e| Failure(e, 1))?;
            outln!("wrote {0}/ca.crt, {0}/client.crt, {0}/client.key", dir.display());
            return Ok(());
        }
        Cmd::Version { output, .. } => return info::version(Some(&conn), *output).await,
        _ => {}
    }
    let mut c = conn.client().await.map_err(|e| Failure(e, 1))?;
    match cli.command {
        Cmd::Apply(ApplyArgs { file, dry_run, wait, wait_timeout, output }) => {
            let wait = if wait {
                Some(
                    piccolo_common::config::parse_duration(&wait_timeout)
                        .map_err(|e| Failure(format!("--wait-timeout: {e}"), 2))?,
                )
            } else {
                None
            };
            workloads::apply(&mut c, &file, dry_run, wait, output).await?;
        }
        Cmd::Get { what: GetWhat::Workloads { output } } => workloads::get(&mut c, output).await?,
        Cmd::Logs { target, tail, follow } => workloads::logs(&mut c, &target, tail, follow).await?,
        Cmd::Describe { what: DescribeWhat::Workload { name, output } } => {
            workloads::describe(&mut c, &name, output).await?
        }
        Cmd::Delete { what: DeleteWhat::Workload { name } } => workloads::delete(&mut c, &name).await?,
        Cmd::Node { action: NodeCmd::Drain { name, timeout } } => {
            let t =
                piccolo_common::config::parse_duration(&timeout).map_err(|e| Failure(format!("--timeout: {e}"), 2))?;
            workloads::drain(&mut c, &name, t).await?;
        }
        Cmd::Rollout { action, kind: _, name } => workloads::rollout(&mut c, &action, &name).await?,
        Cmd::Get { what: GetWhat::Nodes { names, output, watch, selector, group_by } } => {
            let q = nodes::Query { names: &names, selector: selector.as_deref(), group_by: group_by.as_deref() };
            nodes::get(&mut c, output, &q).await?;
            if watch {
                nodes::watch(&conn, c, output, false).await?;
            }
        }
        Cmd::Get { what: GetWhat::Containers { node, output } } => containers::get(&mut c, node, output).await?,
        Cmd::Get { what: GetWhat::Clusters { output } } => clusters::get(&mut c, output).await?,
        Cmd::Get { what: GetWhat::Topology { output } } => topology::get(&mut c, output).await?,
        Cmd::Container { action, target } => containers::act(&mut c, &action, &target).await?,
        Cmd::Config { action: ConfigCmd::Set { node, flags, clear } } => {
            config_cmd::set(&mut c, node.as_deref(), &flags, clear).await?
        }
        Cmd::Config { action: ConfigCmd::Status { output } } => config_cmd::status(&mut c, output).await?,
        Cmd::Config { action: ConfigCmd::Rollout { fields, pace } } => {
            rollout::start(&mut c, Some(&fields), &pace, 0).await?
        }
        Cmd::Config { action: ConfigCmd::Rollback { to_version, pace } } => {
            rollout::start(&mut c, None, &pace, to_version.unwrap_or(0)).await?
        }
        Cmd::Config { action: ConfigCmd::RolloutStatus { output } } => rollout::status(&mut c, output).await?,
        Cmd::Config { action: ConfigCmd::History { output } } => rollout::history(&mut c, output).await?,
        Cmd::Describe { what: DescribeWhat::Topology { output } } => topology::describe(&mut c, output).await?,
        Cmd::Describe { what: DescribeWhat::Node { name, output } } => nodes::describe(&mut c, &name, output).await?,
        Cmd::Topology { action: TopologyCmd::Apply(ApplyArgs { file, dry_run, wait, wait_timeout, output }) } => {
            let wait_timeout = piccolo_common::config::parse_duration(&wait_timeout)
                .map_err(|e| Failure(format!("--wait-timeout: {e}"), 2))?;
            topology::apply(&mut c, topology::ApplyOpts { file: &file, dry_run, wait, wait_timeout, output }).await?;
        }
        Cmd::Watch { what: WatchWhat::Nodes { output } } => nodes::watch(&conn, c, output, true).await?,
        Cmd::Token { action } => tokens::run(&mut c, action).await?,
        Cmd::Node { action } => nodes::act(&mut c, action).await?,
        Cmd::Events(EventsArgs { node, types, limit, watch, output })
        | Cmd::Get { what: GetWhat::Events(EventsArgs { node, types, limit, watch, output }) } => {
            ops::events(&conn, &mut c, node, types, limit, watch, output).await?;
        }
        Cmd::Get { what: GetWhat::Tokens { output } } => tokens::run(&mut c, TokenCmd::List { output }).await?,
        Cmd::Backup { output } => ops::backup(&mut c, &output).await?,
        Cmd::LogLevel { filter } => ops::log_level(&mut c, filter).await?,
        Cmd::ClusterInfo { output } => info::cluster_info(&mut c, output).await?,
        Cmd::Console { .. } | Cmd::Credential { .. } | Cmd::Version { .. } | Cmd::Completion { .. } => {}
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            errln!("piccoloctl: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg, code)) => {
            errln!("piccoloctl: {msg}");
            ExitCode::from(code)
        }
    }
}
