//! The REST/JSON API and the web console, served on the same TLS port as gRPC.
//!
//! A tower layer in front of tonic's router sends every request whose
//! content-type is `application/grpc*` on to gRPC unchanged and answers the
//! rest here: `/api/v1/...` (JSON, see `docs/openapi.yaml`) and `/console`
//! (one embedded page). REST handlers call the gRPC `AdminApi` itself, so
//! authorization (admin mutates, viewer reads, node certificates nothing) and
//! behaviour live once. Browsers, which cannot easily present a client
//! certificate, may send a console token (`Authorization: Bearer ...`) that
//! grants viewer rights.
//!
//! # Layout
//! - [`routes`]: path and method table, request parsing, calls into `AdminApi`.
//! - [`reply`]: JSON responses and the gRPC-status to HTTP-status mapping.
//! - [`token`]: console tokens (HMAC-signed, viewer-only, with an expiry).
//! - [`watch`]: `GET /api/v1/watch/nodes`, the gRPC node watch as server-sent events.

pub mod reply;
pub mod routes;
pub mod token;
pub mod watch;

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::{Request, Response};
use tonic::body::Body;
use tracing::warn;

use crate::server::AppState;
use crate::server::admin_api::AdminApi;

/// What the REST handlers share.
pub struct Rest {
    pub api: AdminApi,
    /// Signs and checks console tokens; `None` when its key could not be set up.
    pub tokens: Option<token::ConsoleTokens>,
}

/// The layer added to tonic's server.
#[derive(Clone)]
pub struct RestLayer {
    rest: Arc<Rest>,
}

impl RestLayer {
    pub fn new(state: Arc<AppState>) -> Self {
        let tokens = match token::ConsoleTokens::load_or_create(&state.cfg.data_dir) {
            Ok(t) => Some(t),
            Err(e) => {
                warn!(error = %e, "console tokens are disabled");
                None
            }
        };
        Self { rest: Arc::new(Rest { api: AdminApi::new(state), tokens }) }
    }
}

impl<S> tower::Layer<S> for RestLayer {
    type Service = RestOrGrpc<S>;
    fn layer(&self, inner: S) -> Self::Service {
        RestOrGrpc { inner, rest: self.rest.clone() }
    }
}

/// Dispatches by content-type: gRPC to `inner`, everything else to REST.
#[derive(Clone)]
pub struct RestOrGrpc<S> {
    inner: S,
    rest: Arc<Rest>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

fn is_grpc(req: &Request<Body>) -> bool {
    req.headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc"))
}

impl<S> tower::Service<Request<Body>> for RestOrGrpc<S>
where
    S: tower::Service<Request<Body>, Response = Response<Body>, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Response<Body>, Infallible>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        if is_grpc(&req) {
            return Box::pin(self.inner.call(req));
        }
        let rest = self.rest.clone();
        Box::pin(async move { Ok(routes::handle(&rest, req).await) })
    }
}
