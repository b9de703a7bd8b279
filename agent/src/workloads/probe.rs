//! Liveness probes run by the agent: `http` (a GET answered 2xx/3xx),
//! `tcp` (a connection to 127.0.0.1:PORT) and `exec` (exit code 0 inside the
//! container, through Podman's exec API). Each is bounded by a timeout.

use std::time::Duration;

use piccolo_proto::{Liveness, liveness};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::podman::Podman;

const TIMEOUT: Duration = Duration::from_secs(2);

/// Runs one probe; `Err` says why it failed.
pub async fn run(l: &Liveness, podman: &Podman, container: &str) -> Result<(), String> {
    let fut = async {
        match &l.probe {
            Some(liveness::Probe::Tcp(port)) => {
                TcpStream::connect(("127.0.0.1", *port as u16)).await.map(drop).map_err(|e| format!("tcp {port}: {e}"))
            }
            Some(liveness::Probe::Http(url)) => http(url).await,
            Some(liveness::Probe::Exec(e)) => match podman.exec(container, &e.command).await {
                Ok(0) => Ok(()),
                Ok(code) => Err(format!("exec {:?} exited {code}", e.command)),
                Err(err) => Err(format!("exec: {err}")),
            },
            None => Ok(()),
        }
    };
    tokio::time::timeout(TIMEOUT, fut).await.unwrap_or_else(|_| Err(format!("no answer within {TIMEOUT:?}")))
}

/// A minimal HTTP/1.0 GET: enough for a liveness endpoint, no client library.
async fn http(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("{url:?} is not an http:// URL"))?;
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let addr = if hostport.contains(':') { hostport.to_string() } else { format!("{hostport}:80") };
    let mut s = TcpStream::connect(&addr).await.map_err(|e| format!("http {url}: {e}"))?;
    let req = format!("GET {path} HTTP/1.0\r\nHost: {hostport}\r\n\r\n");
    s.write_all(req.as_bytes()).await.map_err(|e| format!("http {url}: {e}"))?;
    let mut head = [0u8; 32];
    let n = s.read(&mut head).await.map_err(|e| format!("http {url}: {e}"))?;
    let line = String::from_utf8_lossy(&head[..n]);
    let code: u16 = line.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    if (200..400).contains(&code) { Ok(()) } else { Err(format!("http {url}: status {code}")) }
}
