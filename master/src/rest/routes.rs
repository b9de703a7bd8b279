//! The REST handlers under `/api/v1` (documented in `docs/openapi.yaml`) and
//! the console page. The routes themselves are a table in
//! [`crate::server::authz::REST_ROUTES`]; a handler is reached only with the
//! front door's [`Admitted`] proof. Each builds the gRPC request message and
//! calls the same `AdminApi` method piccoloctl reaches over gRPC.

use std::time::Duration;

use http::{HeaderValue, Response, StatusCode, header};
use http_body_util::BodyExt;
use piccolo_proto::api_server_service_server::ApiServerService;
use piccolo_proto::limits::MAX_ADMIN_REQUEST_BYTES;
use piccolo_proto::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tonic::body::Body;

use super::Rest;
use super::reply::{self, bad_request, from_grpc};
use crate::front::{Admitted, FrontDoor};
use crate::server::admin_api::AdminApi;
use crate::server::authz::RestOp;

/// The console page (one file, no build step, no external resources).
const CONSOLE_HTML: &str = include_str!("../console/index.html");

/// `POST /api/v1/console/tokens` body.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConsoleTokenRequest {
    #[serde(default)]
    name: String,
    #[serde(default, alias = "ttlSeconds")]
    ttl_seconds: u32,
}

/// `POST /api/v1/console/tokens` reply.
#[derive(Serialize)]
struct ConsoleTokenResponse {
    token: String,
    name: String,
    expires_at_ms: i64,
}

pub(super) fn query(uri: &http::Uri, key: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == key).then(|| v.to_string())
    })
}

/// How much of an oversized body is read and dropped before the error reply,
/// so HTTP/2 clients still sending it get the reply instead of a stream reset.
const DRAIN_LIMIT: usize = 16 << 20;

async fn body<T: DeserializeOwned + Default>(b: Body) -> Result<T, Response<Body>> {
    let buf = read_body(b).await?;
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&buf).map_err(|e| bad_request(&format!("request body is not valid JSON for this call: {e}")))
}

/// The request body's bytes, bounded by [`MAX_ADMIN_REQUEST_BYTES`].
pub(super) async fn read_body(mut b: Body) -> Result<Vec<u8>, Response<Body>> {
    let mut buf = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = b.frame().await {
        let frame = frame.map_err(|e| bad_request(&format!("request body unreadable: {e}")))?;
        let Ok(data) = frame.into_data() else { continue };
        seen = seen.saturating_add(data.len());
        if seen <= MAX_ADMIN_REQUEST_BYTES {
            buf.extend_from_slice(&data);
        } else if seen > DRAIN_LIMIT {
            break;
        }
    }
    if seen > MAX_ADMIN_REQUEST_BYTES {
        return Err(reply::error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "INVALID_ARGUMENT",
            &format!("request body is larger than {MAX_ADMIN_REQUEST_BYTES} bytes"),
        ));
    }
    Ok(buf)
}

fn redirect(to: &'static str) -> Response<Body> {
    let mut r = reply::raw(StatusCode::FOUND, "text/plain; charset=utf-8", "the web console is at /console\n");
    r.headers_mut().insert(header::LOCATION, HeaderValue::from_static(to));
    r
}

/// `?unset=podman_disabled,labels.zone` (repeatable): settings a PATCH returns
/// to the layer below, since a JSON body cannot tell "false" from "not given".
fn unset_param(uri: &http::Uri) -> Vec<String> {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .filter_map(|kv| kv.strip_prefix("unset="))
        .flat_map(|v| v.split(','))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn console_page() -> Response<Body> {
    let mut r = reply::raw(StatusCode::OK, "text/html; charset=utf-8", CONSOLE_HTML);
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
        ),
    );
    r
}

/// What a route handler reads of its request.
struct Call<'a> {
    api: &'a AdminApi,
    ad: &'a Admitted,
    params: &'a [String],
    uri: &'a http::Uri,
}

impl Call<'_> {
    /// The `i`th `{x}` segment of the path.
    fn p(&self, i: usize) -> String {
        self.params.get(i).cloned().unwrap_or_default()
    }

    fn q(&self, key: &str) -> Option<String> {
        query(self.uri, key)
    }

    fn named(&self) -> tonic::Request<NodeNameRequest> {
        self.ad.request(NodeNameRequest { name: self.p(0) })
    }
}

