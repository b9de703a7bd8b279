//! The authorization table: for every RPC of both services and every REST
//! route, which caller may make it. One table, enforced for every request by
//! the front door ([`crate::front`]) before a handler runs, rendered into
//! docs/RELIABILITY.md (kept current by a test) and tested call by call through
//! both doors against a real master (`master/tests/authz.rs`); the matrix of
//! caller kinds lives in [`super::authz_matrix`].

use super::auth::Role;

/// Which service an RPC belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `piccolo.v1.NodeAgentService`: devices.
    Agent,
    /// `piccolo.v1.ApiServerService`: administrators and viewers.
    Admin,
    /// Calls only the REST door has (the console page, console tokens).
    Web,
    /// `grpc.health.v1.Health`: the standard health check (load balancers, grpcurl).
    Health,
    /// `grpc.reflection.v1.ServerReflection`: the API described to grpcurl and friends.
    Reflection,
    /// `grpc.reflection.v1alpha.ServerReflection`: the same, for older clients.
    ReflectionAlpha,
}

/// Every service with gRPC methods.
pub const GRPC_SERVICES: &[Service] =
    &[Service::Agent, Service::Admin, Service::Health, Service::Reflection, Service::ReflectionAlpha];

impl Service {
    /// The gRPC service name.
    pub fn grpc_name(self) -> &'static str {
        match self {
            Service::Agent => "piccolo.v1.NodeAgentService",
            Service::Admin => "piccolo.v1.ApiServerService",
            Service::Web => "piccolo.v1.Web",
            Service::Health => "grpc.health.v1.Health",
            Service::Reflection => "grpc.reflection.v1.ServerReflection",
            Service::ReflectionAlpha => "grpc.reflection.v1alpha.ServerReflection",
        }
    }

    /// The short name in the docs' table.
    pub fn label(self) -> &'static str {
        match self {
            Service::Agent => "NodeAgentService",
            Service::Admin => "ApiServerService",
            other => other.grpc_name(),
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
    /// Anyone: nothing to protect (the console page itself).
    Public,
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

use Access::{Admin as A, Node as N, Public as P, Reader as R, Token as T};
use Service::{Admin as Adm, Agent as Agt, Health, Reflection, ReflectionAlpha, Web};

/// Every RPC of our two services (a unit test checks this against the .proto)
/// and of the standard ones the master serves.
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
    rule(Web, "ConsolePage", P, false),
    rule(Web, "CreateConsoleToken", A, true),
    rule(Adm, "ApplyWorkloads", A, true),
    rule(Adm, "GetWorkloads", R, false),
    rule(Adm, "DeleteWorkload", A, true),
    rule(Adm, "WorkloadLogs", R, false),
    rule(Adm, "UndoWorkload", A, true),
    // Standard services: health answers anyone (a load balancer has no
    // certificate; it tells only whether the master serves), reflection
    // describes the API to readers.
    rule(Health, "Check", P, false),
    rule(Health, "Watch", P, false),
    rule(Reflection, "ServerReflectionInfo", R, false),
    rule(ReflectionAlpha, "ServerReflectionInfo", R, false),
];

/// What a REST route does (the REST handlers match on it exhaustively).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestOp {
    ConsolePage,
    RootRedirect,
    GetNodeConfig,
    ClusterInfo,
    ListNodes,
    GetNode,
    RemoveNode,
    ApproveNode,
    CordonNode,
    UncordonNode,
    SetNodeConfig,
    ClearNodeConfig,
    ContainerAction,
    WatchNodes,
    ListContainers,
    ListEvents,
    GetTopology,
    PutTopology,
    ListTokens,
    CreateToken,
    RevokeToken,
    GetConfig,
    PatchConfig,
    ConfigStatus,
    CreateConsoleToken,
}

