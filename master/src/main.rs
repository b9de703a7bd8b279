//! The `piccolo-master` binary: command line, logging, runtime, exit codes.
// One audited exception: `lean_malloc` (glibc's mallopt). The library
// crate stays `forbid(unsafe_code)`.
#![deny(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use piccolo_common::config::EXIT_CONFIG;
use piccolo_master::ca::{ClientKind, ClusterCa};
use piccolo_master::config::MasterConfig;
use toml::Value;

#[derive(Parser)]
#[command(name = "piccolo-master", version, about = "Piccolo control plane")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the master.
    Run(RunArgs),
    /// Issue another admin or viewer credential file from the data dir's CA.
    Credential {
        /// The master's data directory (holds the cluster CA).
        #[arg(long)]
        data_dir: PathBuf,
        /// Name in the certificate (shown in logs as who did what).
        #[arg(long)]
        name: String,
        /// A read-only viewer credential instead of an admin one.
        #[arg(long)]
        viewer: bool,
        /// Master endpoint written into the file (HOST:PORT).
        #[arg(long)]
        endpoint: String,
        /// Lifetime, e.g. 30d.
        #[arg(long, default_value = "365d")]
        ttl: String,
        /// Output file (mode 0600).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Set up a NEW master from a backup (`piccoloctl backup`), before its first
    /// start: into an empty data dir and an empty store of either backend.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Check a configuration (file, `PICCOLO_*` variables, flags) without
    /// starting anything; exits 64 naming the bad key, like `run` would.
    Check(RunArgs),
    /// Rotate the cluster CA (see docs/RELIABILITY.md, "CA rotation").
    Ca {
        #[command(subcommand)]
        action: CaCmd,
    },
}

#[derive(Subcommand)]
enum CaCmd {
    /// Step 1: make the next CA; after a restart both are trusted and new
    /// certificates come from the next one.
    Rotate {
        /// The master's data directory (holds the cluster CA).
        #[arg(long)]
        data_dir: PathBuf,
    },
    /// Step 2 (once every node renewed): the next CA becomes the only one.
    Finish {
        /// The master's data directory (holds the cluster CA).
        #[arg(long)]
        data_dir: PathBuf,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// TOML config file; `PICCOLO_*` variables and flags override it.
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
    /// Directory for the CA, admin.conf, the embedded store and audit.log (default /var/lib/piccolo-master).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// TLS listen address for gRPC, the REST API and the web console (default 0.0.0.0:7443).
    #[arg(long)]
    listen: Option<String>,
    /// Health/metrics HTTP address (default 127.0.0.1:7080; "" disables).
    #[arg(long)]
    http_listen: Option<String>,
    /// embedded (default) or etcd.
    #[arg(long)]
    store: Option<String>,
    /// Comma-separated etcd endpoints, e.g. http://127.0.0.1:2379.
    #[arg(long, value_delimiter = ',')]
    etcd_endpoints: Option<Vec<String>>,
    /// Approve new nodes at once (true) or hold them in Pending (false).
    #[arg(long)]
    auto_approve: Option<bool>,
    /// Join the cluster in etcd with this secret (DATA_DIR/cluster.secret of one of its masters).
    #[arg(long)]
    cluster_secret_file: Option<PathBuf>,
    /// HOST:PORT devices and admins reach this master at (admin.conf, the master list).
    #[arg(long)]
    advertise: Option<String>,
    /// This master's name among the masters (default: host name and listen port).
    #[arg(long)]
    name: Option<String>,
}

fn flags(a: &RunArgs) -> toml::Table {
    let mut t = toml::Table::new();
    let mut set = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            t.insert(k.into(), v);
        }
    };
    set("data_dir", a.data_dir.as_ref().map(|p| Value::String(p.display().to_string())));
    set("listen", a.listen.clone().map(Value::String));
    set("http_listen", a.http_listen.clone().map(Value::String));
    set("store", a.store.clone().map(Value::String));
    set("etcd_endpoints", a.etcd_endpoints.clone().map(|v| Value::Array(v.into_iter().map(Value::String).collect())));
    set("auto_approve", a.auto_approve.map(Value::Boolean));
    set("cluster_secret_file", a.cluster_secret_file.as_ref().map(|p| Value::String(p.display().to_string())));
    set("advertise", a.advertise.clone().map(Value::String));
    set("master_name", a.name.clone().map(Value::String));
    t
}

/// The runtime for `workers` threads (`MasterConfig::runtime_workers`): one
/// is a current-thread runtime with a lean malloc, the leanest master
/// (docs/PERFORMANCE.md, "The master").
fn runtime(workers: usize) -> Result<tokio::runtime::Runtime, ExitCode> {
    let built = if workers <= 1 {
        lean_malloc();
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(workers).enable_all().build()
    };
    built.map_err(|e| {
        eprintln!("piccolo-master: cannot start the runtime: {e}");
        ExitCode::FAILURE
    })
}

/// For the one-thread master: glibc's malloc keeps one arena (not one per
/// thread that ever allocated: the blocking pool's, the log writer's) and
/// gives freed memory at the top of the heap back at once instead of
/// holding 128 KiB + 128 KiB of slack (what `MALLOC_ARENA_MAX=1
/// MALLOC_TRIM_THRESHOLD_=0 MALLOC_TOP_PAD_=0` do; -440 KiB of RSS
/// measured). A few more brk calls are nothing at a device master's load.
fn lean_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: mallopt only sets malloc parameters and takes malloc's own
    // lock; it is called before the runtime starts any thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 0);
        libc::mallopt(libc::M_TOP_PAD, 0);
    }
}

