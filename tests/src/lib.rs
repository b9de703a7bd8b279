//! Test kit for end-to-end tests and measurements: starts the real
//! `piccolo-master`, `piccolo-agent` and `piccoloctl` binaries and a real etcd
//! on free loopback ports, each with its own temp dir, and kills them on drop.
//! Waiting is always polling against a deadline, never a fixed sleep.
//!
//! # Layout
//! - [`bins`]: where the built binaries are.
//! - [`proc`]: child processes that die with the test.
//! - [`master`], [`agent`], [`etcd`]: one struct per real component.
//! - [`podman`]: a real Podman API service with its own storage.
//! - [`pki`]: a throwaway CA and certificates for TLS to etcd.
//! - [`faults`]: shared checks and figures of the fault-injection suite.
//! - [`netns`]: private network/mount namespaces, nft filters, tmpfs (fault tests).
//! - [`poll`]: `wait_until` with a deadline.
//! - [`proxy`]: a byte-counting loopback relay for network figures.
//! - [`procstat`]: RSS, CPU and disk writes of a process from /proc.
//! - [`rest`]: `curl` against the REST API with a credential's PEM files.

pub mod agent;
pub mod bins;
pub mod etcd;
pub mod faults;
pub mod fuzz_corpus;
pub mod master;
pub mod netns;
pub mod pki;
pub mod podman;
pub mod poll;
pub mod proc;
pub mod procstat;
pub mod proxy;
pub mod rest;

pub use agent::Agent;
pub use etcd::Etcd;
pub use master::{Master, MasterOptions};
pub use poll::wait_until;

/// A free TCP port on 127.0.0.1 (bound then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}