/// Answers one admitted REST request: builds the gRPC request message and
/// calls the same `AdminApi` method piccoloctl reaches over gRPC.
pub async fn dispatch(
    rest: &Rest,
    front: &FrontDoor,
    ad: &Admitted,
    op: RestOp,
    params: &[String],
    parts: &http::request::Parts,
    b: Body,
) -> Response<Body> {
    let c = Call { api: &rest.api, ad, params, uri: &parts.uri };
    match op {
        RestOp::ConsolePage => console_page(),
        // The bare address leads to the console.
        RestOp::RootRedirect => redirect("/console"),
        RestOp::CreateConsoleToken => console_token(front, ad, b).await,
        RestOp::GetNodeConfig
        | RestOp::SetNodeConfig
        | RestOp::PatchConfig
        | RestOp::ClearNodeConfig
        | RestOp::GetConfig
        | RestOp::ConfigStatus => config_route(&c, op, b).await,
        RestOp::ListNodes
        | RestOp::GetNode
        | RestOp::RemoveNode
        | RestOp::ApproveNode
        | RestOp::CordonNode
        | RestOp::UncordonNode
        | RestOp::ContainerAction
        | RestOp::WatchNodes
        | RestOp::ListContainers => node_route(&c, op).await,
        RestOp::ClusterInfo
        | RestOp::ListMasters
        | RestOp::ListEvents
        | RestOp::GetTopology
        | RestOp::PutTopology
        | RestOp::ListTokens
        | RestOp::CreateToken
        | RestOp::RevokeToken => cluster_route(&c, op, b).await,
        // The workload routes (apply, get, delete, logs, rollout, undo).
        _ => workload_route(&c, op, parts, b).await,
    }
}

/// Nodes and their containers.
async fn node_route(c: &Call<'_>, op: RestOp) -> Response<Body> {
    let api = c.api;
    match op {
        RestOp::ListNodes => from_grpc(api.get_nodes(c.ad.request(GetNodesRequest {})).await),
        RestOp::GetNode => from_grpc(api.get_node(c.ad.request(GetNodeRequest { name: c.p(0) })).await),
        RestOp::RemoveNode => from_grpc(api.remove_node(c.named()).await),
        RestOp::ApproveNode => from_grpc(api.approve_node(c.named()).await),
        RestOp::CordonNode => from_grpc(api.cordon_node(c.named()).await),
        RestOp::UncordonNode => from_grpc(api.uncordon_node(c.named()).await),
        RestOp::ContainerAction => {
            let r = ContainerActionRequest { node: c.p(0), container: c.p(1), action: c.p(2) };
            from_grpc(api.container_action(c.ad.request(r)).await)
        }
        RestOp::WatchNodes => {
            let initial = c.q("initial").is_none_or(|v| v != "false");
            super::watch::nodes(api, c.ad.request(WatchNodesRequest { initial })).await
        }
        RestOp::ListContainers => {
            let r = GetContainersRequest { node: c.q("node").unwrap_or_default() };
            from_grpc(api.get_containers(c.ad.request(r)).await)
        }
        _ => not_routed(op),
    }
}

/// The agent config: cluster-wide, per node, status.
async fn config_route(c: &Call<'_>, op: RestOp, b: Body) -> Response<Body> {
    let api = c.api;
    match op {
        RestOp::GetNodeConfig => {
            from_grpc(api.get_node_config(c.ad.request(GetNodeConfigRequest { name: c.p(0) })).await)
        }
        RestOp::SetNodeConfig | RestOp::PatchConfig => match body::<AgentConfig>(b).await {
            Ok(config) => {
                let node = if op == RestOp::SetNodeConfig { c.p(0) } else { String::new() };
                let r =
                    SetConfigRequest { node, config: Some(config), clear_override: false, unset: unset_param(c.uri) };
                from_grpc(api.set_config(c.ad.request(r)).await)
            }
            Err(r) => r,
        },
        RestOp::ClearNodeConfig => {
            let r = SetConfigRequest { node: c.p(0), config: None, clear_override: true, unset: Vec::new() };
            from_grpc(api.set_config(c.ad.request(r)).await)
        }
        RestOp::GetConfig => match api.get_config_status(c.ad.request(GetConfigStatusRequest {})).await {
            Ok(r) => reply::json(StatusCode::OK, &r.into_inner().cluster.unwrap_or_default()),
            Err(s) => reply::from_status(&s),
        },
        RestOp::ConfigStatus => from_grpc(api.get_config_status(c.ad.request(GetConfigStatusRequest {})).await),
        _ => not_routed(op),
    }
}

