//! The authorization table: for every RPC of both services, which caller may
//! make it. One table, enforced for every request by [`super::guard`] before a
//! handler runs (the handlers check again, and node calls are also checked
//! against the registry's current certificate), rendered into
//! docs/RELIABILITY.md and tested call by call against a real master
//! (`tests/tests/authz.rs`).

use super::auth::Role;

/// Which of the two services an RPC belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `piccolo.v1.NodeAgentService`: devices.
    Agent,
    /// `piccolo.v1.ApiServerService`: administrators and viewers.
    Admin,
}

impl Service {
    /// The gRPC service name.
    pub fn grpc_name(self) -> &'static str {
        match self {
            Service::Agent => "piccolo.v1.NodeAgentService",
            Service::Admin => "piccolo.v1.ApiServerService",
        }
    }
}

/// Who may make a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone who can reach the port: the request carries its own credential
    /// (a bootstrap token), checked by the handler.
    Token,
    /// A node certificate, acting only on its own node.
    Node,
    /// An admin or viewer certificate (read-only calls).
    Reader,
    /// An admin certificate only.
    Admin,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub service: Service,
    pub rpc: &'static str,
    pub access: Access,
    /// Changes cluster state: recorded in the audit log.
    pub mutation: bool,
}

const fn rule(service: Service, rpc: &'static str, access: Access, mutation: bool) -> Rule {
    Rule { service, rpc, access, mutation }
}

use Access::{Admin as A, Node as N, Reader as R, Token as T};
use Service::{Admin as Adm, Agent as Agt};

/// Every RPC of both services (a unit test checks this against the .proto).
pub const TABLE: &[Rule] = &[
    rule(Agt, "RegisterNode", T, false),
    rule(Agt, "Session", N, false),
    rule(Agt, "Heartbeat", N, false),
    rule(Agt, "ReportStatus", N, false),
    rule(Agt, "ReceiveConfig", N, false),
    rule(Agt, "RenewCertificate", N, false),
    rule(Adm, "GetNodes", R, false),
    rule(Adm, "GetNode", R, false),
    rule(Adm, "WatchNodes", R, false),
    rule(Adm, "RegisterNode", A, true),
    rule(Adm, "ApproveNode", A, true),
    rule(Adm, "CordonNode", A, true),
    rule(Adm, "UncordonNode", A, true),
    rule(Adm, "RemoveNode", A, true),
    rule(Adm, "RevokeNodeCertificate", A, true),
    rule(Adm, "CreateToken", A, true),
    rule(Adm, "ListTokens", A, false),
    rule(Adm, "RevokeToken", A, true),
    rule(Adm, "ListEvents", R, false),
    rule(Adm, "GetTopology", R, false),
    rule(Adm, "UpdateTopology", A, true),
    rule(Adm, "GetClusterInfo", R, false),
    rule(Adm, "GetContainers", R, false),
    rule(Adm, "ContainerAction", A, true),
    rule(Adm, "SetConfig", A, true),
    rule(Adm, "GetConfigStatus", R, false),
    // Changes nothing, but carries the CA key out: audited like a change.
    rule(Adm, "Backup", A, true),
    rule(Adm, "WatchEvents", R, false),
    rule(Adm, "SetLogLevel", A, true),
    rule(Adm, "StartRollout", A, true),
    rule(Adm, "GetRollout", R, false),
    rule(Adm, "ListConfigHistory", R, false),
    rule(Adm, "GetClusters", R, false),
    rule(Adm, "GetNodeConfig", R, false),
    rule(Adm, "ApplyWorkloads", A, true),
    rule(Adm, "GetWorkloads", R, false),
    rule(Adm, "DeleteWorkload", A, true),
    rule(Adm, "WorkloadLogs", R, false),
    rule(Adm, "UndoWorkload", A, true),
];

/// The rule for a gRPC path (`/piccolo.v1.ApiServerService/RemoveNode`).
pub fn lookup(path: &str) -> Option<&'static Rule> {
    let (service, rpc) = path.strip_prefix('/')?.split_once('/')?;
    TABLE.iter().find(|r| r.service.grpc_name() == service && r.rpc == rpc)
}

