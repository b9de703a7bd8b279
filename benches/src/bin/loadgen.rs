//! piccolo-loadgen: a simulated fleet of real mutual-TLS agents against one real
//! master; prints throughput, latency percentiles, errors and the master's CPU
//! and RSS, and ends with a `summary ... errors=N` line. See docs/PERFORMANCE.md.
#![forbid(unsafe_code)]

use clap::Parser;
use piccolo_benches::cli::{Cli, Sub};

fn main() {
    let cli = Cli::parse();
    let worker = matches!(cli.worker, Some(Sub::Worker));
    // The runtime is built here, once: workers and the coordinator both use
    // every core (the machine has two); the master is a separate process.
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("piccolo-loadgen: cannot start the runtime: {e}");
            std::process::exit(70);
        }
    };
    let code = rt.block_on(async move {
        if worker {
            piccolo_benches::procinfo::raise_nofile();
            match piccolo_benches::worker::run().await {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("piccolo-loadgen worker: {e}");
                    70
                }
            }
        } else {
            match piccolo_benches::scenario::run(cli.args).await {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("piccolo-loadgen: {e}");
                    println!("summary aborted=\"{}\" errors=1", e.replace('"', "'"));
                    1
                }
            }
        }
    });
    rt.shutdown_timeout(std::time::Duration::from_secs(2));
    std::process::exit(code);
}