/// Workloads: apply (TOML or JSON), read, delete, logs, rollout.
async fn workload_route(c: &Call<'_>, op: RestOp, parts: &http::request::Parts, b: Body) -> Response<Body> {
    let (api, ad) = (c.api, c.ad);
    let named = || ad.request(GetWorkloadsRequest { name: c.p(0) });
    match op {
        RestOp::ApplyWorkloads => super::workloads::apply(api, ad, parts, b).await,
        RestOp::ListWorkloads => from_grpc(api.get_workloads(ad.request(GetWorkloadsRequest::default())).await),
        RestOp::GetWorkload => super::workloads::one(api, named()).await,
        RestOp::DeleteWorkload => {
            from_grpc(api.delete_workload(ad.request(DeleteWorkloadRequest { name: c.p(0) })).await)
        }
        RestOp::WorkloadLogs => super::workloads::logs(api, ad, &c.p(0), parts).await,
        RestOp::GetWorkloadRollout => super::workloads::rollout(api, named()).await,
        RestOp::UndoWorkload => match body::<UndoWorkloadRequest>(b).await {
            Ok(r) => from_grpc(api.undo_workload(ad.request(UndoWorkloadRequest { name: c.p(0), ..r })).await),
            Err(r) => r,
        },
        _ => not_routed(op),
    }
}

/// Cluster info, events, topology and bootstrap tokens.
async fn cluster_route(c: &Call<'_>, op: RestOp, b: Body) -> Response<Body> {
    let api = c.api;
    match op {
        RestOp::ClusterInfo => from_grpc(api.get_cluster_info(c.ad.request(GetClusterInfoRequest {})).await),
        RestOp::ListMasters => from_grpc(api.get_masters(c.ad.request(piccolo_proto::GetMastersRequest {})).await),
        RestOp::ListEvents => match events_request(c) {
            Ok(r) => from_grpc(api.list_events(c.ad.request(r)).await),
            Err(e) => bad_request(e),
        },
        RestOp::GetTopology => from_grpc(api.get_topology(c.ad.request(GetTopologyRequest {})).await),
        RestOp::PutTopology => match body::<ClusterTopology>(b).await {
            Ok(t) => {
                let dry_run = c.q("dry_run").is_some_and(|v| v == "true" || v == "1");
                from_grpc(api.update_topology(c.ad.request(UpdateTopologyRequest { topology: Some(t), dry_run })).await)
            }
            Err(r) => r,
        },
        RestOp::ListTokens => from_grpc(api.list_tokens(c.ad.request(ListTokensRequest {})).await),
        RestOp::CreateToken => match body::<CreateTokenRequest>(b).await {
            Ok(r) => from_grpc(api.create_token(c.ad.request(r)).await),
            Err(r) => r,
        },
        RestOp::RevokeToken => from_grpc(api.revoke_token(c.ad.request(RevokeTokenRequest { id: c.p(0) })).await),
        _ => not_routed(op),
    }
}

/// `GET /api/v1/events?node=&limit=&type=NotReady,Enrolled` (kinds or target
/// states, as `piccoloctl events --type`).
fn events_request(c: &Call<'_>) -> Result<ListEventsRequest, &'static str> {
    let limit = match c.q("limit").map(|l| l.parse::<u32>()) {
        None => 0,
        Some(Ok(l)) => l,
        Some(Err(_)) => return Err("limit must be a whole number (0 means 100)"),
    };
    let types =
        c.q("type").map(|t| t.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default();
    Ok(ListEventsRequest { node: c.q("node").unwrap_or_default(), limit, types })
}

/// A route sent to the wrong group: a bug, answered as one.
fn not_routed(op: RestOp) -> Response<Body> {
    reply::error(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", &format!("route {op:?} has no handler"))
}

/// `POST /api/v1/console/tokens` (admitted for admins only).
async fn console_token(front: &FrontDoor, ad: &Admitted, b: Body) -> Response<Body> {
    let who = ad.caller.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let r: ConsoleTokenRequest = match body(b).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let Some(tokens) = front.console_tokens() else {
        return reply::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "UNAVAILABLE",
            "console tokens are disabled on this master (its console.key could not be set up; see its log)",
        );
    };
    let name = if r.name.is_empty() { "console".to_string() } else { r.name };
    ad.set_target(format!("console-token={name} ttl={}s", r.ttl_seconds));
    let ttl = Duration::from_secs(if r.ttl_seconds == 0 { 12 * 3600 } else { u64::from(r.ttl_seconds) });
    match tokens.issue(&name, ttl) {
        Ok((token, expires)) => {
            tracing::info!(admin = %who, token = %name, "console token issued");
            reply::json(StatusCode::OK, &ConsoleTokenResponse { token, name, expires_at_ms: expires })
        }
        Err(e) => bad_request(&e.to_string()),
    }
}
