//! The REST/JSON API and the web console, served on the same TLS port as gRPC.
//!
//! The front door ([`crate::front::layer`]) sends every request whose
//! content-type is `application/grpc*` on to gRPC and, once admitted, answers
//! the rest here: `/api/v1/...` (JSON, see `docs/openapi.yaml`) and `/console`
//! (one embedded page). REST handlers call the gRPC `AdminApi` itself, so
//! behaviour lives once. Browsers, which cannot easily present a client
//! certificate, may send a console token (`Authorization: Bearer ...`) that
//! grants viewer rights (checked by the front door).
//!
//! # Layout
//! - [`routes`]: the handlers: request parsing, calls into `AdminApi`.
//! - [`reply`]: JSON responses and the gRPC-status to HTTP-status mapping.
//! - [`token`]: console tokens (HMAC-signed, viewer-only, with an expiry).
//! - [`watch`]: `GET /api/v1/watch/nodes`, the gRPC node watch as server-sent events.

pub mod reply;
pub mod routes;
pub mod token;
pub mod watch;
pub mod workloads;

use crate::server::admin_api::AdminApi;

/// What the REST handlers share.
pub struct Rest {
    pub api: AdminApi,
}
