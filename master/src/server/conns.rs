//! Live connections made with a node certificate, by node name, so that
//! removing a node or revoking its certificate cuts its open TLS connection at
//! once (every stream on it fails), not only its next call.
//!
//! Each such connection carries a [`Kill`] switch that its reads and writes
//! check; [`Conns::cut`] flips the switches and wakes the connection's task.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Waker};

/// A connection's kill switch.
#[derive(Default)]
pub struct Kill {
    killed: AtomicBool,
    waker: Mutex<Option<Waker>>,
}

impl Kill {
    /// True once cut; otherwise remembers who to wake when it is.
    pub fn check(&self, cx: &mut Context<'_>) -> bool {
        if self.killed.load(Ordering::Acquire) {
            return true;
        }
        let mut w = self.waker.lock().unwrap_or_else(|p| p.into_inner());
        match w.as_ref() {
            Some(old) if old.will_wake(cx.waker()) => {}
            _ => *w = Some(cx.waker().clone()),
        }
        drop(w);
        // Cut between the first load and storing the waker: seen here.
        self.killed.load(Ordering::Acquire)
    }

    fn kill(&self) {
        self.killed.store(true, Ordering::Release);
        if let Some(w) = self.waker.lock().unwrap_or_else(|p| p.into_inner()).take() {
            w.wake();
        }
    }
}

/// Node connections by node name.
#[derive(Default)]
pub struct Conns {
    by_node: Mutex<HashMap<String, Vec<Weak<Kill>>>>,
}

impl Conns {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Registers a new connection made with `node`'s certificate.
    pub fn track(&self, node: &str) -> Arc<Kill> {
        let kill = Arc::new(Kill::default());
        let mut map = self.by_node.lock().unwrap_or_else(|p| p.into_inner());
        // Forget this node's connections that are gone: O(its connections),
        // so a reconnect storm stays linear; the map holds one entry per node
        // name that ever connected (bounded by the registry).
        let v = map.entry(node.to_string()).or_default();
        v.retain(|w| w.strong_count() > 0);
        v.push(Arc::downgrade(&kill));
        kill
    }

    /// Cuts every node connection (a master cut off from its store hands
    /// its devices to the others); returns how many.
    pub fn cut_all(&self) -> usize {
        let names: Vec<String> = self.by_node.lock().unwrap_or_else(|p| p.into_inner()).keys().cloned().collect();
        names.iter().map(|n| self.cut(n)).sum()
    }

    /// Cuts every live connection of `node`; returns how many.
    pub fn cut(&self, node: &str) -> usize {
        let conns = self.by_node.lock().unwrap_or_else(|p| p.into_inner()).remove(node).unwrap_or_default();
        let mut n = 0;
        for k in conns.iter().filter_map(Weak::upgrade) {
            k.kill();
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_kills_only_that_nodes_live_connections() {
        let conns = Conns::new();
        let a1 = conns.track("a");
        let a2 = conns.track("a");
        let b = conns.track("b");
        drop(a2);
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        assert!(!a1.check(&mut cx));
        assert_eq!(conns.cut("a"), 1);
        assert!(a1.check(&mut cx));
        assert!(!b.check(&mut cx));
        assert_eq!(conns.cut("a"), 0);
    }
}
