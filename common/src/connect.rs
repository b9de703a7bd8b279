//! A tonic `Channel` whose TLS is done by our own rustls configuration (tonic's
//! built-in TLS cannot pin a CA by hash). HTTP/2 keepalive is set here so that
//! both ends notice a silent peer within seconds.

use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls_pki_types::ServerName;
use thiserror::Error;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tonic::transport::{Channel, Endpoint, Uri};

/// Why a connection to the master could not be made.
#[derive(Debug, Error)]
pub enum ConnectError {
    #[error("master address {0:?} is invalid: expected HOST:PORT")]
    Address(String),
    #[error("cannot connect to the master at {addr}: {reason}")]
    Unreachable { addr: String, reason: String },
}

/// Connection tuning.
#[derive(Debug, Clone, Copy)]
pub struct ConnectOptions {
    pub connect_timeout: Duration,
    pub keepalive_interval: Duration,
    pub keepalive_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            keepalive_interval: Duration::from_secs(10),
            keepalive_timeout: Duration::from_secs(5),
        }
    }
}

/// Splits `HOST:PORT` (or `[v6]:PORT`) into the host used for the TLS name and the address.
pub fn server_name(addr: &str) -> Result<ServerName<'static>, ConnectError> {
    let host = if let Some(rest) = addr.strip_prefix('[') {
        rest.split_once(']').map(|(h, _)| h)
    } else {
        addr.rsplit_once(':').map(|(h, _)| h)
    }
    .filter(|h| !h.is_empty())
    .ok_or_else(|| ConnectError::Address(addr.to_string()))?;
    ServerName::try_from(host.to_string()).map_err(|_| ConnectError::Address(addr.to_string()))
}

/// A gRPC status in words: its message and its causes (a status's Display
/// is a debug dump with the code and metadata).
pub fn status_text(s: &tonic::Status) -> String {
    let mut text = s.message().to_string();
    if let Some(cause) = std::error::Error::source(s) {
        let causes = error_chain(cause);
        if !text.contains(&causes) {
            text.push_str(&format!(": {causes}"));
        }
    }
    text
}

/// Flattens an error and its sources into one line.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let s = e.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        cur = e.source();
    }
    out
}

/// Connects to `addr` over TLS with `config` and returns a ready channel.
pub async fn connect(addr: &str, config: Arc<ClientConfig>, opts: ConnectOptions) -> Result<Channel, ConnectError> {
    connect_from(addr, config, opts, None).await
}

async fn tcp(target: &str, bind: Option<std::net::IpAddr>) -> std::io::Result<TcpStream> {
    let Some(ip) = bind else { return TcpStream::connect(target).await };
    let dest = tokio::net::lookup_host(target)
        .await?
        .find(|a| a.is_ipv4() == ip.is_ipv4())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, format!("{target}: no address for {ip}")))?;
    let socket = if ip.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.bind(std::net::SocketAddr::new(ip, 0))?;
    socket.connect(dest).await
}

/// [`connect`] from a chosen local address (`None`: the system's choice), e.g.
/// a second loopback address in tests of per-source limits.
pub async fn connect_from(
    addr: &str,
    config: Arc<ClientConfig>,
    opts: ConnectOptions,
    bind: Option<std::net::IpAddr>,
) -> Result<Channel, ConnectError> {
    let name = server_name(addr)?;
    let endpoint = Endpoint::from_shared(format!("http://{addr}"))
        .map_err(|_| ConnectError::Address(addr.to_string()))?
        .connect_timeout(opts.connect_timeout)
        .http2_keep_alive_interval(opts.keepalive_interval)
        .keep_alive_timeout(opts.keepalive_timeout)
        .keep_alive_while_idle(true)
        .tcp_nodelay(true);
    let connector = TlsConnector::from(config);
    let target = addr.to_string();
    let timeout = opts.connect_timeout;
    let make = tower::service_fn(move |_uri: Uri| {
        let connector = connector.clone();
        let name = name.clone();
        let target = target.clone();
        async move {
            let io = tokio::time::timeout(timeout, async {
                let tcp = tcp(&target, bind).await?;
                tcp.set_nodelay(true)?;
                connector.connect(name, tcp).await
            })
            .await
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "TLS connect timed out"))??;
            Ok::<_, std::io::Error>(TokioIo::new(io))
        }
    });
    endpoint
        .connect_with_connector(make)
        .await
        .map_err(|e| ConnectError::Unreachable { addr: addr.to_string(), reason: error_chain(&e) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names() {
        assert!(server_name("127.0.0.1:7443").is_ok());
        assert!(server_name("[::1]:7443").is_ok());
        assert!(server_name("master.local:1").is_ok());
        assert!(server_name("nohost").is_err());
        assert!(server_name(":80").is_err());
    }
}
