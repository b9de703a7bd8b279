//! piccolo-agent: the device side of Piccolo. Enrols with a bootstrap token,
//! then holds one mutual-TLS session with the master for heartbeats and status,
//! renews its certificate, and keeps running when the master is away.
//!
//! # Layout
//! - [`applied`]: the config the master pushed, persisted across reboots.
//! - [`checks`]: readiness checks (also `piccolo-agent check`).
//! - [`cli`]: the command line (`run`, `check`, help), parsed by hand.
//! - [`config`]: TOML + `PICCOLO_*` + flags, validated.
//! - [`local`]: containers and Podman state between sessions.
//! - [`podman`]: the libpod REST client and the event monitor.
//! - [`identity`]: key, certificate and CA in the data dir.
//! - [`enroll`]: first contact with CA pinning and a bootstrap token.
//! - [`report`]: status deltas (the container list only when it changed).
//! - [`session`]: one mutual-TLS session (heartbeats, status, config, renewal).
//! - [`daemon`]: the main loop: enrol, connect, reconnect with backoff, shutdown.
//! - [`facts`]: device facts and resource samples (procfs, statvfs).
//! - [`notify`]: systemd sd_notify and the progress-gated watchdog.
//! - [`workloads`]: desired workloads (persisted) and their reconciler on Podman.
#![forbid(unsafe_code)]

pub mod applied;
pub mod buffer;
pub mod checks;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod enroll;
pub mod facts;
pub mod identity;
pub mod local;
pub mod masters;
pub mod notify;
pub mod podman;
pub mod report;
pub mod session;
pub mod workloads;

/// Resolves once the shutdown flag is set (or its sender is gone).
pub async fn stopped(rx: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = rx.wait_for(|s| *s).await;
}
