//! The node state machine, as a pure function so every transition is unit
//! tested: Pending -> Initializing -> Ready <-> NotReady; Maintenance by cordon;
//! Terminating on removal. The registry feeds it inputs and persists the result.

use piccolo_proto::NodeState;

/// Something that happened to a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An administrator approved a Pending node.
    Approved,
    /// A heartbeat (or status report) arrived; `ready` is whether every
    /// required readiness check passes.
    Alive {
        ready: bool,
    },
    /// A required readiness check failed (the reason names it).
    ReadinessFailed(String),
    /// The agent's connection closed (process died, reboot, network reset).
    ConnectionLost,
    /// No heartbeat within the timeout while the connection looked open.
    HeartbeatTimeout,
    Cordon,
    /// Uncordon; `live` is whether the node is connected and heartbeating.
    Uncordon {
        live: bool,
        ready: bool,
    },
    Remove,
}

/// The state a node moves to and why, or `None` if the input changes nothing.
pub fn next(state: NodeState, input: &Input) -> Option<(NodeState, String)> {
    use NodeState::*;
    let to = |s: NodeState, r: &str| Some((s, r.to_string()));
    match (state, input) {
        (Terminating, _) => None,
        (_, Input::Remove) => to(Terminating, "RemovalRequested"),
        (Pending, Input::Approved) => to(Initializing, "Approved"),
        (Pending, _) => None,
        (Maintenance, Input::Uncordon { live: true, ready: true }) => to(Ready, "Uncordoned"),
        (Maintenance, Input::Uncordon { live: true, ready: false }) => to(Initializing, "Uncordoned"),
        (Maintenance, Input::Uncordon { live: false, .. }) => to(NotReady, "UncordonedWhileDisconnected"),
        (Maintenance, _) => None,
        (_, Input::Cordon) => to(Maintenance, "Cordoned"),
        (Initializing, Input::Alive { ready: true }) => to(Ready, "ReadinessPassed"),
        (NotReady, Input::Alive { ready: true }) => to(Ready, "HeartbeatResumed"),
        (Ready, Input::ReadinessFailed(why)) => Some((NotReady, why.clone())),
        (Initializing, Input::ReadinessFailed(why)) => {
            // Stays Initializing; the reason is updated by the caller.
            let _ = why;
            None
        }
        (Ready | Initializing, Input::ConnectionLost) => to(NotReady, "ConnectionLost"),
        (Ready | Initializing, Input::HeartbeatTimeout) => to(NotReady, "HeartbeatTimeout"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeState::*;

    fn state(s: NodeState, i: Input) -> Option<NodeState> {
        next(s, &i).map(|(s, _)| s)
    }

    #[test]
    fn happy_path() {
        assert_eq!(state(Pending, Input::Approved), Some(Initializing));
        assert_eq!(state(Initializing, Input::Alive { ready: true }), Some(Ready));
        assert_eq!(state(Ready, Input::Alive { ready: true }), None);
    }

    #[test]
    fn pending_ignores_liveness() {
        assert_eq!(state(Pending, Input::Alive { ready: true }), None);
        assert_eq!(state(Pending, Input::ConnectionLost), None);
    }

    #[test]
    fn loss_and_recovery() {
        assert_eq!(next(Ready, &Input::ConnectionLost), Some((NotReady, "ConnectionLost".into())));
        assert_eq!(next(Ready, &Input::HeartbeatTimeout), Some((NotReady, "HeartbeatTimeout".into())));
        assert_eq!(next(NotReady, &Input::Alive { ready: true }), Some((Ready, "HeartbeatResumed".into())));
        assert_eq!(state(NotReady, Input::Alive { ready: false }), None);
        assert_eq!(state(NotReady, Input::ConnectionLost), None);
    }

    #[test]
    fn readiness_failures() {
        assert_eq!(
            next(Ready, &Input::ReadinessFailed("ReadinessFailed: disk".into())),
            Some((NotReady, "ReadinessFailed: disk".into()))
        );
        assert_eq!(state(Initializing, Input::ReadinessFailed("x".into())), None);
    }

    #[test]
    fn maintenance_is_sticky_until_uncordon() {
        assert_eq!(state(Ready, Input::Cordon), Some(Maintenance));
        assert_eq!(state(NotReady, Input::Cordon), Some(Maintenance));
        assert_eq!(state(Maintenance, Input::ConnectionLost), None);
        assert_eq!(state(Maintenance, Input::Alive { ready: true }), None);
        assert_eq!(state(Maintenance, Input::Uncordon { live: true, ready: true }), Some(Ready));
        assert_eq!(state(Maintenance, Input::Uncordon { live: false, ready: true }), Some(NotReady));
    }

    #[test]
    fn removal_is_final() {
        for s in [Pending, Initializing, Ready, NotReady, Maintenance] {
            assert_eq!(state(s, Input::Remove), Some(Terminating));
        }
        assert_eq!(state(Terminating, Input::Alive { ready: true }), None);
        assert_eq!(state(Terminating, Input::Approved), None);
    }
}
