//! piccoloctl's command line: every command, flag and its help text. The
//! handlers live in the modules named after what they act on.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::format::Format;
use crate::{config_flags, rollout};

#[derive(Parser)]
#[command(name = "piccoloctl", version, about = "Manage a Piccolo cluster")]
pub struct Cli {
    /// Admin credential file written by the master. Default: ~/.config/piccolo/admin.conf,
    /// then /var/lib/piccolo-master/admin.conf, the first that exists.
    #[arg(long, env = "PICCOLO_ADMIN_CONFIG", global = true)]
    pub admin_config: Option<PathBuf>,
    /// How long to wait for the master to answer a connection.
    #[arg(long, default_value = "5s", global = true)]
    pub timeout: String,
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Subcommand)]
pub enum Cmd {
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
    /// Lifecycle events, oldest first; --watch follows new ones (also `get events`).
    Events(EventsArgs),
    /// Write a consistent snapshot of all cluster state and the CA to FILE (mode 0600; secret).
    Backup {
        /// The backup file to write (unlike other commands' -o, a file, not a format);
        /// `-` writes it to stdout.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Show the master's log filter, or change it at runtime, e.g. `debug` or `info,piccolo_master=debug`.
    LogLevel {
        /// The new filter; without it, prints the current one.
        filter: Option<String>,
    },
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
    /// -f takes a workload file (TOML, [[workload]] tables) or a directory of them; --dry-run
    /// shows the placement; --wait returns when every placed replica runs and is healthy (or
    /// fails naming the node and reason).
    Apply(ApplyArgs),
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
    /// piccoloctl's version and the master's (when it can be reached).
    Version {
        /// Only the client's version; do not contact the master.
        #[arg(long)]
        client: bool,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Shell completion script, e.g. `source <(piccoloctl completion bash)`.
    Completion {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
pub enum GetWhat {
    /// All nodes, the named ones, or those matching a label selector.
    #[command(visible_alias = "node", visible_alias = "no")]
    Nodes {
        /// Only these nodes (an unknown name is an error).
        names: Vec<String>,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
        /// After the list, keep running and print changes (like `watch nodes`).
        #[arg(short = 'w', long)]
        watch: bool,
        /// Label selector: k=v, k!=v, k, !k; commas mean "and" (e.g. -l zone=a,role=edge).
        #[arg(short = 'l', long = "selector")]
        selector: Option<String>,
        /// Group the table by a label's value (e.g. --group-by zone).
        #[arg(long)]
        group_by: Option<String>,
    },
    /// Containers per node, as the agents report them.
    #[command(visible_alias = "container")]
    Containers {
        /// Only this node's containers.
        #[arg(long)]
        node: Option<String>,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Child masters enrolled with this one, with their state and aggregate.
    #[command(visible_alias = "cluster")]
    Clusters {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// The cluster topology.
    Topology {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Lifecycle events (the same as `piccoloctl events`).
    #[command(visible_alias = "event", visible_alias = "ev")]
    Events(EventsArgs),
    /// Bootstrap tokens (the same as `piccoloctl token list`).
    #[command(visible_alias = "token")]
    Tokens {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// Workloads with their per-node states.
    #[command(visible_alias = "workload")]
    Workloads {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
pub enum DeleteWhat {
    /// A workload: its containers are removed from every node.
    Workload { name: String },
}

#[derive(Subcommand)]
pub enum ConsoleCmd {
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
pub enum CredentialCmd {
    /// Write ca.crt, client.crt and client.key (0600) into DIR, for curl and other REST clients.
    Export {
        /// Directory to write the three files into (created if missing).
        #[arg(long)]
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum DescribeWhat {
    /// A node: state, system facts, resources, containers, readiness checks,
    /// its effective agent config (each layer) and recent events.
    Node {
        name: String,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// The topology's clusters, node placement and each node's config state.
    Topology {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
    /// A workload's spec and per-node states.
    Workload {
        name: String,
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
pub enum TopologyCmd {
    /// Validate, store and push a topology file (TOML; see examples/topology/); reports which
    /// nodes applied it. --wait waits until every connected affected node has acked or rejected it.
    Apply(ApplyArgs),
}

/// What `events` and `get events` take.
#[derive(clap::Args)]
pub struct EventsArgs {
    /// Only this node's events.
    #[arg(long)]
    pub node: Option<String>,
    /// Only events of this type: a kind (Enrolled, StateChanged, Removed, CertificateRevoked,
    /// ConfigApplied, ConfigRejected, Container, Offline, OfflineInterval, Restored) or the
    /// state a node moved to (Ready, NotReady, Maintenance, ...). Repeatable; others are refused.
    #[arg(long = "type", short = 't')]
    pub types: Vec<String>,
    /// How many recent events (with --watch: shown before the live ones; 0 = none).
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    /// Keep running and print every new matching event.
    #[arg(long, short = 'w')]
    pub watch: bool,
    #[arg(short, long, value_enum, default_value = "table")]
    pub output: Format,
}

/// What `apply -f` and `topology apply -f` share.
#[derive(clap::Args)]
pub struct ApplyArgs {
    /// The file (or, for workloads, a directory of files).
    #[arg(short = 'f', long = "file")]
    pub file: PathBuf,
    /// Only validate against the cluster and show what would change; store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Return once it is in effect, or fail saying where it is not.
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits.
    #[arg(long, default_value = "2m")]
    pub wait_timeout: String,
    #[arg(short, long, value_enum, default_value = "table")]
    pub output: Format,
}

#[derive(Subcommand)]
pub enum WatchWhat {
    /// Node changes a person can see (status, reason, connection, labels);
    /// starts with the current nodes; reconnects when the master restarts.
    Nodes {
        #[arg(short, long, value_enum, default_value = "table")]
        output: Format,
    },
}

#[derive(Subcommand)]
pub enum TokenCmd {
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
pub enum ConfigCmd {
    /// Change agent config cluster-wide, or for one node with --node; pushed at once.
    Set {
        /// Set an override for this node only (on top of the cluster-wide config).
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
    /// Return to the last cluster-wide config version that nodes acknowledged
    /// before the current one (or --to-version N), in batches like a rollout.
    Rollback {
        /// The history version to return to (see `config history`).
        #[arg(long)]
        to_version: Option<u64>,
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
pub enum NodeCmd {
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
    /// Add or change labels (KEY=VALUE) and remove them (KEY-), e.g. `node label n1 zone=a old-`.
    /// They are kept in the node's config override and pushed to it.
    Label {
        name: String,
        #[arg(required = true, value_name = "KEY=VALUE|KEY-")]
        changes: Vec<String>,
    },
}