fn restore(from: &std::path::Path, args: &RunArgs) -> ExitCode {
    let cfg = match MasterConfig::load(args.config.as_deref(), flags(args)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("piccolo-master: {e}");
            return ExitCode::from(EXIT_CONFIG as u8);
        }
    };
    let archive = match piccolo_master::backup::read_file(from) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("piccolo-master: {}: {e}", from.display());
            return ExitCode::from(EXIT_CONFIG as u8);
        }
    };
    let rt = match runtime(cfg.runtime_workers()) {
        Ok(rt) => rt,
        Err(c) => return c,
    };
    match rt.block_on(piccolo_master::backup::restore(&cfg, &archive)) {
        Ok(summary) => {
            piccolo_common::outln!(
                "restored {summary} into {} ({} store); start the master with the same settings, then point agents at it",
                cfg.data_dir.display(),
                if cfg.store == piccolo_master::config::StoreKind::Etcd { "etcd" } else { "embedded" }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("piccolo-master: restore failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => {
            let cfg = match MasterConfig::load(args.config.as_deref(), flags(&args)) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("piccolo-master: {e}");
                    return ExitCode::from(EXIT_CONFIG as u8);
                }
            };
            // The runtime first: with one worker it sets malloc's arena cap,
            // which must come before the log writer's thread allocates.
            let rt = match runtime(cfg.runtime_workers()) {
                Ok(rt) => rt,
                Err(c) => return c,
            };
            let _log_guard = match piccolo_common::logging::init(&cfg.log, &cfg.log_dir, "piccolo-master") {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("piccolo-master: {e}");
                    return ExitCode::from(EXIT_CONFIG as u8);
                }
            };
            let config_path = args.config.clone();
            let reread = move || {
                MasterConfig::load(config_path.as_deref(), flags(&args)).map(|c| c.log).map_err(|e| e.to_string())
            };
            let run = async move {
                let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
                tokio::spawn(piccolo_common::logging::reload_on_sighup(reread, stop_rx));
                let r = piccolo_master::run::run(cfg).await;
                let _ = stop_tx.send(true);
                r
            };
            let result = rt.block_on(run);
            // The runtime's tasks end before the log writer flushes.
            drop(rt);
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("{e}");
                    eprintln!("piccolo-master: {e}");
                    if e.is_config() { ExitCode::from(EXIT_CONFIG as u8) } else { ExitCode::FAILURE }
                }
            }
        }
        Command::Restore { from, run } => restore(&from, &run),
        Command::Check(args) => match MasterConfig::load(args.config.as_deref(), flags(&args)) {
            Ok(cfg) => {
                piccolo_common::outln!(
                    "configuration is valid: data_dir {}, listen {}, store {}",
                    cfg.data_dir.display(),
                    cfg.listen,
                    if cfg.store == piccolo_master::config::StoreKind::Etcd { "etcd" } else { "embedded" }
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("piccolo-master: {e}");
                ExitCode::from(EXIT_CONFIG as u8)
            }
        },
        Command::Ca { action } => {
            let (step, result, dir) = match action {
                CaCmd::Rotate { data_dir } => ("ca rotate", piccolo_master::ca_rotation::rotate(&data_dir), data_dir),
                CaCmd::Finish { data_dir } => ("ca finish", piccolo_master::ca_rotation::finish(&data_dir), data_dir),
            };
            let outcome = result.as_ref().map(|_| ()).map_err(|e| e.to_string());
            piccolo_master::audit::record_local(&dir, step, "cluster CA", &outcome);
            match result {
                Ok(next) => {
                    piccolo_common::outln!("{next}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("piccolo-master: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Credential { data_dir, name, viewer, endpoint, ttl, output } => {
            let ttl = match piccolo_common::config::parse_duration(&ttl) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("piccolo-master: --ttl: {e}");
                    return ExitCode::from(EXIT_CONFIG as u8);
                }
            };
            let result = (|| {
                if !data_dir.join(piccolo_master::ca::CA_CERT_FILE).exists() {
                    return Err(format!("{} has no cluster CA; start the master there first", data_dir.display()));
                }
                let (ca, _) = ClusterCa::load_or_create(&data_dir).map_err(|e| e.to_string())?;
                // During a CA rotation, issue from the next CA (trusted after `ca finish`).
                let ca = match piccolo_master::ca_rotation::load_next(&data_dir).map_err(|e| e.to_string())? {
                    Some(next) => next.with_extra_trust(ca.cert_pem()),
                    None => ca,
                };
                let kind = if viewer { ClientKind::Viewer } else { ClientKind::Admin };
                piccolo_master::run::write_credential(
                    &ca,
                    &output,
                    &endpoint,
                    &name,
                    kind,
                    ttl.max(Duration::from_secs(60)),
                )
                .map_err(|e| e.to_string())
            })();
            let who = format!("{} {name}", if viewer { "viewer" } else { "admin" });
            piccolo_master::audit::record_local(&data_dir, "credential", &who, &result);
            match result {
                Ok(()) => {
                    piccolo_common::outln!("{}", output.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("piccolo-master: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
