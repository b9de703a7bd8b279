//! Failures and their exit codes, and gRPC statuses turned into messages that
//! say which part failed: the connection to the master (a transport error
//! raised on this side), or the master's own answer (a node it cannot reach,
//! its store, a refusal), in the master's words.

use std::error::Error as _;

use tonic::Code;

/// A failure with the exit code to use (1: the operation failed; 2: bad usage).
pub struct Failure(pub String, pub u8);

/// Whether the status was made on this side from a connection failure, rather
/// than sent by the master.
fn is_transport(s: &tonic::Status) -> bool {
    s.source().is_some()
}

/// The chain of causes of a transport failure, without tonic's debug structs.
fn causes(s: &tonic::Status) -> String {
    let mut parts = vec![s.message().to_string()];
    let mut next = s.source();
    while let Some(e) = next {
        let text = e.to_string();
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = e.source();
    }
    parts.retain(|p| !p.is_empty());
    parts.join(": ")
}

/// A status as a [`Failure`] for the command `what`.
pub fn rpc_err(what: &str, s: tonic::Status) -> Failure {
    let msg = match s.code() {
        _ if is_transport(&s) => {
            format!(
                "{what}: cannot reach the master ({}); check that it runs and that the endpoint in the admin credential is right",
                causes(&s)
            )
        }
        Code::Unauthenticated | Code::PermissionDenied => format!("{what}: refused by the master: {}", s.message()),
        Code::Unavailable => format!("{what}: the master answered but cannot do it now: {}", s.message()),
        Code::DeadlineExceeded => format!("{what}: timed out: {}", s.message()),
        _ => format!("{what}: {}", s.message()),
    };
    Failure(msg, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masters_answer_is_not_blamed_on_the_connection() {
        let s = tonic::Status::unavailable("node \"n1\" is not connected; try again when it is back online");
        let Failure(msg, code) = rpc_err("container restart n1/web", s);
        assert_eq!(code, 1);
        assert!(msg.contains("the master answered") && msg.contains("not connected"), "{msg}");
        assert!(!msg.contains("unreachable"), "{msg}");
    }

    #[test]
    fn a_transport_failure_names_the_connection() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused");
        let s = tonic::Status::from_error(Box::new(io));
        let Failure(msg, _) = rpc_err("get nodes", s);
        assert!(msg.contains("cannot reach the master") && msg.contains("connection refused"), "{msg}");
    }
}