/// Whether a path belongs to one of our services (unknown RPCs there are refused).
pub fn is_ours(path: &str) -> bool {
    [Service::Agent, Service::Admin]
        .iter()
        .any(|s| path.strip_prefix('/').is_some_and(|p| p.starts_with(s.grpc_name())))
}

/// The outcome of the table for a caller: `None` is "no client certificate".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// No certificate where one is needed: `Unauthenticated`.
    NeedCertificate,
    /// The wrong role: `PermissionDenied`.
    WrongRole,
}

/// Applies the table's access to a caller's role.
pub fn decide(access: Access, role: Option<&Role>) -> Decision {
    match (access, role) {
        (Access::Token, _) => Decision::Allow,
        (_, None) => Decision::NeedCertificate,
        (Access::Node, Some(Role::Node))
        | (Access::Reader, Some(Role::Admin | Role::Viewer))
        | (Access::Admin, Some(Role::Admin)) => Decision::Allow,
        _ => Decision::WrongRole,
    }
}

fn cell(access: Access, role: Option<&Role>) -> &'static str {
    match decide(access, role) {
        Decision::Allow if access == Access::Node => "yes (own node only)",
        Decision::Allow if access == Access::Token => "yes (with a token)",
        Decision::Allow => "yes",
        Decision::NeedCertificate => "no (Unauthenticated)",
        Decision::WrongRole => "no (PermissionDenied)",
    }
}

/// The table as Markdown, as it appears in docs/RELIABILITY.md.
pub fn render_markdown() -> String {
    let mut out = String::from(
        "| service | RPC | node cert | admin cert | viewer cert | no cert | audited |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for r in TABLE {
        let service = match r.service {
            Service::Agent => "NodeAgentService",
            Service::Admin => "ApiServerService",
        };
        out.push_str(&format!(
            "| {service} | {} | {} | {} | {} | {} | {} |\n",
            r.rpc,
            cell(r.access, Some(&Role::Node)),
            cell(r.access, Some(&Role::Admin)),
            cell(r.access, Some(&Role::Viewer)),
            cell(r.access, None),
            if r.mutation { "yes" } else { "" },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RPC names of each service, read from the .proto itself.
    fn proto_rpcs() -> Vec<(String, String)> {
        let proto = include_str!("../../../proto/proto/piccolo/v1/piccolo.proto");
        let mut out = Vec::new();
        let mut service = None;
        for line in proto.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("service ") {
                service = rest.split_whitespace().next().map(|s| format!("piccolo.v1.{s}"));
            } else if line == "}" {
                service = None;
            } else if let (Some(s), Some(rest)) = (&service, line.strip_prefix("rpc ")) {
                let name = rest.split('(').next().unwrap_or_default().trim().to_string();
                out.push((s.clone(), name));
            }
        }
        out
    }

    #[test]
    fn every_rpc_in_the_proto_has_exactly_one_rule() {
        let rpcs = proto_rpcs();
        assert!(rpcs.len() > 20, "{rpcs:?}");
        for (s, m) in &rpcs {
            assert!(lookup(&format!("/{s}/{m}")).is_some(), "no authorization rule for {s}/{m}");
        }
        assert_eq!(rpcs.len(), TABLE.len(), "the table has rules for RPCs the proto does not have");
    }

    #[test]
    fn decisions() {
        assert_eq!(decide(Access::Admin, Some(&Role::Viewer)), Decision::WrongRole);
        assert_eq!(decide(Access::Reader, Some(&Role::Viewer)), Decision::Allow);
        assert_eq!(decide(Access::Reader, Some(&Role::Node)), Decision::WrongRole);
        assert_eq!(decide(Access::Node, Some(&Role::Admin)), Decision::WrongRole);
        assert_eq!(decide(Access::Node, None), Decision::NeedCertificate);
        assert_eq!(decide(Access::Token, None), Decision::Allow);
        assert!(is_ours("/piccolo.v1.ApiServerService/Nope"));
        assert!(!is_ours("/grpc.health.v1.Health/Check"));
    }
}
