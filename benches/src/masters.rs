//! Which master a simulated agent dials: the agent's own rule
//! (`piccolo_common::rotation`: after a session ends or fails, each of the
//! others once, in a random order, dialled after a short jitter (0-500 ms)
//! within the round that follows a session, and after the agent's backoff
//! once every master failed since). A simulated agent starts at its own
//! place in the list (agent `i` of `n` masters at `i % n`), as a fleet whose
//! devices were given rotated lists would.

use std::time::Duration;

use piccolo_common::rotation::Rotation;

/// The masters to try, in order, and the current one.
pub struct Masters(Rotation);

impl Masters {
    /// `start` is taken modulo the list's length.
    pub fn new(list: Vec<String>, start: usize) -> Self {
        Self(Rotation::new(list, start))
    }

    /// The master to dial now.
    pub fn current(&self) -> &str {
        self.0.current()
    }

    /// Index of the current master in the configured list.
    pub fn index(&self) -> usize {
        self.0.index()
    }

    /// A session was established: the next failure starts a new round.
    pub fn connected(&mut self) {
        self.0.connected();
    }

    /// Moves on to another master (the agent's rule); returns how long to wait
    /// first: a short jitter when `quick`, else `None` (use the backoff).
    pub fn advance(&mut self) -> Option<Duration> {
        self.0.advance(rand::random::<u64>).then(|| Duration::from_millis(rand::random::<u64>() % 500))
    }

    /// Takes the list a master sent: adds addresses not known yet.
    pub fn learn(&mut self, addresses: Vec<String>) {
        self.0.learn(addresses);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_its_place_and_visits_each_other_once_a_round() {
        let list: Vec<String> = (1..=3).map(|i| format!("127.0.0.1:{i}")).collect();
        let mut m = Masters::new(list, 4);
        assert_eq!(m.current(), "127.0.0.1:2");
        m.connected();
        let first = m.advance();
        assert!(first.is_some_and(|d| d < Duration::from_millis(500)), "quick after a session");
        let a = m.current().to_string();
        assert!(m.advance().is_some(), "still the round after the session");
        let b = m.current().to_string();
        assert_ne!(a, b);
        assert_ne!(a, "127.0.0.1:2");
        assert_ne!(b, "127.0.0.1:2");
        assert!(m.advance().is_none(), "every master failed since: the backoff");
        m.learn(vec!["127.0.0.1:4".into(), "127.0.0.1:1".into()]);
        assert_eq!(m.0.all().len(), 4);
        let mut one = Masters::new(vec!["127.0.0.1:1".into()], 0);
        assert!(one.advance().is_none());
        assert_eq!(one.current(), "127.0.0.1:1");
    }
}
