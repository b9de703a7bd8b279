//! Which master an agent dials next, as a pure rule shared by the agent
//! (`agent/src/masters.rs`, which adds the data-dir file and logging) and the
//! simulated fleet (`benches/src/masters.rs`), so a simulated fleet fails over
//! exactly as a real one does.
//!
//! After a session ends or fails the agent goes on to another master: each of
//! the others once, in a random order, so the devices of a dead master spread
//! evenly over the others even when they were all given the same list, and a
//! dead or frozen master is tried at most once a round. Within the round that
//! follows a session the next dial is soon (a short jitter); once every
//! master failed since, the caller's backoff applies. The random source is a
//! parameter, so this crate links no random-number generator.

/// The masters to try, in order, and the current one.
#[derive(Debug, Clone)]
pub struct Rotation {
    list: Vec<String>,
    current: usize,
    /// The others still to try in this round, in random order.
    round: Vec<usize>,
    /// A session ended since the last round started (its master went away).
    after_session: bool,
}

impl Rotation {
    /// Starts at `start` (modulo the list's length).
    pub fn new(list: Vec<String>, start: usize) -> Self {
        let current = if list.is_empty() { 0 } else { start % list.len() };
        Self { list, current, round: Vec::new(), after_session: false }
    }

    /// The master to dial now (empty when the list is).
    pub fn current(&self) -> &str {
        self.list.get(self.current).map(String::as_str).unwrap_or_default()
    }

    /// Index of the current master in [`Rotation::all`].
    pub fn index(&self) -> usize {
        self.current
    }

    /// Every master known, configured ones first.
    pub fn all(&self) -> &[String] {
        &self.list
    }

    /// A session was established: the next failure starts a new round.
    pub fn connected(&mut self) {
        self.round.clear();
        self.after_session = true;
    }

    /// Moves on to another master: the next of this round, or a new round
    /// (the others shuffled with `random`) when it is used up. Returns whether
    /// to dial it soon: true within the round that follows a session, false
    /// once every master failed since (then the caller's backoff).
    pub fn advance(&mut self, mut random: impl FnMut() -> u64) -> bool {
        let n = self.list.len();
        if n < 2 {
            return false;
        }
        let mut quick = true;
        if self.round.is_empty() {
            quick = std::mem::take(&mut self.after_session);
            let mut others: Vec<usize> = (0..n).filter(|i| *i != self.current).collect();
            // Fisher-Yates.
            for i in (1..others.len()).rev() {
                others.swap(i, (random() % (i as u64 + 1)) as usize);
            }
            self.round = others;
        }
        if let Some(next) = self.round.pop() {
            self.current = next;
        }
        quick
    }

    /// Adds the addresses not known yet; returns whether any was new.
    pub fn learn(&mut self, addresses: impl IntoIterator<Item = String>) -> bool {
        let mut changed = false;
        for a in addresses {
            if !a.is_empty() && !self.list.contains(&a) {
                self.list.push(a);
                changed = true;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator for the shuffle.
    fn lcg(seed: u64) -> impl FnMut() -> u64 {
        let mut s = seed;
        move || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s >> 33
        }
    }

    #[test]
    fn a_round_visits_each_other_once_then_backs_off() {
        let list: Vec<String> = (1..=3).map(|i| format!("127.0.0.1:{i}")).collect();
        let mut m = Rotation::new(list, 4);
        assert_eq!(m.current(), "127.0.0.1:2");
        let mut rng = lcg(7);
        let mut firsts = std::collections::HashSet::new();
        for _ in 0..100 {
            let start = m.current().to_string();
            m.connected();
            assert!(m.advance(&mut rng), "soon after a session");
            let a = m.current().to_string();
            assert!(m.advance(&mut rng), "still the first round");
            let b = m.current().to_string();
            assert!(a != start && b != start && a != b, "{start} {a} {b}");
            firsts.insert(a);
            assert!(!m.advance(&mut rng), "every master failed since: back off");
            assert_ne!(m.current(), b, "a new round moves on");
        }
        assert_eq!(firsts.len(), 3, "every master comes first in some round");
    }

    #[test]
    fn learning_adds_only_new_addresses_and_one_master_never_moves() {
        let mut m = Rotation::new(vec!["127.0.0.1:1".into()], 0);
        assert!(!m.advance(|| 0));
        assert_eq!(m.current(), "127.0.0.1:1");
        assert!(m.learn(["127.0.0.1:2".to_string(), "127.0.0.1:1".to_string(), String::new()]));
        assert!(!m.learn(["127.0.0.1:2".to_string()]));
        assert_eq!(m.all(), ["127.0.0.1:1", "127.0.0.1:2"]);
        assert_eq!(Rotation::new(Vec::new(), 3).current(), "");
    }
}
