//! Which master to dial: the configured list (`--master A,B,...`) plus the
//! list the masters send in every session (kept in `DATA_DIR/masters`, one
//! `HOST:PORT` a line, so a reboot still knows them). After a session ends
//! or fails the agent goes on to another one: each of the others once, in
//! a random order (the daemon's backoff adds the jitter), so the devices of
//! a dead master spread evenly over the others even when they were all
//! given the same list, and a dead or frozen master is tried at most once a
//! round.

use std::path::{Path, PathBuf};

use tracing::{info, warn};

/// File in the data dir with the learned list.
pub const FILE: &str = "masters";

/// The masters to try, in order, and the current one.
pub struct Masters {
    list: Vec<String>,
    current: usize,
    /// The others still to try in this round, in random order.
    round: Vec<usize>,
    /// A session ended since the last round started (its master went away).
    after_session: bool,
    path: PathBuf,
}

/// The configured `master` value as a list (comma-separated).
pub fn parse(value: &str) -> Vec<String> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

impl Masters {
    /// The configured masters first, then the learned ones not among them.
    pub fn load(configured: &str, data_dir: &Path) -> Self {
        let path = data_dir.join(FILE);
        let mut list = parse(configured);
        if let Ok(text) = std::fs::read_to_string(&path) {
            for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !list.iter().any(|m| m == l) {
                    list.push(l.to_string());
                }
            }
        }
        Self { list, current: 0, round: Vec::new(), after_session: false, path }
    }

    /// The master to dial now.
    pub fn current(&self) -> &str {
        self.list.get(self.current).map(String::as_str).unwrap_or_default()
    }

    /// A session was established: the next failure starts a new round.
    pub fn connected(&mut self) {
        self.round.clear();
        self.after_session = true;
    }

    /// Moves on to another master: the next of this round, a new round (the
    /// others in random order) when it is used up. Returns whether to dial it
    /// soon (a short jitter): true within the round that follows a session,
    /// false once every master failed since (then the daemon's backoff).
    pub fn advance(&mut self) -> bool {
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
                others.swap(i, rand::random::<u64>() as usize % (i + 1));
            }
            self.round = others;
        }
        if let Some(next) = self.round.pop() {
            self.current = next;
            info!(master = %self.current(), "trying another master");
        }
        quick
    }

    /// Takes the list a master sent: adds new addresses and keeps them on disk.
    pub fn learn(&mut self, addresses: Vec<String>) {
        let mut changed = false;
        for a in addresses {
            if piccolo_common::connect::server_name(&a).is_err() {
                continue;
            }
            if !self.list.contains(&a) {
                self.list.push(a);
                changed = true;
            }
        }
        if changed {
            let text: String = self.list.iter().map(|m| format!("{m}\n")).collect();
            if let Err(e) = piccolo_common::files::write_private(&self.path, text.as_bytes()) {
                warn!(error = %e, "cannot keep the list of masters in the data dir");
            }
            info!(masters = ?self.list, "learned the cluster's masters");
        }
    }

    /// Every master known.
    pub fn all(&self) -> &[String] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_then_learned_kept_on_disk_and_rotated() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut m = Masters::load("127.0.0.1:1, 127.0.0.1:2", dir.path());
        assert_eq!(m.current(), "127.0.0.1:1");
        m.learn(vec!["127.0.0.1:2".into(), "127.0.0.1:3".into(), "not an address".into()]);
        assert_eq!(m.all(), ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]);
        // A round visits each of the others once; rounds start anywhere.
        let mut firsts = std::collections::HashSet::new();
        for _ in 0..100 {
            let start = m.current().to_string();
            m.connected();
            assert!(m.advance(), "soon after a session");
            let a = m.current().to_string();
            assert!(m.advance(), "still the first round");
            let b = m.current().to_string();
            assert!(a != start && b != start && a != b, "{start} {a} {b}");
            firsts.insert(a);
            assert!(!m.advance(), "every master failed: back off");
            assert_ne!(m.current(), b, "a new round moves on");
        }
        assert_eq!(firsts.len(), 3, "every master comes first in some round");
        let again = Masters::load("127.0.0.1:1", dir.path());
        assert_eq!(again.all(), ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]);
    }
}
