//! Code shared by the Piccolo agent, master and CLI. Kept small on purpose:
//! the agent links it, so nothing master-only belongs here.
//!
//! # Layout
//! - [`tls`]: rustls client/server configurations (TLS 1.3, ring), mutual TLS.
//! - [`pin`]: enrolment-time pinning of the master's CA by `sha256:<hex>`.
//! - `agent_config` (feature `agent-config`): the pushed agent config's rules, layering and unset.
//! - [`backup`]: framing of backup files (header, length, checksum).
//! - [`config`]: layered TOML + `PICCOLO_*` env + flags, durations.
//! - [`connect`]: a tonic `Channel` over our own rustls connector.
//! - [`credential`]: the admin.conf file.
//! - [`files`]: atomic writes with explicit modes.
//! - `logging` (feature `logging`): journald / daily files kept 7 days / stderr; runtime log filter.
//! - [`pem`]: reading certificates and keys, fingerprints.
//! - [`rotation`]: which master an agent dials next (shared with the simulated fleet).
//! - [`names`]: node names, bootstrap token format, certificate subject roles.
//! - [`stdout`]: command output that stops quietly on a closed pipe.
//! - [`systemd`]: watchdog settings from the environment.
//! - [`time`]: wall-clock milliseconds.
//! - `workload` (feature `workload`): workload files (TOML) and their validation.
//! - `events` (feature `events`): telling lifecycle events apart across masters.
//! - `identity`, `enroll` (feature `enroll`): a client's key, CSR, certificate
//!   files and enrolment with a master (agents, and child masters with their parent).
#![forbid(unsafe_code)]

#[cfg(feature = "agent-config")]
pub mod agent_config;
pub mod backup;
pub mod config;
pub mod connect;
pub mod credential;
#[cfg(feature = "enroll")]
pub mod enroll;
#[cfg(feature = "events")]
pub mod events;
pub mod files;
#[cfg(feature = "enroll")]
pub mod identity;
#[cfg(feature = "logging")]
pub mod logging;
pub mod names;
pub mod pem;
pub mod pin;
pub mod rotation;
pub mod stdout;
pub mod systemd;
pub mod time;
pub mod tls;
#[cfg(feature = "workload")]
pub mod workload;

pub use tls::TlsError;
