//! `piccolo-loadgen`'s command line.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

/// What a run does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scenario {
    /// Enrol the fleet at a steady pace, wait until all are Ready, then measure for --duration.
    Steady,
    /// All agents enrol at the same moment; time until every one is Ready; then measure.
    Storm,
    /// Steady fleet, then every connection drops at once and the fleet comes
    /// back with the agent's backoff; time until all are Ready again; then measure.
    Reconnect,
    /// Grow the fleet by --step agents at a time, measuring each step, until the
    /// heartbeat p99 passes --p99-target or errors appear: prints the knee.
    Ramp,
    /// Several masters (`--masters`): steady fleet spread over them, then the
    /// leader is killed with SIGKILL: time until another master leads and
    /// until every agent is Ready in a session on a survivor; then measure.
    Failover,
}

/// Simulated fleet of real mutual-TLS agents against one real master.
#[derive(Debug, Parser)]
#[command(name = "piccolo-loadgen", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub worker: Option<Sub>,
    #[command(flatten)]
    pub args: Args,
}

#[derive(Debug, Subcommand)]
pub enum Sub {
    /// Internal: one worker process (spec and commands on stdin).
    #[command(hide = true)]
    Worker,
}

/// Options of a run.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Master to load (HOST:PORT on loopback). Without it a master is started
    /// here (`--store`), from the binaries next to this one.
    #[arg(long)]
    pub master: Option<String>,
    /// admin.conf of that master (needed with --master).
    #[arg(long)]
    pub admin_config: Option<PathBuf>,
    /// Pin the CA from this file instead of the hash the admin API reports.
    #[arg(long)]
    pub ca_file: Option<PathBuf>,
    /// Pid of an external master, for CPU and RSS (default: whoever listens on its port).
    #[arg(long)]
    pub master_pid: Option<u32>,
    /// HOST:PORT of an external master's metrics endpoint, for store writes.
    #[arg(long)]
    pub master_http: Option<String>,
    /// Store of the master started here: embedded or etcd (a real etcd is started too).
    #[arg(long, default_value = "embedded")]
    pub store: String,
    /// Masters started here, each its own process, on a 3-member etcd on
    /// loopback (more than 1 implies --store etcd); agent i starts at master
    /// i % N and fails over to the others as the agent does.
    #[arg(long, default_value_t = 1)]
    pub masters: usize,
    /// Copy the started master's log here at the end (with --masters: FILE.m0, FILE.m1, ...).
    #[arg(long)]
    pub master_log: Option<PathBuf>,
    /// Extra line in the started master's config, e.g. 'keepalive_interval="5s"' (repeatable).
    #[arg(long = "master-set")]
    pub master_set: Vec<String>,
    /// Number of simulated agents.
    #[arg(long, default_value_t = 100)]
    pub agents: usize,
    /// Measurement window after the fleet is Ready.
    #[arg(long, default_value = "60s", value_parser = piccolo_common::config::parse_duration)]
    pub duration: Duration,
    #[arg(long, value_enum, default_value_t = Scenario::Steady)]
    pub scenario: Scenario,
    /// `WatchNodes` streams open during the whole run.
    #[arg(long, default_value_t = 10)]
    pub watchers: usize,
    /// Worker processes (default: one per 5,000 agents).
    #[arg(long)]
    pub processes: Option<usize>,
    /// Heartbeat interval: set on the master started here; expected from an external one
    /// (agents always use the interval the master pushes).
    #[arg(long, default_value = "10s", value_parser = piccolo_common::config::parse_duration)]
    pub heartbeat: Duration,
    /// Enrolments in flight at once (steady, reconnect, ramp); a storm has no limit.
    #[arg(long, default_value_t = 64)]
    pub enrol_concurrency: usize,
    /// Agents sharing one bootstrap token (its use count); 1 = a token per device.
    #[arg(long, default_value_t = 1)]
    pub agents_per_token: usize,
    /// The agents' reconnect backoff cap (the agent's `reconnect_max_backoff`).
    #[arg(long, default_value = "30s", value_parser = piccolo_common::config::parse_duration)]
    pub reconnect_cap: Duration,
    /// How long to wait for the fleet to be Ready before giving up.
    #[arg(long, default_value = "300s", value_parser = piccolo_common::config::parse_duration)]
    pub ready_timeout: Duration,
    /// Ramp: agents added per step.
    #[arg(long, default_value_t = 1000)]
    pub step: usize,
    /// Ramp: heartbeat p99 target.
    #[arg(long, default_value = "50ms", value_parser = piccolo_common::config::parse_duration)]
    pub p99_target: Duration,
    /// Exit non-zero if a target is missed (p99, storm/reconnect deadlines), not only on errors.
    #[arg(long)]
    pub strict: bool,
    /// Storm: all Ready within this (seed 000: 30 s per node, here for all at once).
    #[arg(long, default_value = "30s", value_parser = piccolo_common::config::parse_duration)]
    pub storm_target: Duration,
    /// Reconnect: all Ready again within this.
    #[arg(long, default_value = "60s", value_parser = piccolo_common::config::parse_duration)]
    pub reconnect_target: Duration,
}

impl Args {
    pub fn processes(&self) -> usize {
        self.processes.unwrap_or(self.agents.div_ceil(5000)).clamp(1, self.agents.max(1))
    }
}
