//! What a call acts on, for its audit line: one function for both doors (the
//! gRPC door decodes the request frame, the REST door encodes the message it
//! built), never a secret (a token's secret half is cut off).

use piccolo_proto::{
    ApplyWorkloadsRequest, ContainerActionRequest, CreateTokenRequest, DeleteWorkloadRequest, NodeNameRequest,
    NodeRegistrationRequest, RenewCertificateRequest, RevokeTokenRequest, SetConfigRequest, SetLogLevelRequest,
    StartRolloutRequest, UndoWorkloadRequest, UpdateTopologyRequest,
};
use prost::Message;

/// The target of call `rpc` with the encoded request `msg` ("" when the call
/// names none).
pub fn of(rpc: &str, msg: &[u8]) -> String {
    let d = |r: Result<String, prost::DecodeError>| r.unwrap_or_else(|e| format!("undecodable request: {e}"));
    d(match rpc {
        "ApproveNode" | "CordonNode" | "UncordonNode" | "RemoveNode" | "RevokeNodeCertificate" => {
            NodeNameRequest::decode(msg).map(|r| format!("node={}", r.name))
        }
        "RegisterNode" => NodeRegistrationRequest::decode(msg).map(|r| format!("node={}", r.name)),
        "RenewCertificate" => RenewCertificateRequest::decode(msg).map(|_| String::new()),
        "CreateToken" => CreateTokenRequest::decode(msg).map(|r| {
            let labels: Vec<String> = r.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("ttl={}s uses={} labels=[{}]", r.ttl_seconds, r.uses, labels.join(","))
        }),
        "RevokeToken" => RevokeTokenRequest::decode(msg).map(|r| {
            format!("token={}", r.id.split('.').next().unwrap_or_default().chars().take(16).collect::<String>())
        }),
        "UpdateTopology" => UpdateTopologyRequest::decode(msg).map(|r| {
            let name = r.topology.map(|t| t.name).unwrap_or_default();
            if r.dry_run { format!("topology={name} dry_run") } else { format!("topology={name}") }
        }),
        "ContainerAction" => ContainerActionRequest::decode(msg)
            .map(|r| format!("node={} container={} action={}", r.node, r.container, r.action)),
        "SetConfig" => SetConfigRequest::decode(msg).map(|r| {
            let scope = if r.node.is_empty() { "cluster".to_string() } else { format!("node={}", r.node) };
            if r.clear_override { format!("{scope} clear") } else { scope }
        }),
        "SetLogLevel" => SetLogLevelRequest::decode(msg).map(|r| format!("filter={}", r.filter)),
        "StartRollout" => StartRolloutRequest::decode(msg)
            .map(|r| if r.rollback { "cluster rollback".to_string() } else { "cluster".to_string() }),
        "ApplyWorkloads" => ApplyWorkloadsRequest::decode(msg).map(|r| {
            let names: Vec<String> = r.workloads.iter().map(|w| w.name.clone()).collect();
            let dry = if r.dry_run { " dry_run" } else { "" };
            format!("workloads=[{}]{dry}", names.join(","))
        }),
        "DeleteWorkload" => DeleteWorkloadRequest::decode(msg).map(|r| format!("workload={}", r.name)),
        "UndoWorkload" => UndoWorkloadRequest::decode(msg).map(|r| format!("workload={}", r.name)),
        _ => Ok(String::new()),
    })
}

/// The message of a unary gRPC body (one uncompressed frame).
pub fn frame(body: &[u8]) -> Option<&[u8]> {
    let (&flag, rest) = body.split_first()?;
    let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    if flag != 0 {
        return None;
    }
    rest.get(4..4 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_name_what_a_mutation_acts_on_and_never_a_token_secret() {
        let m = NodeNameRequest { name: "dev-1".into() }.encode_to_vec();
        assert_eq!(of("RemoveNode", &m), "node=dev-1");
        let m = RevokeTokenRequest { id: "abcdef.0123456789abcdef".into() }.encode_to_vec();
        assert_eq!(of("RevokeToken", &m), "token=abcdef");
        let m =
            NodeRegistrationRequest { token: "abcdef.secretsecretsecr".into(), name: "n".into(), ..Default::default() }
                .encode_to_vec();
        assert!(!of("RegisterNode", &m).contains("secret"));
        let mut body = vec![0, 0, 0, 0, 3];
        body.extend_from_slice(b"abc");
        assert_eq!(frame(&body), Some(&b"abc"[..]));
        assert_eq!(frame(&[1, 0, 0, 0, 0]), None);
    }
}
