//! What can go wrong talking to Podman, each with what to do about it.

use std::path::PathBuf;
use std::time::Duration;

/// An error from the Podman client or monitor.
#[derive(Debug, thiserror::Error)]
pub enum PodmanError {
    #[error(
        "Podman API socket {0} does not exist: is podman.socket enabled (systemctl enable --now podman.socket), \
         or is podman_socket in the agent config wrong?"
    )]
    SocketMissing(PathBuf),
    #[error("nothing listens on the Podman API socket {0} (stale socket): restart podman.socket or the Podman service")]
    NotListening(PathBuf),
    #[error("permission denied on the Podman API socket {0}: run the agent as root or give it the socket's group")]
    PermissionDenied(PathBuf),
    #[error("cannot connect to the Podman API socket {path}: {source}")]
    Connect {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Podman did not answer {what} within {timeout:?}: is the Podman service hung? (podman system service)")]
    Timeout { what: String, timeout: Duration },
    #[error("HTTP exchange with Podman failed during {what}: {source}")]
    Http {
        what: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("Podman's answer to {what} is larger than {limit} bytes")]
    TooLarge { what: String, limit: usize },
    #[error("unexpected answer from Podman to {what}: {source} (is this Podman 4.x with the libpod API?)")]
    Decode {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("no such container {0:?} on this device (see `podman ps -a`)")]
    NoSuchContainer(String),
    #[error(
        "invalid container name {0:?}: names are letters, digits, '_', '.' and '-', starting with a letter or digit"
    )]
    InvalidName(String),
    #[error("unknown container action {0:?}: use start, stop or restart")]
    UnknownAction(String),
    #[error("Podman refused {what}: HTTP {status}: {message}")]
    Api { what: String, status: u16, message: String },
    #[error(
        "cannot follow Podman's event log {path}: {source} (set events_logger = \"file\" in containers.conf, \
         or podman_events_file = \"\" to use the API's event stream)"
    )]
    EventLog {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Podman's event stream ended (the Podman service stopped or restarted)")]
    StreamEnded,
}

impl PodmanError {
    /// Maps a failed `connect(2)` on the socket to the error a person can act on.
    pub(crate) fn connect(path: PathBuf, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::NotFound => Self::SocketMissing(path),
            std::io::ErrorKind::ConnectionRefused => Self::NotListening(path),
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied(path),
            _ => Self::Connect { path, source },
        }
    }

    pub(crate) fn http(what: &str, source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Http { what: what.to_string(), source: source.into() }
    }

    pub(crate) fn decode(what: &str, source: serde_json::Error) -> Self {
        Self::Decode { what: what.to_string(), source }
    }
}
