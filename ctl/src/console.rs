//! `piccoloctl console token` (a read-only bearer token for the master's web
//! console, made by the master's REST API over the same mutual-TLS channel as
//! gRPC) and `piccoloctl credential export` (the credential's PEM files, for
//! curl and other REST clients).

use std::path::Path;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use piccolo_common::credential::AdminCredential;
use tonic::codegen::http;
use tower::Service;

/// What the errors of `console token` start with (the common error format,
/// like [`crate::errors::rpc_err`]).
const WHAT: &str = "console token";

fn unreachable(e: impl std::fmt::Display) -> String {
    format!(
        "{WHAT}: cannot reach the master ({e}); check that it runs and that the endpoint in the admin credential is right"
    )
}

/// Asks the master for a console token; returns (token, console URL).
pub async fn token(conf: &Path, name: &str, ttl: Duration, timeout: Duration) -> Result<(String, String), String> {
    let cred = AdminCredential::load(conf).map_err(|e| e.to_string())?;
    let mut ch = crate::client::connect_channel(conf, timeout).await?;
    let body = serde_json::json!({ "name": name, "ttlSeconds": ttl.as_secs() }).to_string();
    let req = http::Request::builder()
        .method("POST")
        .uri(format!("https://{}/api/v1/console/tokens", cred.endpoint))
        .header("content-type", "application/json")
        .body(tonic::body::Body::new(Full::new(Bytes::from(body))))
        .map_err(|e| format!("{WHAT}: cannot build the request: {e}"))?;
    std::future::poll_fn(|cx| ch.poll_ready(cx)).await.map_err(unreachable)?;
    let resp = tokio::time::timeout(timeout.max(Duration::from_secs(5)), ch.call(req))
        .await
        .map_err(|_| format!("{WHAT}: timed out: the master did not answer in time"))?
        .map_err(unreachable)?;
    let status = resp.status();
    let bytes = resp.into_body().collect().await.map_err(|e| format!("{WHAT}: reading the reply: {e}"))?.to_bytes();
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| {
        format!("{WHAT}: the master answered HTTP {status} without JSON (is it older than the REST API?)")
    })?;
    if !status.is_success() {
        let message = v["message"].as_str().unwrap_or_default();
        return Err(match status.as_u16() {
            401 | 403 => format!("{WHAT}: refused by the master: {message}"),
            503 => format!("{WHAT}: the master answered but cannot do it now: {message}"),
            _ => format!("{WHAT}: {message} (HTTP {status})"),
        });
    }
    let token = v["token"].as_str().unwrap_or_default().to_string();
    let url = format!("https://{}/console#token={token}", cred.endpoint);
    Ok((token, url))
}

/// Writes `ca.crt`, `client.crt` and `client.key` (0600) of a credential into `dir`.
pub fn export(conf: &Path, dir: &Path) -> Result<(), String> {
    let cred = AdminCredential::load(conf).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, body: &str, private: bool| {
        let p = dir.join(name);
        let r = if private {
            piccolo_common::files::write_private(&p, body.as_bytes())
        } else {
            piccolo_common::files::write_public(&p, body.as_bytes())
        };
        r.map_err(|e| format!("cannot write {}: {e}", p.display()))
    };
    write("ca.crt", &cred.ca, false)?;
    write("client.crt", &cred.cert, false)?;
    write("client.key", &cred.key, true)?;
    Ok(())
}
