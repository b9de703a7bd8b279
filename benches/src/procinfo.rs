//! Process facts the load generator needs: raising the open-files soft limit
//! to the hard one, finding the process that listens on a loopback port (the
//! master, when it was started elsewhere), and sampling a process's CPU and
//! RSS from /proc (via the test kit's `procstat`).

use std::collections::HashMap;
use std::time::Instant;

use nix::sys::resource::{Resource, getrlimit, setrlimit};
use piccolo_tests::procstat;

/// Open files the load generator asks for: a 20,000-agent knee run needs a
/// descriptor per agent in the master (which inherits the limit) and more.
const WANT_NOFILE: u64 = 262_144;

/// Raises RLIMIT_NOFILE: to [`WANT_NOFILE`] (capped by `fs.nr_open`) when the
/// process may raise its hard limit (root), else the soft limit to the hard
/// one. Returns the new soft limit.
pub fn raise_nofile() -> u64 {
    let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) else { return 0 };
    let nr_open = std::fs::read_to_string("/proc/sys/fs/nr_open")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(WANT_NOFILE);
    let want = WANT_NOFILE.min(nr_open);
    if hard < want && setrlimit(Resource::RLIMIT_NOFILE, want, want).is_ok() {
        return want;
    }
    if soft < hard && setrlimit(Resource::RLIMIT_NOFILE, hard, hard).is_ok() {
        return hard;
    }
    soft
}

/// The open-files soft limit of a process (from /proc/PID/limits).
pub fn nofile_of(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).ok()?;
    let line = text.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The pid of the process listening on TCP `port` (IPv4 or IPv6), if visible.
pub fn listener_pid(port: u16) -> Option<u32> {
    let mut inodes = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else { continue };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            // local_address is HEX_IP:HEX_PORT, st 0A is LISTEN, inode is field 9.
            let (Some(local), Some(st), Some(inode)) = (f.get(1), f.get(3), f.get(9)) else { continue };
            let p = local.rsplit_once(':').and_then(|(_, p)| u16::from_str_radix(p, 16).ok());
            if p == Some(port) && *st == "0A" {
                inodes.push(format!("socket:[{inode}]"));
            }
        }
    }
    if inodes.is_empty() {
        return None;
    }
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else { continue };
        for fd in fds.flatten() {
            if let Ok(target) = std::fs::read_link(fd.path())
                && inodes.iter().any(|i| target.as_os_str() == i.as_str())
            {
                return Some(pid);
            }
        }
    }
    None
}

/// Per thread, nanoseconds spent runnable but waiting for a CPU
/// (`/proc/PID/task/*/schedstat`, second field).
pub fn run_delays(pid: u32) -> HashMap<u32, u64> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return HashMap::new() };
    tasks
        .flatten()
        .filter_map(|t| {
            let tid = t.file_name().to_str()?.parse().ok()?;
            let s = std::fs::read_to_string(t.path().join("schedstat")).ok()?;
            Some((tid, s.split_whitespace().nth(1)?.parse().ok()?))
        })
        .collect()
}

/// How long a process's threads waited for a CPU over a window: on a shared
/// machine this says how much of a latency figure was the scheduler rather
/// than the program. Threads that ended inside the window are not counted.
pub struct RunQueueWait {
    pid: u32,
    at: Instant,
    start: HashMap<u32, u64>,
}

impl RunQueueWait {
    pub fn start(pid: u32) -> Self {
        Self { pid, at: Instant::now(), start: run_delays(pid) }
    }

    /// Milliseconds per second of waiting, summed over threads, since `start`.
    pub fn ms_per_s(&self) -> f64 {
        let now = run_delays(self.pid);
        let waited: u64 = now.iter().map(|(tid, ns)| ns.saturating_sub(*self.start.get(tid).unwrap_or(&0))).sum();
        let secs = self.at.elapsed().as_secs_f64();
        if secs <= 0.0 { 0.0 } else { waited as f64 / 1e6 / secs }
    }
}

/// A point-in-time reading of a process.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub at: Instant,
    pub cpu_ticks: u64,
    pub rss_kb: u64,
}

impl Sample {
    pub fn of(pid: u32) -> Self {
        Self { at: Instant::now(), cpu_ticks: procstat::cpu_ticks(pid), rss_kb: procstat::rss_kb(pid) }
    }

    /// Sum over several processes (CPU adds up; RSS adds up).
    pub fn of_all(pids: &[u32]) -> Self {
        let mut s = Self { at: Instant::now(), cpu_ticks: 0, rss_kb: 0 };
        for &p in pids {
            s.cpu_ticks += procstat::cpu_ticks(p);
            s.rss_kb += procstat::rss_kb(p);
        }
        s
    }

    /// Cores used on average between `earlier` and this sample.
    pub fn cores_since(&self, earlier: &Sample) -> f64 {
        let secs = self.at.duration_since(earlier.at).as_secs_f64();
        if secs <= 0.0 {
            return 0.0;
        }
        self.cpu_ticks.saturating_sub(earlier.cpu_ticks) as f64 / 100.0 / secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_its_own_listener() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = l.local_addr().expect("addr").port();
        assert_eq!(listener_pid(port), Some(std::process::id()));
        assert!(raise_nofile() > 0);
        assert!(nofile_of(std::process::id()).is_some());
        let s = Sample::of(std::process::id());
        assert!(s.rss_kb > 0);
    }
}
