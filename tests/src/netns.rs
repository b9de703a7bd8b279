//! Private network and mount namespaces for fault tests (root only): a test
//! re-runs itself under `unshare -n -m`, so packet filters (nft) and mounts
//! (a small tmpfs for "disk full") are the test's alone and vanish with it.
//! Inside, loopback is brought up; agents reach the master over `::1` and
//! admins over `127.0.0.1`, so a filter on `::1` silences agents only.

use std::process::Command;

/// Set in the re-run child: it is inside its own namespaces.
const INSIDE: &str = "PICCOLO_TEST_IN_NETNS";

/// Runs `test` (this test binary's test name) in fresh namespaces. Returns
/// `true` in the child (the caller then runs the scenario) and `false` in the
/// parent after the child passed (it panics with the child's output if not).
pub fn enter(test: &str) -> bool {
    if std::env::var_os(INSIDE).is_some() {
        sh("ip link set lo up");
        return true;
    }
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("current_exe: {e}"));
    let out = Command::new("unshare")
        .args(["-n", "-m", "--propagation", "private"])
        .arg(&exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(INSIDE, "1")
        .output()
        .unwrap_or_else(|e| panic!("unshare (needs root and util-linux): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The figures the scenario printed, for `make faults` and RELIABILITY.md.
    for line in stdout.lines() {
        if let Some(i) = line.find("faults: ") {
            println!("{}", &line[i..]);
        }
    }
    assert!(out.status.success() && stdout.contains("1 passed"), "{test} failed in its namespace:\n{stdout}\n{stderr}");
    false
}

/// Runs a shell command; panics with its stderr when it fails.
pub fn sh(cmd: &str) -> String {
    let out = Command::new("sh").arg("-c").arg(cmd).output().unwrap_or_else(|e| panic!("sh {cmd}: {e}"));
    assert!(out.status.success(), "`{cmd}` failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An nft table in this namespace that can cut agent traffic to one port.
pub struct Filter {
    port: u16,
}

impl Filter {
    /// Creates the (empty) table and chains.
    pub fn new(port: u16) -> Self {
        sh("nft add table inet piccolo_faults");
        sh("nft add chain inet piccolo_faults out '{ type filter hook output priority 0; }'");
        Self { port }
    }

    /// Drops every packet between agents (`::1`) and the master's port: the
    /// device is silent, as if powered off or partitioned.
    pub fn silence(&self) {
        let p = self.port;
        sh(&format!("nft add rule inet piccolo_faults out ip6 daddr ::1 tcp dport {p} drop"));
        sh(&format!("nft add rule inet piccolo_faults out ip6 daddr ::1 tcp sport {p} drop"));
    }

    /// Resets agent connections to the master's port (and refuses new ones).
    pub fn reset(&self) {
        let p = self.port;
        // The resets themselves must pass, or the other rule eats them.
        for dir in ["dport", "sport"] {
            sh(&format!(
                "nft add rule inet piccolo_faults out ip6 daddr ::1 tcp {dir} {p} 'tcp flags & rst == 0' reject with tcp reset"
            ));
        }
    }

    /// Removes every rule: traffic flows again.
    pub fn heal(&self) {
        sh("nft flush chain inet piccolo_faults out");
    }
}

/// The master address agents use inside the namespace.
pub fn agent_addr(port: u16) -> String {
    format!("[::1]:{port}")
}

/// Mounts a tmpfs of `size` (e.g. "4m") at `dir` (private to this namespace).
pub fn tmpfs(dir: &std::path::Path, size: &str) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
    sh(&format!("mount -t tmpfs -o size={size} tmpfs '{}'", dir.display()));
}

/// Fills the filesystem holding `dir` until a write fails; returns the filler path.
pub fn fill(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("filler: {e}"));
    let block = vec![0u8; 64 * 1024];
    loop {
        if f.write_all(&block).is_err() {
            break;
        }
    }
    // Fill the last partial block too.
    while f.write_all(&[0u8; 512]).is_ok() {}
    let _ = f.sync_all();
    path
}
