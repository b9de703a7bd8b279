//! The TLS front door: accepts TCP, runs the rustls handshake under a deadline
//! with a cap on handshakes in flight (garbage bytes, port scanners and
//! half-open "slowloris" clients cost a bounded amount and never reach gRPC),
//! and a cap on open connections per source IP, and hands tonic connections
//! that carry the peer's certificate chain: node connections on one stream,
//! every other connection on another, so each can get its own HTTP/2
//! keepalive ([`super::serve`]). A connection that finishes TLS and then
//! sends no request within `first_request_timeout` is closed too.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use rustls_pki_types::CertificateDer;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc, watch};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::server::Connected;
use tracing::debug;

use super::auth::{Role, identity};
use super::conns::{Conns, Kill};
use crate::metrics::Metrics;

/// What the gRPC handlers learn about a connection.
#[derive(Clone, Debug)]
pub struct PeerInfo {
    pub remote: SocketAddr,
    /// The client's certificate chain (leaf first), when it offered one.
    pub certs: Option<Arc<Vec<CertificateDer<'static>>>>,
}

/// A TLS connection plus its peer info.
pub struct TlsConn {
    inner: TlsStream<TcpStream>,
    info: PeerInfo,
    /// Releases this connection's slot in its source's count when dropped.
    _slot: Option<SourceSlot>,
    /// Set for node connections: revocation cuts them ([`super::conns`]).
    kill: Option<Arc<Kill>>,
    /// Until the first [`FIRST_REQUEST_BYTES`] arrive: when the connection is
    /// closed if they have not (a peer that finished TLS and then sits silent).
    first_request: Option<FirstRequest>,
}

/// Bytes a client sends before it has made a request: the HTTP/2 preface
/// (24 bytes); no HTTP/1.1 request is shorter.
const FIRST_REQUEST_BYTES: usize = 24;

struct FirstRequest {
    deadline: Pin<Box<tokio::time::Sleep>>,
    seen: usize,
    metrics: Arc<Metrics>,
}

impl TlsConn {
    fn cut(&self, cx: &mut Context<'_>) -> bool {
        self.kill.as_ref().is_some_and(|k| k.check(cx))
    }
}

fn revoked() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "node removed or its certificate revoked")
}

/// Open connections per source IP (handshakes included).
#[derive(Default)]
struct PerSource {
    counts: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection's share of its source's count.
struct SourceSlot {
    table: Arc<PerSource>,
    ip: IpAddr,
}

impl PerSource {
    /// Takes a slot for `ip` unless it already holds `cap`.
    fn take(self: &Arc<Self>, ip: IpAddr, cap: usize) -> Option<SourceSlot> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let n = counts.entry(ip).or_insert(0);
        if *n >= cap {
            return None;
        }
        *n += 1;
        Some(SourceSlot { table: self.clone(), ip })
    }
}

impl Drop for SourceSlot {
    fn drop(&mut self) {
        let mut counts = self.table.counts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = counts.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                counts.remove(&self.ip);
            }
        }
    }
}

impl Connected for TlsConn {
    type ConnectInfo = PeerInfo;
    fn connect_info(&self) -> PeerInfo {
        self.info.clone()
    }
}

impl AsyncRead for TlsConn {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if self.cut(cx) {
            return Poll::Ready(Err(revoked()));
        }
        let Some(first) = self.first_request.as_mut() else {
            return Pin::new(&mut self.inner).poll_read(cx, buf);
        };
        if first.deadline.as_mut().poll(cx).is_ready() {
            first.metrics.idle_connections_closed.inc();
            debug!(remote = %self.info.remote, "no request within first_request_timeout after TLS; closing");
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "no request after the TLS handshake")));
        }
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len() - before;
        if let Some(first) = self.first_request.as_mut() {
            first.seen += read;
            if first.seen >= FIRST_REQUEST_BYTES {
                self.first_request = None;
            }
        }
        r
    }
}