/// One REST route: method, path pattern (`{x}` is one path segment) and the
/// rule it is authorized by (the RPC it maps to, or a `Web` call).
#[derive(Debug, Clone, Copy)]
pub struct RestRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub op: RestOp,
    pub service: Service,
    pub rpc: &'static str,
}

const fn route(method: &'static str, path: &'static str, op: RestOp, service: Service, rpc: &'static str) -> RestRoute {
    RestRoute { method, path, op, service, rpc }
}

/// Every REST route (docs/openapi.yaml documents them; the order of methods
/// on one path is the order of the `Allow` header).
pub const REST_ROUTES: &[RestRoute] = &[
    route("GET", "/", RestOp::RootRedirect, Web, "ConsolePage"),
    route("GET", "/console", RestOp::ConsolePage, Web, "ConsolePage"),
    route("GET", "/api/v1/cluster", RestOp::ClusterInfo, Adm, "GetClusterInfo"),
    route("GET", "/api/v1/nodes", RestOp::ListNodes, Adm, "GetNodes"),
    route("GET", "/api/v1/nodes/{name}", RestOp::GetNode, Adm, "GetNode"),
    route("DELETE", "/api/v1/nodes/{name}", RestOp::RemoveNode, Adm, "RemoveNode"),
    route("POST", "/api/v1/nodes/{name}/approve", RestOp::ApproveNode, Adm, "ApproveNode"),
    route("POST", "/api/v1/nodes/{name}/cordon", RestOp::CordonNode, Adm, "CordonNode"),
    route("POST", "/api/v1/nodes/{name}/uncordon", RestOp::UncordonNode, Adm, "UncordonNode"),
    route("GET", "/api/v1/nodes/{name}/config", RestOp::GetNodeConfig, Adm, "GetNodeConfig"),
    route("PATCH", "/api/v1/nodes/{name}/config", RestOp::SetNodeConfig, Adm, "SetConfig"),
    route("DELETE", "/api/v1/nodes/{name}/config", RestOp::ClearNodeConfig, Adm, "SetConfig"),
    route(
        "POST",
        "/api/v1/nodes/{node}/containers/{container}/{action}",
        RestOp::ContainerAction,
        Adm,
        "ContainerAction",
    ),
    route("GET", "/api/v1/watch/nodes", RestOp::WatchNodes, Adm, "WatchNodes"),
    route("GET", "/api/v1/containers", RestOp::ListContainers, Adm, "GetContainers"),
    route("GET", "/api/v1/events", RestOp::ListEvents, Adm, "ListEvents"),
    route("GET", "/api/v1/topology", RestOp::GetTopology, Adm, "GetTopology"),
    route("PUT", "/api/v1/topology", RestOp::PutTopology, Adm, "UpdateTopology"),
    route("GET", "/api/v1/tokens", RestOp::ListTokens, Adm, "ListTokens"),
    route("POST", "/api/v1/tokens", RestOp::CreateToken, Adm, "CreateToken"),
    route("DELETE", "/api/v1/tokens/{id}", RestOp::RevokeToken, Adm, "RevokeToken"),
    route("GET", "/api/v1/config", RestOp::GetConfig, Adm, "GetConfigStatus"),
    route("PATCH", "/api/v1/config", RestOp::PatchConfig, Adm, "SetConfig"),
    route("GET", "/api/v1/config/status", RestOp::ConfigStatus, Adm, "GetConfigStatus"),
    route("POST", "/api/v1/console/tokens", RestOp::CreateConsoleToken, Web, "CreateConsoleToken"),
];

/// The rule of a REST route.
pub fn rule_of(r: &RestRoute) -> Option<&'static Rule> {
    TABLE.iter().find(|t| t.service == r.service && t.rpc == r.rpc)
}

/// How a REST request resolves against [`REST_ROUTES`].
#[derive(Debug)]
pub enum Resolved<'p> {
    /// The route and its `{x}` segments, in order.
    Route(&'static RestRoute, Vec<&'p str>),
    /// The path exists with other methods (for `Allow`).
    MethodNotAllowed(String),
    NotFound,
}

