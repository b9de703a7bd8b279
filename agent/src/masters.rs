//! Which master to dial: the configured list (`--master A,B,...`) plus the
//! list the masters send in every session (kept in `DATA_DIR/masters`, one
//! `HOST:PORT` a line, so a reboot still knows them). The order in which the
//! others are tried after a session ends is `piccolo_common::rotation`'s
//! rule (each of the others once a round, in a random order), shared with
//! the simulated fleet.

use std::path::{Path, PathBuf};

use piccolo_common::rotation::Rotation;
use tracing::{info, warn};

/// File in the data dir with the learned list.
pub const FILE: &str = "masters";

/// The masters to try (the rule in `piccolo_common::rotation`), kept on disk.
pub struct Masters {
    rotation: Rotation,
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
        let mut rotation = Rotation::new(parse(configured), 0);
        if let Ok(text) = std::fs::read_to_string(&path) {
            rotation.learn(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
        }
        Self { rotation, path }
    }

    /// The master to dial now.
    pub fn current(&self) -> &str {
        self.rotation.current()
    }

    /// A session was established: the next failure starts a new round.
    pub fn connected(&mut self) {
        self.rotation.connected();
    }

    /// Moves on to another master; returns whether to dial it soon (the
    /// daemon's backoff adds the jitter) or after the full backoff.
    pub fn advance(&mut self) -> bool {
        let before = self.rotation.index();
        let quick = self.rotation.advance(rand::random::<u64>);
        if self.rotation.index() != before {
            info!(master = %self.current(), "trying another master");
        }
        quick
    }

    /// Takes the list a master sent: adds new addresses and keeps them on disk.
    pub fn learn(&mut self, addresses: Vec<String>) {
        let valid = addresses.into_iter().filter(|a| piccolo_common::connect::server_name(a).is_ok());
        if self.rotation.learn(valid) {
            let text: String = self.rotation.all().iter().map(|m| format!("{m}\n")).collect();
            if let Err(e) = piccolo_common::files::write_private(&self.path, text.as_bytes()) {
                warn!(error = %e, "cannot keep the list of masters in the data dir");
            }
            info!(masters = ?self.rotation.all(), "learned the cluster's masters");
        }
    }

    /// Every master known.
    pub fn all(&self) -> &[String] {
        self.rotation.all()
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
