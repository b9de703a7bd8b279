//! Which master a simulated agent dials (`agent/src/masters.rs`, reproduced so
//! the simulated fleet fails over the way a real one does): the configured
//! list plus the addresses the masters send in every session; after a session
//! ends or fails, each of the others once, in a random order, dialled after a
//! short jitter (0-500 ms) within the round that follows a session and after
//! the agent's backoff once every master failed since. A simulated agent
//! starts at its own place in the list (agent `i` of `n` masters at `i % n`),
//! as a fleet whose devices were given rotated lists would.

use std::time::Duration;

/// The masters to try, in order, and the current one.
pub struct Masters {
    list: Vec<String>,
    current: usize,
    /// The others still to try in this round, in random order.
    round: Vec<usize>,
    /// A session ended since the last round started (its master went away).
    after_session: bool,
}

impl Masters {
    /// `list` must not be empty; `start` is taken modulo its length.
    pub fn new(list: Vec<String>, start: usize) -> Self {
        let current = if list.is_empty() { 0 } else { start % list.len() };
        Self { list, current, round: Vec::new(), after_session: false }
    }

    /// The master to dial now.
    pub fn current(&self) -> &str {
        self.list.get(self.current).map(String::as_str).unwrap_or_default()
    }

    /// Index of the current master in the configured list.
    pub fn index(&self) -> usize {
        self.current
    }

    /// A session was established: the next failure starts a new round.
    pub fn connected(&mut self) {
        self.round.clear();
        self.after_session = true;
    }

    /// Moves on to another master (the agent's rule); returns how long to wait
    /// first: a short jitter when `quick`, else `None` (use the backoff).
    pub fn advance(&mut self) -> Option<Duration> {
        let n = self.list.len();
        if n < 2 {
            return None;
        }
        let mut quick = true;
        if self.round.is_empty() {
            quick = std::mem::take(&mut self.after_session);
            let mut others: Vec<usize> = (0..n).filter(|i| *i != self.current).collect();
            for i in (1..others.len()).rev() {
                others.swap(i, rand::random::<u64>() as usize % (i + 1));
            }
            self.round = others;
        }
        if let Some(next) = self.round.pop() {
            self.current = next;
        }
        quick.then(|| Duration::from_millis(rand::random::<u64>() % 500))
    }

    /// Takes the list a master sent: adds addresses not known yet.
    pub fn learn(&mut self, addresses: Vec<String>) {
        for a in addresses {
            if !a.is_empty() && !self.list.contains(&a) {
                self.list.push(a);
            }
        }
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
        assert_eq!(m.list.len(), 4);
        let mut one = Masters::new(vec!["127.0.0.1:1".into()], 0);
        assert!(one.advance().is_none());
        assert_eq!(one.current(), "127.0.0.1:1");
    }
}
