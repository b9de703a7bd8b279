//! The REST route table under `/api/v1` (documented in `docs/openapi.yaml`)
//! and the console page. Each route builds the gRPC request message and calls
//! the same `AdminApi` method piccoloctl reaches over gRPC, with the caller's
//! TLS peer info (or console-token identity) attached, so authorization and
//! behaviour are the gRPC service's.

use std::time::Duration;

use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use piccolo_proto::api_server_service_server::ApiServerService;
use piccolo_proto::limits::MAX_ADMIN_REQUEST_BYTES;
use piccolo_proto::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tonic::body::Body;

use super::Rest;
use super::reply::{self, bad_request, from_grpc};
use crate::server::auth::{self, TokenViewer};
use crate::server::tls::PeerInfo;

/// The console page (one file, no build step, no external resources).
const CONSOLE_HTML: &str = include_str!("../console/index.html");

/// Who is calling, carried into every gRPC request the route makes.
struct Ident {
    peer: Option<PeerInfo>,
    viewer: Option<TokenViewer>,
}

impl Ident {
    fn req<T>(&self, msg: T) -> tonic::Request<T> {
        let mut r = tonic::Request::new(msg);
        if let Some(p) = &self.peer {
            r.extensions_mut().insert(p.clone());
        }
        if let Some(v) = &self.viewer {
            r.extensions_mut().insert(v.clone());
        }
        r
    }
}

/// `POST /api/v1/console/tokens` body.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConsoleTokenRequest {
    #[serde(default)]
    name: String,
    #[serde(default)]
    ttl_seconds: u32,
}

/// `POST /api/v1/console/tokens` reply.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConsoleTokenResponse {
    token: String,
    name: String,
    expires_at_ms: String,
}

fn query(uri: &http::Uri, key: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == key).then(|| v.to_string())
    })
}

/// How much of an oversized body is read and dropped before the error reply,
/// so HTTP/2 clients still sending it get the reply instead of a stream reset.
const DRAIN_LIMIT: usize = 16 << 20;

async fn body<T: DeserializeOwned + Default>(mut b: Body) -> Result<T, Response<Body>> {
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
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&buf).map_err(|e| bad_request(&format!("request body is not valid JSON for this call: {e}")))
}

