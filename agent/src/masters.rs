//! Which master to dial: the configured list (`--master A,B,...`) plus the
//! list the masters send in every session (kept in `DATA_DIR/masters`, one
//! `HOST:PORT` a line, so a reboot still knows them). After a session ends
//! or fails the agent goes on to the next one (the daemon's backoff adds the
//! jitter), so devices of a dead master spread over the others.

use std::path::{Path, PathBuf};

use tracing::{info, warn};

/// File in the data dir with the learned list.
pub const FILE: &str = "masters";

/// The masters to try, in order, and the current one.
pub struct Masters {
    list: Vec<String>,
    current: usize,
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
        Self { list, current: 0, path }
    }

    /// The master to dial now.
    pub fn current(&self) -> &str {
        self.list.get(self.current).map(String::as_str).unwrap_or_default()
    }

    /// Moves on to the next master (after the last, the first again).
    pub fn advance(&mut self) {
        if self.list.len() > 1 {
            self.current = (self.current + 1) % self.list.len();
            info!(master = %self.current(), "trying the next master");
        }
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
        m.advance();
        m.advance();
        assert_eq!(m.current(), "127.0.0.1:3");
        m.advance();
        assert_eq!(m.current(), "127.0.0.1:1");
        let again = Masters::load("127.0.0.1:1", dir.path());
        assert_eq!(again.all(), ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]);
    }
}
