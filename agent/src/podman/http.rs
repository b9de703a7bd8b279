//! HTTP/1.1 over Podman's unix socket with hyper's connection-level client:
//! one connection per exchange, and one long-lived connection for the event
//! stream split into lines. Each connection is driven inside the caller's
//! future, never by a spawned task, so nothing outlives its caller.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};

use http_body_util::{BodyExt, Empty, LengthLimitError, Limited};
use hyper::body::{Body, Bytes, Incoming};
use hyper::client::conn::http1;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::UnixStream;

use super::PodmanError;

/// Largest answer read into memory (a list of a few hundred containers is
/// well under 1 MiB).
const MAX_BODY: usize = 16 << 20;
/// Longest event line; a longer one means the stream is not what we expect.
const MAX_LINE: usize = 1 << 20;

type Connection = http1::Connection<TokioIo<UnixStream>, Empty<Bytes>>;
type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response<Incoming>, hyper::Error>> + Send>>;

/// A complete answer.
pub(crate) struct Reply {
    pub status: StatusCode,
    pub body: Bytes,
}

async fn connect(socket: &Path, what: &str) -> Result<(http1::SendRequest<Empty<Bytes>>, Connection), PodmanError> {
    let stream = UnixStream::connect(socket).await.map_err(|e| PodmanError::connect(socket.to_path_buf(), e))?;
    http1::handshake(TokioIo::new(stream)).await.map_err(|e| PodmanError::http(what, e))
}

fn request(method: Method, path: &str, what: &str) -> Result<Request<Empty<Bytes>>, PodmanError> {
    // Go's HTTP server refuses HTTP/1.1 requests without a Host header.
    Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, "localhost")
        .body(Empty::new())
        .map_err(|e| PodmanError::http(what, e))
}

/// Sends one request and reads the whole answer.
pub(crate) async fn exchange(socket: &Path, method: Method, path: &str, what: &str) -> Result<Reply, PodmanError> {
    let (mut sender, conn) = connect(socket, what).await?;
    let req = request(method, path, what)?;
    let talk = async move {
        let resp = sender.send_request(req).await.map_err(|e| PodmanError::http(what, e))?;
        let status = resp.status();
        let body = Limited::new(resp.into_body(), MAX_BODY).collect().await.map_err(|e| {
            if e.is::<LengthLimitError>() {
                PodmanError::TooLarge { what: what.to_string(), limit: MAX_BODY }
            } else {
                PodmanError::http(what, e)
            }
        })?;
        Ok(Reply { status, body: body.to_bytes() })
    };
    tokio::pin!(talk, conn);
    tokio::select! {
        biased;
        r = &mut talk => r,
        // The connection ended first: what it delivered (or its error)
        // reaches `talk` through hyper's channels.
        _ = &mut conn => talk.await,
    }
}

/// A streaming GET whose body is newline-delimited JSON.
pub(crate) struct LineStream {
    // Kept so hyper does not close the connection under the pending answer.
    _sender: http1::SendRequest<Empty<Bytes>>,
    conn: Option<Pin<Box<Connection>>>,
    state: State,
    buf: Vec<u8>,
}

enum State {
    /// Podman 4.3 sends the response head only with the first event.
    Head(ResponseFuture),
    Body(Incoming),
}

impl LineStream {
    /// Connects and queues the request; the head is awaited by `next_line`.
    pub async fn open(socket: &Path, path: &str) -> Result<Self, PodmanError> {
        let what = "the event stream";
        let (mut sender, conn) = connect(socket, what).await?;
        let head = sender.send_request(request(Method::GET, path, what)?);
        Ok(Self { _sender: sender, conn: Some(Box::pin(conn)), state: State::Head(Box::pin(head)), buf: Vec::new() })
    }

    /// The next line without its newline; an error when the stream ends.
    /// Cancel-safe: whatever was read stays in `self`.
    pub async fn next_line(&mut self) -> Result<Vec<u8>, PodmanError> {
        loop {
            if let Some(pos) = self.buf.iter().position(|&b| b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=pos).collect();
                line.pop();
                return Ok(line);
            }
            if self.buf.len() > MAX_LINE {
                return Err(PodmanError::TooLarge { what: "an event line".into(), limit: MAX_LINE });
            }
            std::future::poll_fn(|cx| self.poll_read(cx)).await?;
        }
    }

    /// Drives the connection and reads one more piece of the body.
    fn poll_read(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), PodmanError>> {
        // Dropping a finished connection closes hyper's channels, so the
        // head or body below reports how it ended.
        if let Some(conn) = self.conn.as_mut()
            && conn.as_mut().poll(cx).is_ready()
        {
            self.conn = None;
        }
        let what = "the event stream";
        match &mut self.state {
            State::Head(head) => match head.as_mut().poll(cx) {
                Poll::Ready(Ok(resp)) if resp.status().is_success() => {
                    self.state = State::Body(resp.into_body());
                    Poll::Ready(Ok(()))
                }
                Poll::Ready(Ok(resp)) => Poll::Ready(Err(PodmanError::Api {
                    what: what.into(),
                    status: resp.status().as_u16(),
                    message: String::new(),
                })),
                Poll::Ready(Err(e)) => Poll::Ready(Err(PodmanError::http(what, e))),
                Poll::Pending => Poll::Pending,
            },
            State::Body(body) => match Pin::new(body).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        self.buf.extend_from_slice(&data);
                    }
                    Poll::Ready(Ok(()))
                }
                Poll::Ready(Some(Err(e))) => Poll::Ready(Err(PodmanError::http(what, e))),
                Poll::Ready(None) => Poll::Ready(Err(PodmanError::StreamEnded)),
                Poll::Pending => Poll::Pending,
            },
        }
    }
}
