//! What the agent reports about its device: static facts at enrolment and
//! session start, and resource samples (CPU, memory, disk, load, uptime) read
//! from procfs and statvfs. CPU % is computed between two samples, so the
//! sampler keeps the previous reading.

use std::path::Path;

use piccolo_common::time::now_ms;
use piccolo_proto::{NodeFacts, Resources};
use procfs::{Current, CurrentSI};

/// Static facts about this device.
pub fn node_facts(data_dir: &Path) -> NodeFacts {
    let uts = nix::sys::utsname::uname().ok();
    NodeFacts {
        hostname: nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_default(),
        ips: addresses(),
        arch: std::env::consts::ARCH.into(),
        os: os_name(),
        kernel: uts.map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default(),
        cpu_count: std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(1),
        memory_bytes: procfs::Meminfo::current().map(|m| m.mem_total).unwrap_or(0),
        disk_bytes: disk(data_dir).map(|(total, _)| total).unwrap_or(0),
        agent_version: env!("CARGO_PKG_VERSION").into(),
    }
}

fn os_name() -> String {
    let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| std::env::consts::OS.to_string())
}

/// Non-loopback IPv4 then IPv6 addresses of this device.
fn addresses() -> Vec<String> {
    let Ok(addrs) = nix::ifaddrs::getifaddrs() else { return Vec::new() };
    let mut v4 = Vec::new();
    let mut v6 = Vec::new();
    for a in addrs {
        let Some(addr) = a.address else { continue };
        if let Some(sin) = addr.as_sockaddr_in() {
            let ip = sin.ip();
            if !ip.is_loopback() {
                v4.push(ip.to_string());
            }
        } else if let Some(sin6) = addr.as_sockaddr_in6() {
            let ip = sin6.ip();
            if !ip.is_loopback() && (ip.segments()[0] & 0xffc0) != 0xfe80 {
                v6.push(ip.to_string());
            }
        }
    }
    v4.sort();
    v4.dedup();
    v6.sort();
    v6.dedup();
    v4.extend(v6);
    v4
}

/// (total, used) bytes of the filesystem holding `path`.
pub fn disk(path: &Path) -> Option<(u64, u64)> {
    let s = nix::sys::statvfs::statvfs(path).ok()?;
    let frag = s.fragment_size() as u64;
    let total = s.blocks() as u64 * frag;
    let free = s.blocks_free() as u64 * frag;
    Some((total, total.saturating_sub(free)))
}

/// Resource sampler; keeps the previous CPU counters for the delta.
#[derive(Default)]
pub struct Sampler {
    last_cpu: Option<(u64, u64)>,
}

impl Sampler {
    /// Takes a sample.
    pub fn sample(&mut self, data_dir: &Path) -> Resources {
        let mut r = Resources { sampled_at_ms: now_ms(), ..Default::default() };
        if let Ok(stat) = procfs::KernelStats::current() {
            let t = &stat.total;
            let idle = t.idle + t.iowait.unwrap_or(0);
            let busy = t.user + t.nice + t.system + t.irq.unwrap_or(0) + t.softirq.unwrap_or(0) + t.steal.unwrap_or(0);
            if let Some((last_idle, last_busy)) = self.last_cpu {
                let d_busy = busy.saturating_sub(last_busy) as f64;
                let d_total = d_busy + idle.saturating_sub(last_idle) as f64;
                if d_total > 0.0 {
                    r.cpu_percent = (100.0 * d_busy / d_total) as f32;
                }
            }
            self.last_cpu = Some((idle, busy));
        }
        if let Ok(m) = procfs::Meminfo::current() {
            r.memory_total_bytes = m.mem_total;
            r.memory_used_bytes = m.mem_total.saturating_sub(m.mem_available.unwrap_or(m.mem_free));
        }
        if let Some((total, used)) = disk(data_dir) {
            r.disk_total_bytes = total;
            r.disk_used_bytes = used;
        }
        if let Ok(l) = procfs::LoadAverage::current() {
            r.load1 = l.one;
            r.load5 = l.five;
            r.load15 = l.fifteen;
        }
        if let Ok(u) = procfs::Uptime::current() {
            r.uptime_seconds = u.uptime as u64;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_and_samples_are_plausible() {
        let facts = node_facts(Path::new("/"));
        assert!(facts.cpu_count >= 1);
        assert!(facts.memory_bytes > 0);
        assert!(!facts.arch.is_empty());
        let mut s = Sampler::default();
        let _ = s.sample(Path::new("/"));
        let r = s.sample(Path::new("/"));
        assert!(r.memory_total_bytes >= r.memory_used_bytes);
        assert!(r.disk_total_bytes > 0);
        assert!((0.0..=100.0).contains(&r.cpu_percent));
        assert!(r.uptime_seconds > 0);
    }
}
