//! Test kit for end-to-end tests and measurements: starts the real
//! `piccolo-master`, `piccolo-agent` and `piccoloctl` binaries and a real etcd
//! on free loopback ports, each with its own temp dir, and kills them on drop.
//! Waiting is always polling against a deadline, never a fixed sleep.
//!
//! # Layout
//! - [`bins`]: where the built binaries are.
//! - [`proc`]: child processes that die with the test.
//! - [`master`], [`agent`], [`etcd`]: one struct per real component; [`etcd_cluster`]: three etcd members.
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
pub mod etcd_cluster;
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
pub use etcd_cluster::EtcdCluster;
pub use master::{Master, MasterOptions};
pub use poll::wait_until;

/// A free TCP port on 127.0.0.1 for a process the test starts next.
///
/// Ports come from below the kernel's ephemeral range, so no outgoing
/// connection (ours or another test's) can take one between this call and the
/// child's `bind`; a per-process sequence keeps concurrent tests in this
/// binary apart, and a bind check skips ports something else holds.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<u32>().ok()))
        .unwrap_or(32768);
    let (low, high) = (10_000u32, ephemeral_low.max(20_000));
    let span = high - low;
    let start = (std::process::id().wrapping_mul(7919)) % span;
    for _ in 0..span {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let port = u16::try_from(low + (start + n) % span).unwrap_or(u16::MAX);
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port below the ephemeral range {low}..{high}")
}
