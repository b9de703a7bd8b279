//! `piccoloctl cluster-info`, `version` and `completion`.

use clap::CommandFactory;
use piccolo_common::outln;
use piccolo_proto::GetClusterInfoRequest;

use crate::client::{Client, Conn};
use crate::format::emit;
use crate::{Failure, Format, rpc_err};

/// `cluster-info`.
pub async fn cluster_info(c: &mut Client, format: Format) -> Result<(), Failure> {
    let i = c.get_cluster_info(GetClusterInfoRequest {}).await.map_err(|s| rpc_err("cluster-info", s))?.into_inner();
    if format.structured() {
        emit(
            format,
            "cluster",
            &serde_json::json!({
                "name": "cluster", "version": i.version, "store": i.store, "ca_cert_hash": i.ca_cert_hash,
                "nodes": i.nodes, "ca_certificate_pem": i.ca_certificate_pem,
            }),
        );
        return Ok(());
    }
    outln!("version: {}", i.version);
    outln!("store: {}", i.store);
    outln!("nodes: {}", i.nodes);
    outln!("ca_cert_hash: {}", i.ca_cert_hash);
    Ok(())
}

/// `version [--client]`: the client's version, and the master's when `conn`
/// is given. A master that cannot be reached is reported, not fatal.
pub async fn version(conn: Option<&Conn>, format: Format) -> Result<(), Failure> {
    let client = env!("CARGO_PKG_VERSION");
    let master = match conn {
        None => None,
        Some(conn) => Some(match conn.client().await {
            Ok(mut c) => c
                .get_cluster_info(GetClusterInfoRequest {})
                .await
                .map(|r| r.into_inner().version)
                .map_err(|s| rpc_err("version", s).0),
            Err(e) => Err(e),
        }),
    };
    if format.structured() {
        let (m, err) = match master {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        emit(format, "version", &serde_json::json!({"name": "piccoloctl", "client": client, "master": m}));
        return err.map_or(Ok(()), |e| Err(Failure(e, 1)));
    }
    outln!("client: piccoloctl {client}");
    match master {
        Some(Ok(v)) => outln!("master: piccolo-master {v}"),
        // Like kubectl: the client's version is shown, and the exit status says the master was not reached.
        Some(Err(e)) => return Err(Failure(e, 1)),
        None => {}
    }
    Ok(())
}

/// `completion SHELL`: the completion script on stdout.
pub fn completion(shell: clap_complete::Shell) {
    let mut cmd = crate::cli::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "piccoloctl", &mut buf);
    piccolo_common::stdout::write_bytes(&buf);
}