fn matches<'p>(pattern: &str, segs: &[&'p str]) -> Option<Vec<&'p str>> {
    let pat: Vec<&str> = pattern.trim_start_matches('/').split('/').collect();
    if pat.len() != segs.len() {
        return None;
    }
    let mut params = Vec::new();
    for (p, s) in pat.iter().zip(segs) {
        if p.starts_with('{') {
            params.push(*s);
        } else if p != s {
            return None;
        }
    }
    Some(params)
}

/// Finds the route for a method and path (a trailing `/` is ignored).
pub fn resolve<'p>(method: &str, path: &'p str) -> Resolved<'p> {
    let segs: Vec<&str> = path.trim_start_matches('/').trim_end_matches('/').split('/').collect();
    let mut allow = Vec::new();
    for r in REST_ROUTES {
        if let Some(params) = matches(r.path, &segs) {
            if r.method == method {
                return Resolved::Route(r, params);
            }
            allow.push(r.method);
        }
    }
    if allow.is_empty() { Resolved::NotFound } else { Resolved::MethodNotAllowed(allow.join(", ")) }
}

/// The rule for a gRPC path (`/piccolo.v1.ApiServerService/RemoveNode`).
pub fn lookup(path: &str) -> Option<&'static Rule> {
    let (service, rpc) = path.strip_prefix('/')?.split_once('/')?;
    TABLE.iter().find(|r| r.service.grpc_name() == service && r.rpc == rpc)
}

/// Whether a path belongs to one of the services the master serves (unknown
/// RPCs there are refused).
pub fn is_ours(path: &str) -> bool {
    GRPC_SERVICES.iter().any(|s| {
        path.strip_prefix('/').and_then(|p| p.strip_prefix(s.grpc_name())).is_some_and(|rest| rest.starts_with('/'))
    })
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
        (Access::Token | Access::Public, _) => Decision::Allow,
        (_, None) => Decision::NeedCertificate,
        (Access::Node, Some(Role::Node))
        | (Access::Reader, Some(Role::Admin | Role::Viewer))
        | (Access::Admin, Some(Role::Admin)) => Decision::Allow,
        _ => Decision::WrongRole,
    }
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
        let grpc = TABLE.iter().filter(|r| matches!(r.service, Service::Agent | Service::Admin)).count();
        assert_eq!(rpcs.len(), grpc, "the table has rules for RPCs the proto does not have");
    }

    #[test]
    fn every_rest_route_has_a_rule_and_resolves_to_itself() {
        for r in REST_ROUTES {
            assert!(rule_of(r).is_some(), "REST route {} {} has no rule", r.method, r.path);
            let concrete = r
                .path
                .replace("{name}", "n1")
                .replace("{node}", "n1")
                .replace("{container}", "c")
                .replace("{action}", "start")
                .replace("{id}", "abcdef");
            match resolve(r.method, &concrete) {
                Resolved::Route(found, _) => assert_eq!(found.op, r.op, "{} {}", r.method, r.path),
                other => panic!("{} {} resolves to {other:?}", r.method, r.path),
            }
        }
        assert!(matches!(resolve("GET", "/api/v1/nope"), Resolved::NotFound));
        match resolve("PUT", "/api/v1/nodes/x/") {
            Resolved::MethodNotAllowed(allow) => assert_eq!(allow, "GET, DELETE"),
            other => panic!("{other:?}"),
        }
        match resolve("POST", "/api/v1/nodes/n/containers/c/stop") {
            Resolved::Route(_, params) => assert_eq!(params, ["n", "c", "stop"]),
            other => panic!("{other:?}"),
        }
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
        assert!(is_ours("/grpc.health.v1.Health/Check"));
        assert!(!is_ours("/grpc.health.v1.HealthX/Check"));
        assert!(!is_ours("/other.v1.Service/Call"));
    }
}
