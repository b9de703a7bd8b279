//! The tower layer in front of tonic's router: the only way into a handler.
//! Every request is classified (gRPC by content-type, else a REST route from
//! [`authz::REST_ROUTES`]), passed through [`FrontDoor::admit`], and only then
//! handed to tonic (gRPC) or to the REST handlers with the [`Admitted`] proof;
//! the admitted mutation's result goes to the audit log on the way back.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Request, Response, header};
use http_body_util::{BodyExt, Full, Limited};
use piccolo_proto::limits::MAX_ADMIN_REQUEST_BYTES;
use tonic::Status;
use tonic::body::Body;

use super::{Admitted, Door, FrontDoor, target};
use crate::rest::{Rest, reply, routes};
use crate::server::authz::{self, Resolved};
use crate::server::tls::PeerInfo;

/// Builds [`FrontService`]s.
#[derive(Clone)]
pub struct FrontLayer {
    front: Arc<FrontDoor>,
    rest: Arc<Rest>,
}

impl FrontLayer {
    pub fn new(front: Arc<FrontDoor>, rest: Arc<Rest>) -> Self {
        Self { front, rest }
    }
}

impl<S> tower_layer::Layer<S> for FrontLayer {
    type Service = FrontService<S>;
    fn layer(&self, inner: S) -> FrontService<S> {
        FrontService { inner, front: self.front.clone(), rest: self.rest.clone() }
    }
}

/// The front door as a service around tonic's router.
#[derive(Clone)]
pub struct FrontService<S> {
    inner: S,
    front: Arc<FrontDoor>,
    rest: Arc<Rest>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

fn is_grpc(req: &Request<Body>) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc"))
}

fn bearer(headers: &http::HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, tok) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| tok.trim())
}

impl<S> tower_service::Service<Request<Body>> for FrontService<S>
where
    S: tower_service::Service<Request<Body>, Response = Response<Body>, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Response<Body>, Infallible>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        // The clone that was driven to readiness is the one we call.
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let front = self.front.clone();
        if is_grpc(&req) {
            return Box::pin(async move { Ok(grpc(&front, inner, req).await) });
        }
        let rest = self.rest.clone();
        Box::pin(async move { Ok(rest_call(&front, &rest, req).await) })
    }
}

/// A gRPC request: admitted, then tonic's; a mutation's result is audited.
async fn grpc<S>(front: &FrontDoor, mut inner: S, req: Request<Body>) -> Response<Body>
where
    S: tower_service::Service<Request<Body>, Response = Response<Body>, Error = Infallible>,
{
    let path = req.uri().path().to_string();
    if !authz::is_ours(&path) {
        // Not one of our services (tonic answers Unimplemented).
        return match inner.call(req).await {
            Ok(r) => r,
            Err(e) => match e {},
        };
    }
    let peer = req.extensions().get::<PeerInfo>().cloned();
    let admitted = match front.admit(Door::Grpc, authz::lookup(&path), &path, peer.as_ref(), None) {
        Ok(a) => a,
        Err(status) => return status.into_http(),
    };
    let req = if admitted.rule.mutation {
        // Read the (small, unary) request to say what it acts on, then hand
        // the same bytes on.
        let (parts, body) = req.into_parts();
        let bytes = match Limited::new(body, MAX_ADMIN_REQUEST_BYTES + 16).collect().await {
            Ok(c) => c.to_bytes(),
            Err(e) => {
                let status = Status::resource_exhausted(format!("request too large or unreadable: {e}"));
                admitted.finish(front, Err((status.code(), status.message().to_string())));
                return status.into_http();
            }
        };
        admitted.set_target(target::frame(&bytes).map(|m| target::of(admitted.rule.rpc, m)).unwrap_or_default());
        Request::from_parts(parts, Body::new(Full::<Bytes>::new(bytes)))
    } else {
        req
    };
    let resp = match inner.call(req).await {
        Ok(r) => r,
        Err(e) => match e {},
    };
    let result = match Status::from_header_map(resp.headers()) {
        Some(s) if s.code() != tonic::Code::Ok => Err((s.code(), s.message().to_string())),
        _ => Ok(()),
    };
    admitted.finish(front, result);
    resp
}

/// A REST request: resolved against the route table, admitted, dispatched.
async fn rest_call(front: &FrontDoor, rest: &Rest, req: Request<Body>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_string();
    let (route, params) = match authz::resolve(parts.method.as_str(), &path) {
        Resolved::Route(route, params) => (route, params.into_iter().map(str::to_string).collect::<Vec<_>>()),
        Resolved::MethodNotAllowed(allow) => return drained(body, reply::method_not_allowed(&allow)).await,
        Resolved::NotFound => return drained(body, reply::not_found(&path)).await,
    };
    let peer = parts.extensions.get::<PeerInfo>();
    let admitted: Admitted =
        match front.admit(Door::Rest, authz::rule_of(route), route.rpc, peer, bearer(&parts.headers)) {
            Ok(a) => a,
            Err(status) => return drained(body, reply::from_status(&status)).await,
        };
    let resp = routes::dispatch(rest, front, &admitted, route.op, &params, &parts, body).await;
    let result = match resp.extensions().get::<reply::Failed>() {
        Some(f) => Err((f.code, f.message.clone())),
        None => Ok(()),
    };
    admitted.finish(front, result);
    resp
}

/// Answers a request refused before its handler with `resp`, after reading
/// (and dropping) what is left of its body, bounded in size and time: an
/// HTTP/2 stream answered while the client is still sending would otherwise be
/// reset, and the client would see a framing error instead of the 401/403/404.
async fn drained(body: Body, resp: Response<Body>) -> Response<Body> {
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        Limited::new(body, MAX_ADMIN_REQUEST_BYTES + 16).collect(),
    )
    .await;
    resp
}