fn not_found(path: &str) -> Response<Body> {
    reply::error(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        &format!(
            "no such path {path:?}: the REST API is under /api/v1 (see docs/openapi.yaml), the console at /console"
        ),
    )
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

fn method_not_allowed(allow: &'static str) -> Response<Body> {
    let mut r =
        reply::error(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", &format!("this path accepts {allow}"));
    r.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    r
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

/// Answers one non-gRPC request.
pub async fn handle(rest: &Rest, req: Request<Body>) -> Response<Body> {
    let (parts, b) = req.into_parts();
    let path = parts.uri.path().to_string();
    let viewer = match bearer(&parts.headers) {
        None => None,
        Some(tok) => match rest.tokens.as_ref().map(|t| t.verify(tok)) {
            Some(Ok(name)) => Some(TokenViewer { name }),
            Some(Err(e)) => return reply::error(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", &e.to_string()),
            None => {
                return reply::error(
                    StatusCode::UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "console tokens are disabled on this master (its console.key could not be set up; see its log)",
                );
            }
        },
    };
    let id = Ident { peer: parts.extensions.get::<PeerInfo>().cloned(), viewer };
    let segs: Vec<&str> = path.trim_start_matches('/').trim_end_matches('/').split('/').collect();
    let m = &parts.method;
    let api = &rest.api;
    match segs.as_slice() {
        // The bare address leads to the console.
        [""] => match *m {
            Method::GET => redirect("/console"),
            _ => method_not_allowed("GET"),
        },
        ["console"] => match *m {
            Method::GET => console_page(),
            _ => method_not_allowed("GET"),
        },
        ["api", "v1", rest_of @ ..] => match (rest_of, m) {
            (["cluster"], &Method::GET) => from_grpc(api.get_cluster_info(id.req(GetClusterInfoRequest {})).await),
            (["cluster"], _) => method_not_allowed("GET"),
            (["nodes"], &Method::GET) => from_grpc(api.get_nodes(id.req(GetNodesRequest {})).await),
            (["nodes"], _) => method_not_allowed("GET"),
            (["nodes", name], &Method::GET) => {
                from_grpc(api.get_node(id.req(GetNodeRequest { name: name.to_string() })).await)
            }
            (["nodes", name], &Method::DELETE) => {
                from_grpc(api.remove_node(id.req(NodeNameRequest { name: name.to_string() })).await)
            }
            (["nodes", _], _) => method_not_allowed("GET, DELETE"),
            (["nodes", name, action @ ("approve" | "cordon" | "uncordon")], &Method::POST) => {
                let r = id.req(NodeNameRequest { name: name.to_string() });
                from_grpc(match *action {
                    "approve" => api.approve_node(r).await,
                    "cordon" => api.cordon_node(r).await,
                    _ => api.uncordon_node(r).await,
                })
            }
            (["nodes", _, "approve" | "cordon" | "uncordon"], _) => method_not_allowed("POST"),
            (["nodes", name, "config"], &Method::GET) => {
                from_grpc(api.get_node_config(id.req(GetNodeConfigRequest { name: name.to_string() })).await)
            }
            (["nodes", name, "config"], &Method::PATCH) => match body::<AgentConfig>(b).await {
                Ok(config) => from_grpc(
                    api.set_config(id.req(SetConfigRequest {
                        node: name.to_string(),
                        config: Some(config),
                        clear_override: false,
                        unset: unset_param(&parts.uri),
                    }))
                    .await,
                ),
                Err(r) => r,
            },
            (["nodes", name, "config"], &Method::DELETE) => from_grpc(
                api.set_config(id.req(SetConfigRequest {
                    node: name.to_string(),
                    config: None,
                    clear_override: true,
                    unset: Vec::new(),
                }))
                .await,
            ),
            (["nodes", _, "config"], _) => method_not_allowed("GET, PATCH, DELETE"),
            (["nodes", node, "containers", container, action], &Method::POST) => from_grpc(
                api.container_action(id.req(ContainerActionRequest {
                    node: node.to_string(),
                    container: container.to_string(),
                    action: action.to_string(),
                }))
                .await,
            ),
            (["nodes", _, "containers", _, _], _) => method_not_allowed("POST"),
            (["watch", "nodes"], &Method::GET) => {
                let initial = query(&parts.uri, "initial").is_none_or(|v| v != "false");
                super::watch::nodes(api, id.req(WatchNodesRequest { initial })).await
            }
            (["watch", "nodes"], _) => method_not_allowed("GET"),
            (["containers"], &Method::GET) => from_grpc(
                api.get_containers(
                    id.req(GetContainersRequest { node: query(&parts.uri, "node").unwrap_or_default() }),
                )
                .await,
            ),
            (["containers"], _) => method_not_allowed("GET"),
            (["events"], &Method::GET) => {
                let limit = match query(&parts.uri, "limit").map(|l| l.parse::<u32>()) {
                    None => 0,
                    Some(Ok(l)) => l,
                    Some(Err(_)) => return bad_request("limit must be a whole number (0 means 100)"),
                };
                let node = query(&parts.uri, "node").unwrap_or_default();
                // `type=NotReady,Enrolled`: event kinds or target states, as `piccoloctl events --type`.
                let types = query(&parts.uri, "type")
                    .map(|t| t.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect())
                    .unwrap_or_default();
                from_grpc(api.list_events(id.req(ListEventsRequest { node, limit, types })).await)
            }
            (["events"], _) => method_not_allowed("GET"),
            (["topology"], &Method::GET) => from_grpc(api.get_topology(id.req(GetTopologyRequest {})).await),
            (["topology"], &Method::PUT) => match body::<ClusterTopology>(b).await {
                Ok(t) => {
                    let dry_run = query(&parts.uri, "dry_run").is_some_and(|v| v == "true" || v == "1");
                    from_grpc(api.update_topology(id.req(UpdateTopologyRequest { topology: Some(t), dry_run })).await)
                }
                Err(r) => r,
            },
            (["topology"], _) => method_not_allowed("GET, PUT"),
            (["tokens"], &Method::GET) => from_grpc(api.list_tokens(id.req(ListTokensRequest {})).await),
            (["tokens"], &Method::POST) => match body::<CreateTokenRequest>(b).await {
                Ok(r) => from_grpc(api.create_token(id.req(r)).await),
                Err(r) => r,
            },
            (["tokens"], _) => method_not_allowed("GET, POST"),
            (["tokens", tid], &Method::DELETE) => {
                from_grpc(api.revoke_token(id.req(RevokeTokenRequest { id: tid.to_string() })).await)
            }
            (["tokens", _], _) => method_not_allowed("DELETE"),
            (["config"], &Method::GET) => match api.get_config_status(id.req(GetConfigStatusRequest {})).await {
                Ok(r) => reply::json(StatusCode::OK, &r.into_inner().cluster.unwrap_or_default()),
                Err(s) => from_grpc::<()>(Err(s)),
            },
            (["config"], &Method::PATCH) => match body::<AgentConfig>(b).await {
                Ok(config) => from_grpc(
                    api.set_config(id.req(SetConfigRequest {
                        node: String::new(),
                        config: Some(config),
                        clear_override: false,
                        unset: unset_param(&parts.uri),
                    }))
                    .await,
                ),
                Err(r) => r,
            },
            (["config"], _) => method_not_allowed("GET, PATCH"),
            (["config", "status"], &Method::GET) => {
                from_grpc(api.get_config_status(id.req(GetConfigStatusRequest {})).await)
            }
            (["config", "status"], _) => method_not_allowed("GET"),
            (["console", "tokens"], &Method::POST) => console_token(rest, &id, b).await,
            (["console", "tokens"], _) => method_not_allowed("POST"),
            _ => not_found(&path),
        },
        _ => not_found(&path),
    }
}

fn bearer(headers: &http::HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, tok) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| tok.trim())
}

async fn console_token(rest: &Rest, id: &Ident, b: Body) -> Response<Body> {
    let who = match auth::admin(&id.req(())) {
        Ok(c) => c,
        Err(s) => return from_grpc::<()>(Err(s)),
    };
    let r: ConsoleTokenRequest = match body(b).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let Some(tokens) = &rest.tokens else {
        return reply::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "UNAVAILABLE",
            "console tokens are disabled on this master (its console.key could not be set up; see its log)",
        );
    };
    let name = if r.name.is_empty() { "console".to_string() } else { r.name };
    let ttl = Duration::from_secs(if r.ttl_seconds == 0 { 12 * 3600 } else { u64::from(r.ttl_seconds) });
    match tokens.issue(&name, ttl) {
        Ok((token, expires)) => {
            tracing::info!(admin = %who.name, token = %name, "console token issued");
            reply::json(StatusCode::OK, &ConsoleTokenResponse { token, name, expires_at_ms: expires.to_string() })
        }
        Err(e) => bad_request(&e.to_string()),
    }
}