impl AsyncWrite for TlsConn {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if self.cut(cx) {
            return Poll::Ready(Err(revoked()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if self.cut(cx) {
            return Poll::Ready(Err(revoked()));
        }
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

/// Limits of the front door.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub handshake_timeout: Duration,
    /// After TLS, the first request bytes must arrive within this.
    pub first_request_timeout: Duration,
    pub max_handshakes: usize,
    /// Open connections one source IP may hold; 0 = no cap.
    pub max_per_source: usize,
}

/// Completed TLS connections, by who is calling.
pub struct Incoming {
    /// Connections made with a node certificate (agents, child masters).
    pub nodes: ReceiverStream<Result<TlsConn, io::Error>>,
    /// Everything else: admins, viewers, REST clients, enrolling devices.
    pub others: ReceiverStream<Result<TlsConn, io::Error>>,
}

/// Accepts connections until shutdown; yields completed TLS connections.
pub fn incoming(
    listener: TcpListener,
    acceptor: TlsAcceptor,
    limits: Limits,
    metrics: Arc<Metrics>,
    conns: Arc<Conns>,
    mut shutdown: watch::Receiver<bool>,
) -> Incoming {
    let (node_tx, node_rx) = mpsc::channel(256);
    let (other_tx, other_rx) = mpsc::channel(64);
    let permits = Arc::new(Semaphore::new(limits.max_handshakes));
    let per_source = Arc::new(PerSource::default());
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                r = listener.accept() => r,
                _ = shutdown.changed() => break,
            };
            let (tcp, remote) = match accepted {
                Ok(a) => a,
                Err(e) => {
                    // EMFILE and friends: back off briefly instead of spinning.
                    debug!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let slot = if limits.max_per_source > 0 {
                match per_source.take(remote.ip(), limits.max_per_source) {
                    Some(slot) => Some(slot),
                    None => {
                        debug!(%remote, cap = limits.max_per_source, "too many connections from this source; dropping");
                        metrics.connections_refused_per_source.inc();
                        continue;
                    }
                }
            } else {
                None
            };
            let Ok(permit) = permits.clone().try_acquire_owned() else {
                debug!(%remote, "too many TLS handshakes in flight; dropping connection");
                metrics.tls_handshake_failures.inc();
                continue;
            };
            let _ = tcp.set_nodelay(true);
            let acceptor = acceptor.clone();
            let (node_tx, other_tx) = (node_tx.clone(), other_tx.clone());
            let metrics = metrics.clone();
            let conns = conns.clone();
            tokio::spawn(async move {
                let result = tokio::time::timeout(limits.handshake_timeout, acceptor.accept(tcp)).await;
                drop(permit);
                match result {
                    Ok(Ok(stream)) => {
                        let certs = stream
                            .get_ref()
                            .1
                            .peer_certificates()
                            .map(|c| Arc::new(c.iter().map(|c| c.clone().into_owned()).collect::<Vec<_>>()));
                        let kill = match certs.as_ref().and_then(|c| c.first()).map(|leaf| identity(leaf)) {
                            Some(Ok(id)) if id.role == Role::Node => Some(conns.track(&id.name)),
                            _ => None,
                        };
                        let tx = if kill.is_some() { node_tx } else { other_tx };
                        let first_request = Some(FirstRequest {
                            deadline: Box::pin(tokio::time::sleep(limits.first_request_timeout)),
                            seen: 0,
                            metrics: metrics.clone(),
                        });
                        let info = PeerInfo { remote, certs };
                        let conn = TlsConn { inner: stream, info, kill, first_request, _slot: slot };
                        let _ = tx.send(Ok(conn)).await;
                    }
                    Ok(Err(e)) => {
                        metrics.tls_handshake_failures.inc();
                        debug!(%remote, error = %e, "TLS handshake failed");
                    }
                    Err(_) => {
                        metrics.tls_handshake_failures.inc();
                        debug!(%remote, "TLS handshake timed out");
                    }
                }
            });
        }
    });
    Incoming { nodes: ReceiverStream::new(node_rx), others: ReceiverStream::new(other_rx) }
}
