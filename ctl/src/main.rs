//! piccoloctl: the Piccolo admin CLI. Finds its credential with
//! `--admin-config FILE` or `PICCOLO_ADMIN_CONFIG`; prints tables for people and
//! `-o json` for scripts; exits non-zero with a message saying what failed.
#![forbid(unsafe_code)]

mod client;
mod clusters;
mod config_flags;
mod console;
mod nodes;
mod ops;
mod output;
mod progress;
mod rollout;
mod selector;
mod topology;
mod topology_file;
mod workloads;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use piccolo_proto::*;
use tokio_stream::StreamExt;
use tonic::Code;

#[derive(Parser)]
#[command(name = "piccoloctl", version, about = "Manage a Piccolo cluster")]
struct Cli {
    /// Admin credential file written by the master (DATA_DIR/admin.conf).
    #[arg(long, env = "PICCOLO_ADMIN_CONFIG", global = true)]
    admin_config: Option<PathBuf>,
    /// How long to wait for the master to answer a connection.
    #[arg(long, default_value = "5s", global = true)]
    timeout: String,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Table,
    Wide,
    Json,
}

#[derive(Subcommand)]
enum Cmd {
    /// List objects.
    Get {
        #[command(subcommand)]
        what: GetWhat,
    },
    /// Show one object in detail.
    Describe {
        #[command(subcommand)]
        what: DescribeWhat,
    },
    /// Follow changes as they happen.
    Watch {
        #[command(subcommand)]
        what: WatchWhat,
    },
    /// Bootstrap tokens.
    Token {
        #[command(subcommand)]
        action: TokenCmd,
    },
    /// Node lifecycle actions.
    Node {
        #[command(subcommand)]
        action: NodeCmd,
    },
    /// Lifecycle events, oldest first; --watch follows new ones.
    Events {
        /// Only this node's events.
        #[arg(long)]
        node: Option<String>,
        /// Only events of this type: a kind (Enrolled, StateChanged, Removed, ...) or a target state (NotReady, ...). Repeatable.
        #[arg(long = "type", short = 't')]
        types: Vec<String>,
        /// How many recent events (with --watch: shown before the live ones; 0 = none).
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// Keep running and print every new matching event.
        #[arg(long, short = 'w')]
        watch: bool,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Write a consistent snapshot of all cluster state and the CA to FILE (mode 0600; secret).
    Backup {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Change the master's log filter at runtime, e.g. `debug` or `info,piccolo_master=debug`.
    LogLevel { filter: String },
    /// Act on a container: start, stop or restart NODE/NAME (carried to the node's agent).
    Container {
        #[arg(value_parser = ["start", "stop", "restart"])]
        action: String,
        /// NODE/NAME
        target: String,
    },
    /// Versioned agent configuration pushed by the master.
    Config {
        #[command(subcommand)]
        action: ConfigCmd,
    },
    /// The read-only web console served by the master.
    Console {
        #[command(subcommand)]
        action: ConsoleCmd,
    },
    /// The admin credential file.
    Credential {
        #[command(subcommand)]
        action: CredentialCmd,
    },
    /// The cluster topology, applied from a version-controlled TOML file.
    Topology {
        #[command(subcommand)]
        action: TopologyCmd,
    },
    /// Apply workload files: validate everything, then store and place (see README "Workloads").
    Apply {
        /// A workload file (TOML, [[workload]] tables) or a directory of them.
        #[arg(short = 'f', long = "file")]
        file: PathBuf,
        /// Validate and show the placement; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Return when every placed replica runs and is healthy (or fail naming the node and reason).
        #[arg(long)]
        wait: bool,
        /// How long --wait waits.
        #[arg(long, default_value = "2m")]
        wait_timeout: String,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// A workload's output on one node (read on the device, carried over its session).
    Logs {
        /// NODE/WORKLOAD
        target: String,
        /// Only the last N lines (0: all).
        #[arg(long, default_value_t = 0)]
        tail: u32,
        /// Keep printing new output until interrupted.
        #[arg(long, short = 'f')]
        follow: bool,
    },
    /// Workload rollouts: `rollout status workload NAME`, `rollout undo workload NAME`.
    Rollout {
        #[arg(value_parser = ["status", "undo"])]
        action: String,
        #[arg(value_parser = ["workload"])]
        kind: String,
        name: String,
    },
    /// Delete objects.
    Delete {
        #[command(subcommand)]
        what: DeleteWhat,
    },
    /// Master version, store, CA pin for enrolling devices.
    ClusterInfo {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
enum GetWhat {
    /// All nodes (or those matching a label selector).
    Nodes {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
        /// Label selector: k=v, k!=v, k, !k; commas mean "and" (e.g. -l zone=a,role=edge).
        #[arg(short = 'l', long = "selector")]
        selector: Option<String>,
        /// Group the table by a label's value (e.g. --group-by zone).
        #[arg(long)]
        group_by: Option<String>,
    },
    /// Containers per node, as the agents report them.
    Containers {
        #[arg(long)]
        node: Option<String>,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Child masters enrolled with this one, with their state and aggregate.
    Clusters {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// The cluster topology.
    Topology {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Workloads with their per-node states.
    Workloads {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
enum DeleteWhat {
    /// A workload: its containers are removed from every node.
    Workload { name: String },
}

#[derive(Subcommand)]
enum ConsoleCmd {
    /// Make a read-only (viewer) token for a browser; prints the console URL with it.
    Token {
        /// Shown in the master's log.
        #[arg(long, default_value = "console")]
        name: String,
        /// Lifetime (at most 30d).
        #[arg(long, default_value = "12h")]
        ttl: String,
    },
}

#[derive(Subcommand)]
enum CredentialCmd {
    /// Write ca.crt, client.crt and client.key (0600) into DIR, for curl and other REST clients.
    Export {
        #[arg(long)]
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum DescribeWhat {
    Node {
        name: String,
    },
    /// The topology's clusters, node placement and each node's config state.
    Topology,
    /// A workload's spec and per-node states.
    Workload {
        name: String,
    },
}

#[derive(Subcommand)]
enum TopologyCmd {
    /// Validate, store and push a topology file; reports which nodes applied it.
    Apply {
        /// The topology file (TOML; see examples/topology/).
        #[arg(short = 'f', long = "file")]
        file: PathBuf,
        /// Only validate against the cluster; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Wait until every connected affected node has acked or rejected it.
        #[arg(long)]
        wait: bool,
        /// How long --wait waits.
        #[arg(long, default_value = "2m")]
        wait_timeout: String,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
enum WatchWhat {
    /// Every node change; starts with the current nodes.
    Nodes {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
enum TokenCmd {
    /// Create a token; prints it alone on stdout.
    Create {
        /// Lifetime, e.g. 10m, 2h, 7d.
        #[arg(long, default_value = "10m")]
        ttl: String,
        /// Enrolments allowed (0 = unlimited within its lifetime).
        #[arg(long, default_value_t = 0)]
        uses: u32,
        /// Labels for nodes enrolled with it, KEY=VALUE (repeatable).
        #[arg(long = "label", short = 'l')]
        labels: Vec<String>,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List tokens (secrets are never shown again).
    List {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Revoke a token by id.
    Revoke { id: String },
}

#[derive(Subcommand)]
enum ConfigCmd {
    /// Change agent config cluster-wide, or for one node with --node; pushed at once.
    Set {
        #[arg(long)]
        node: Option<String>,
        #[command(flatten)]
        flags: config_flags::ConfigFlags,
        /// With --node: drop the node's override (back to the cluster config).
        #[arg(long)]
        clear: bool,
    },
    /// Which version each node should run and which it acknowledged.
    Status {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Change the cluster-wide config in batches (--batch 2 or --batch 25%):
    /// each batch must ack and be Ready before the next; a failure stops it
    /// and returns the touched nodes to the previous config.
    Rollout {
        #[command(flatten)]
        fields: config_flags::ConfigFlags,
        #[command(flatten)]
        pace: rollout::Pace,
    },
    /// Return to the previous cluster-wide config version, in batches like a rollout.
    Rollback {
        #[command(flatten)]
        pace: rollout::Pace,
    },
    /// The current or last rollout, batch by batch.
    RolloutStatus {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Cluster-wide config versions, oldest first.
    History {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
enum NodeCmd {
    /// Approve a Pending node.
    Approve { name: String },
    /// Put a node in Maintenance (still watched).
    Cordon { name: String },
    /// Take a node out of Maintenance.
    Uncordon { name: String },
    /// Remove a node; its certificate stops working at once.
    Remove { name: String },
    /// Cordon a node and wait until its workloads are stopped (count-placed
    /// ones move to other nodes; uncordon lets them back).
    Drain {
        name: String,
        /// How long to wait for the workloads to be gone.
        #[arg(long, default_value = "2m")]
        timeout: String,
    },
    /// Revoke a node's certificate: its live connection is cut at once and the
    /// device must re-enrol with a new token (the node record is kept).
    RevokeCert { name: String },
}

/// A failure with the exit code to use.
struct Failure(String, u8);

fn rpc_err(what: &str, s: tonic::Status) -> Failure {
    let msg = match s.code() {
        Code::Unavailable => format!("{what}: the master is unreachable or went away: {}", s.message()),
        Code::Unauthenticated | Code::PermissionDenied => format!("{what}: refused: {}", s.message()),
        _ => format!("{what}: {}", s.message()),
    };
    Failure(msg, 1)
}

fn print_json(v: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

fn parse_labels(raw: &[String]) -> Result<HashMap<String, String>, Failure> {
    raw.iter()
        .map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| Failure(format!("label {l:?} is not KEY=VALUE"), 2))
        })
        .collect()
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let timeout =
        piccolo_common::config::parse_duration(&cli.timeout).map_err(|e| Failure(format!("--timeout: {e}"), 2))?;
    let path = cli.admin_config.ok_or_else(|| {
        Failure("no admin credential: pass --admin-config FILE or set PICCOLO_ADMIN_CONFIG (the master writes DATA_DIR/admin.conf)".into(), 2)
    })?;
    match &cli.command {
        Cmd::Console { action: ConsoleCmd::Token { name, ttl } } => {
            let ttl = piccolo_common::config::parse_duration(ttl).map_err(|e| Failure(format!("--ttl: {e}"), 2))?;
            let (token, url) = console::token(&path, name, ttl, timeout).await.map_err(|e| Failure(e, 1))?;
            println!("token: {token}\nconsole: {url}");
            return Ok(());
        }
        Cmd::Credential { action: CredentialCmd::Export { dir } } => {
            console::export(&path, dir).map_err(|e| Failure(e, 1))?;
            println!("wrote {0}/ca.crt, {0}/client.crt, {0}/client.key", dir.display());
            return Ok(());
        }
        _ => {}
    }
    let mut c =
        client::connect_admin(&path, timeout.max(Duration::from_millis(100))).await.map_err(|e| Failure(e, 1))?;
    match cli.command {
        Cmd::Apply { file, dry_run, wait, wait_timeout, output } => {
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
        Cmd::Describe { what: DescribeWhat::Workload { name } } => workloads::describe(&mut c, &name).await?,
        Cmd::Delete { what: DeleteWhat::Workload { name } } => workloads::delete(&mut c, &name).await?,
        Cmd::Get { what: GetWhat::Nodes { output, selector, group_by } } => {
            nodes::get(&mut c, output, selector.as_deref(), group_by.as_deref()).await?;
        }
        Cmd::Get { what: GetWhat::Containers { node, output } } => {
            let nodes = c
                .get_containers(GetContainersRequest { node: node.unwrap_or_default() })
                .await
                .map_err(|s| rpc_err("get containers", s))?
                .into_inner()
                .nodes;
            match output {
                Format::Json => {
                    let mut all = Vec::new();
                    for n in &nodes {
                        for ct in &n.containers {
                            let mut v = output::container_json(ct);
                            v["node"] = serde_json::Value::String(n.node.clone());
                            all.push(v);
                        }
                    }
                    print_json(&serde_json::Value::Array(all));
                }
                _ => print!("{}", output::containers_table(&nodes)),
            }
        }
        Cmd::Container { action, target } => {
            let (node, name) = target
                .split_once('/')
                .filter(|(n, c)| !n.is_empty() && !c.is_empty())
                .ok_or_else(|| Failure(format!("{target:?} is not NODE/NAME"), 2))?;
            let r = c
                .container_action(ContainerActionRequest {
                    node: node.into(),
                    container: name.into(),
                    action: action.clone(),
                })
                .await
                .map_err(|s| rpc_err(&format!("container {action} {target}"), s))?
                .into_inner();
            println!("{}", r.message);
        }
        Cmd::Config { action: ConfigCmd::Set { node, flags, clear } } => {
            let config = flags.config()?;
            if clear && node.is_none() {
                return Err(Failure("--clear needs --node".into(), 2));
            }
            let r = c
                .set_config(SetConfigRequest {
                    node: node.clone().unwrap_or_default(),
                    config: Some(config),
                    clear_override: clear,
                })
                .await
                .map_err(|s| rpc_err("config set", s))?
                .into_inner();
            let v = r.config.map(|c| c.version).unwrap_or(0);
            println!(
                "config version {v} set for {}; pushed to {} connected node(s)",
                node.as_deref().unwrap_or("the cluster"),
                r.pushed_to.len()
            );
        }
        Cmd::Config { action: ConfigCmd::Status { output } } => {
            let r = c
                .get_config_status(GetConfigStatusRequest {})
                .await
                .map_err(|s| rpc_err("config status", s))?
                .into_inner();
            match output {
                Format::Json => print_json(&serde_json::Value::Array(
                    r.nodes
                        .iter()
                        .map(|n| serde_json::json!({"node": n.node, "desired_version": n.desired_version, "acked_version": n.acked_version, "error": n.error, "connected": n.connected, "override": n.has_override}))
                        .collect(),
                )),
                _ => {
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
                            vec![n.node.clone(), n.desired_version.to_string(), n.acked_version.to_string(), state.into(), if n.has_override { "yes".into() } else { "no".into() }, n.error.clone()]
                        })
                        .collect();
                    print!("{}", output::table(&["NODE", "DESIRED", "ACKED", "STATE", "OVERRIDE", "ERROR"], &rows));
                }
            }
        }
        Cmd::Config { action: ConfigCmd::Rollout { fields, pace } } => {
            rollout::start(&mut c, Some(&fields), &pace).await?
        }
        Cmd::Config { action: ConfigCmd::Rollback { pace } } => rollout::start(&mut c, None, &pace).await?,
        Cmd::Config { action: ConfigCmd::RolloutStatus { output } } => rollout::status(&mut c, output).await?,
        Cmd::Config { action: ConfigCmd::History { output } } => rollout::history(&mut c, output).await?,
        Cmd::Get { what: GetWhat::Clusters { output } } => clusters::get(&mut c, output).await?,
        Cmd::Get { what: GetWhat::Topology { output } } => topology::get(&mut c, output).await?,
        Cmd::Describe { what: DescribeWhat::Topology } => topology::describe(&mut c).await?,
        Cmd::Topology { action: TopologyCmd::Apply { file, dry_run, wait, wait_timeout, output } } => {
            let wait_timeout = piccolo_common::config::parse_duration(&wait_timeout)
                .map_err(|e| Failure(format!("--wait-timeout: {e}"), 2))?;
            topology::apply(&mut c, topology::ApplyOpts { file: &file, dry_run, wait, wait_timeout, output }).await?;
        }
        Cmd::Describe { what: DescribeWhat::Node { name } } => {
            let r = c
                .get_node(GetNodeRequest { name: name.clone() })
                .await
                .map_err(|s| rpc_err(&format!("describe node {name}"), s))?
                .into_inner();
            let node = r.node.ok_or_else(|| Failure(format!("no node named {name:?}"), 1))?;
            print!("{}", output::describe_node(&node, &r.events));
        }
        Cmd::Watch { what: WatchWhat::Nodes { output } } => {
            let mut stream = c
                .watch_nodes(WatchNodesRequest { initial: true })
                .await
                .map_err(|s| rpc_err("watch nodes", s))?
                .into_inner();
            if output != Format::Json {
                println!("{:<10} {:<24} {:<14} REASON", "EVENT", "NAME", "STATUS");
            }
            while let Some(ev) = stream.next().await {
                let ev = ev.map_err(|s| rpc_err("watch nodes", s))?;
                let Some(node) = ev.node.as_ref() else { continue };
                let kind = match ev.kind() {
                    node_watch_event::Kind::Added => "ADDED",
                    node_watch_event::Kind::Deleted => "DELETED",
                    _ => "MODIFIED",
                };
                if output == Format::Json {
                    let mut v = output::node_json(node);
                    v["event"] = serde_json::Value::String(kind.into());
                    println!("{}", serde_json::to_string(&v).unwrap_or_default());
                } else {
                    println!("{:<10} {:<24} {:<14} {}", kind, node.name, node.state().label(), node.reason);
                }
            }
            return Err(Failure("watch nodes: the master closed the stream".into(), 1));
        }
        Cmd::Token { action: TokenCmd::Create { ttl, uses, labels, description } } => {
            let ttl = piccolo_common::config::parse_duration(&ttl).map_err(|e| Failure(format!("--ttl: {e}"), 2))?;
            if ttl.as_secs() == 0 {
                return Err(Failure("--ttl must be at least 1s".into(), 2));
            }
            let req =
                CreateTokenRequest { ttl_seconds: ttl.as_secs(), uses, labels: parse_labels(&labels)?, description };
            let r = c.create_token(req).await.map_err(|s| rpc_err("token create", s))?.into_inner();
            println!("{}", r.token);
        }
        Cmd::Token { action: TokenCmd::List { output } } => {
            let tokens =
                c.list_tokens(ListTokensRequest {}).await.map_err(|s| rpc_err("token list", s))?.into_inner().tokens;
            match output {
                Format::Json => print_json(&serde_json::Value::Array(tokens.iter().map(output::token_json).collect())),
                _ => {
                    let now = piccolo_common::time::now_ms();
                    let rows: Vec<Vec<String>> = tokens
                        .iter()
                        .map(|t| {
                            let state = if t.revoked {
                                "revoked"
                            } else if now >= t.expires_at_ms {
                                "expired"
                            } else if t.max_uses > 0 && t.used >= t.max_uses {
                                "used-up"
                            } else {
                                "valid"
                            };
                            vec![
                                t.id.clone(),
                                state.into(),
                                output::time(t.expires_at_ms).unwrap_or_default(),
                                if t.max_uses == 0 {
                                    format!("{}/unlimited", t.used)
                                } else {
                                    format!("{}/{}", t.used, t.max_uses)
                                },
                                t.description.clone(),
                            ]
                        })
                        .collect();
                    print!("{}", output::table(&["ID", "STATE", "EXPIRES", "USES", "DESCRIPTION"], &rows));
                }
            }
        }
        Cmd::Token { action: TokenCmd::Revoke { id } } => {
            let r = c
                .revoke_token(RevokeTokenRequest { id: id.clone() })
                .await
                .map_err(|s| rpc_err(&format!("token revoke {id}"), s))?
                .into_inner();
            println!("token {} revoked", r.info.map(|i| i.id).unwrap_or(id));
        }
        Cmd::Node { action: NodeCmd::Drain { name, timeout } } => {
            let t =
                piccolo_common::config::parse_duration(&timeout).map_err(|e| Failure(format!("--timeout: {e}"), 2))?;
            workloads::drain(&mut c, &name, t).await?;
        }
        Cmd::Rollout { action, kind: _, name } => workloads::rollout(&mut c, &action, &name).await?,
        Cmd::Node { action } => {
            let (verb, name) = match &action {
                NodeCmd::Approve { name } => ("approve", name.clone()),
                NodeCmd::Cordon { name } => ("cordon", name.clone()),
                NodeCmd::Uncordon { name } => ("uncordon", name.clone()),
                NodeCmd::Remove { name } => ("remove", name.clone()),
                NodeCmd::RevokeCert { name } => ("revoke-cert", name.clone()),
                NodeCmd::Drain { .. } => return Err(Failure("internal: drain handled above".into(), 1)),
            };
            let req = NodeNameRequest { name: name.clone() };
            let r = match action {
                NodeCmd::Approve { .. } => c.approve_node(req).await,
                NodeCmd::Cordon { .. } => c.cordon_node(req).await,
                NodeCmd::Uncordon { .. } => c.uncordon_node(req).await,
                NodeCmd::Remove { .. } => c.remove_node(req).await,
                NodeCmd::RevokeCert { .. } => c.revoke_node_certificate(req).await,
                NodeCmd::Drain { .. } => return Err(Failure("internal: drain handled above".into(), 1)),
            }
            .map_err(|s| rpc_err(&format!("node {verb} {name}"), s))?
            .into_inner();
            let state = r.node.map(|n| n.state().label()).unwrap_or("-");
            println!("node {name}: {verb} done ({state})");
        }
        Cmd::Events { node, types, limit, watch, output } => {
            ops::events(&mut c, node, types, limit, watch, output).await?;
        }
        Cmd::Console { .. } | Cmd::Credential { .. } => {}
        Cmd::Backup { output } => ops::backup(&mut c, &output).await?,
        Cmd::LogLevel { filter } => ops::log_level(&mut c, filter).await?,
        Cmd::ClusterInfo { output } => {
            let i = c
                .get_cluster_info(GetClusterInfoRequest {})
                .await
                .map_err(|s| rpc_err("cluster-info", s))?
                .into_inner();
            match output {
                Format::Json => print_json(&serde_json::json!({
                    "version": i.version, "store": i.store, "ca_cert_hash": i.ca_cert_hash, "nodes": i.nodes, "ca_certificate_pem": i.ca_certificate_pem,
                })),
                _ => {
                    println!("version: {}", i.version);
                    println!("store: {}", i.store);
                    println!("nodes: {}", i.nodes);
                    println!("ca_cert_hash: {}", i.ca_cert_hash);
                }
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("piccoloctl: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg, code)) => {
            eprintln!("piccoloctl: {msg}");
            ExitCode::from(code)
        }
    }
}
