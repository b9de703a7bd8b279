//! piccolo-master: the control plane. Registers devices with bootstrap tokens,
//! knows each one's state within seconds, keeps cluster state in a store
//! (embedded redb file or etcd) and serves administrators.
//!
//! # Layout
//! - [`backup`]: consistent snapshots of all cluster state + the CA; restore onto a new master.
//! - [`audit`]: append-only, rotated log of admin mutations.
//! - [`ca_rotation`]: two-step CA rotation with an overlap (`ca rotate`, `ca finish`).
//! - [`cluster`]: several masters on one etcd: cluster secret, membership, leader election.
//! - [`config`]: TOML + `PICCOLO_*` + flags, validated.
//! - [`data_dir`]: the data dir's file names and its start-up check.
//! - [`configs`]: versioned agent config (cluster-wide, per node).
//! - [`config_change`]: the rules of an agent config change, stored and pushed.
//! - [`ca`]: the cluster CA; serving, node and admin certificates.
//! - [`store`]: the `Store` trait and its embedded and etcd backends.
//! - [`tokens`]: bootstrap tokens (hashed, TTL, use counts, sweep).
//! - [`enrolment`]: the enrolment rule behind both `RegisterNode`s (token, CSR, resume, re-enrol).
//! - [`events`]: the event kinds (one enum, one spelling) and filters by node and type.
//! - [`event_feed`]: how event streams and hooks follow events; the one loss rule.
//! - [`hooks`]: alert hooks (command, webhook) on chosen events, retried, never blocking.
//! - [`topology`]: the cluster topology model, validation, per-node config layers.
//! - [`lifecycle`]: the node state machine (pure).
//! - [`nodes`]: ending a node's membership (removal, certificate revocation).
//! - [`registry`]: in-memory node truth, sessions, liveness, events, watch fan-out.
//! - [`children`], [`parent`]: multi-embedded clusters (parent side: child
//!   reports; child side: the enrolled link to the parent).
//! - [`rollout`]: batched cluster-wide config rollouts and automatic rollback.
//! - [`persister`]: write-behind to the store, coalesced and retried.
//! - [`secrets`]: AES-256-GCM sealing of secret store values (etcd).
//! - [`front`]: the front door: authentication, authorization and audit for every request (gRPC and REST).
//! - [`server`]: TLS, the authorization table, the two gRPC services.
//! - [`rest`]: REST/JSON handlers and web console on the gRPC port (call the gRPC admin service).
//! - [`http`]: `/healthz`, `/readyz`, `/metrics`.
//! - [`metrics`]: Prometheus metrics.
//! - [`workloads`]: stored workloads, placement, per-node desired sets, status.
//! - [`run`](mod@run): start-up, background loops, shutdown.
#![forbid(unsafe_code)]

pub mod audit;
pub mod backup;
pub mod ca;
pub mod ca_rotation;
pub mod children;
pub mod cluster;
pub mod config;
pub mod config_change;
pub mod configs;
pub mod data_dir;
pub mod enrolment;
pub mod event_feed;
pub mod events;
pub mod fanout;
pub mod front;
pub mod hooks;
pub mod http;
pub mod lifecycle;
pub mod metrics;
pub mod node_record;
pub mod nodes;
pub mod parent;
pub mod persister;
pub mod registry;
pub mod rest;
pub mod rollout;
pub mod run;
pub mod secrets;
pub mod server;
pub mod store;
pub mod tokens;
pub mod topology;
pub mod workloads;

/// Resolves once the shutdown flag is set (or its sender is gone).
pub async fn stopped(rx: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = rx.wait_for(|s| *s).await;
}
