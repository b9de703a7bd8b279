//! Readiness checks: what must hold before this device reports Ready, and what
//! `piccolo-agent check` (and `system-check.sh`) show a person before install.
//! Each check says what it found and, when it fails, what to do. Which checks
//! are required is configuration (`required_checks`); the others are reported
//! as warnings.

use std::path::Path;
use std::time::Duration;

use piccolo_proto::CheckResult;
use procfs::Current;

use crate::config::AgentConfig;

/// Every check, in the order they run.
pub const ALL: &[&str] = &["kernel", "cgroups", "memory", "disk", "clock", "data_dir", "podman", "master"];

/// Earliest plausible wall-clock time (2025-01-01): a device clock before
/// this has not been set and certificates would look not yet valid.
const CLOCK_FLOOR_MS: i64 = 1_735_689_600_000;

fn result(cfg: &AgentConfig, name: &str, ok: bool, detail: String, hint: &str) -> CheckResult {
    CheckResult {
        name: name.into(),
        ok,
        required: cfg.required_checks.iter().any(|r| r == name),
        detail,
        hint: if ok { String::new() } else { hint.into() },
    }
}

fn mib(b: u64) -> String {
    format!("{} MiB", b / (1024 * 1024))
}

/// Kernel and architecture.
pub fn kernel(cfg: &AgentConfig) -> CheckResult {
    let release = nix::sys::utsname::uname().map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default();
    let major: u32 = release.split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
    result(
        cfg,
        "kernel",
        major >= 4,
        format!("Linux {release} on {}", std::env::consts::ARCH),
        "Piccolo needs Linux 4.x or newer (cgroups, the proc files it reads)",
    )
}

/// cgroup v2 (or v1) mounted, as Podman needs.
pub fn cgroups(cfg: &AgentConfig) -> CheckResult {
    let v2 = Path::new("/sys/fs/cgroup/cgroup.controllers");
    let (ok, detail) = if v2.exists() {
        let ctrl = std::fs::read_to_string(v2).unwrap_or_default();
        (true, format!("cgroup v2 ({})", ctrl.trim()))
    } else if Path::new("/sys/fs/cgroup/memory").exists() || Path::new("/sys/fs/cgroup/cpu").exists() {
        (true, "cgroup v1".to_string())
    } else {
        (false, "no cgroup hierarchy under /sys/fs/cgroup".to_string())
    };
    result(cfg, "cgroups", ok, detail, "enable CONFIG_CGROUPS and mount cgroup2 on /sys/fs/cgroup (systemd does this)")
}

/// Total and available memory against the configured minimums.
pub fn memory(cfg: &AgentConfig) -> CheckResult {
    match procfs::Meminfo::current() {
        Ok(m) => {
            let avail = m.mem_available.unwrap_or(m.mem_free);
            let ok = m.mem_total >= cfg.min_memory_bytes && avail >= cfg.min_free_memory_bytes;
            result(
                cfg,
                "memory",
                ok,
                format!(
                    "{} total (min {}), {} available (min {})",
                    mib(m.mem_total),
                    mib(cfg.min_memory_bytes),
                    mib(avail),
                    mib(cfg.min_free_memory_bytes)
                ),
                "free memory or lower min_memory_bytes / min_free_memory_bytes in the agent config",
            )
        }
        Err(e) => result(cfg, "memory", false, format!("cannot read /proc/meminfo: {e}"), "mount /proc"),
    }
}

/// Free disk in the data dir's filesystem.
pub fn disk(cfg: &AgentConfig) -> CheckResult {
    let dir = existing_parent(&cfg.data_dir);
    match nix::sys::statvfs::statvfs(dir) {
        Ok(s) => {
            // The statvfs field types are 32-bit on some targets.
            #[allow(clippy::unnecessary_cast)]
            let free = s.blocks_available() as u64 * s.fragment_size() as u64;
            result(
                cfg,
                "disk",
                free >= cfg.min_disk_bytes,
                format!("{} free at {} (min {})", mib(free), dir.display(), mib(cfg.min_disk_bytes)),
                "free space on the data dir's filesystem or lower min_disk_bytes",
            )
        }
        Err(e) => {
            result(cfg, "disk", false, format!("cannot stat {}: {e}", dir.display()), "check the data_dir setting")
        }
    }
}

fn existing_parent(p: &Path) -> &Path {
    let mut cur = p;
    while !cur.exists() {
        match cur.parent() {
            Some(parent) => cur = parent,
            None => break,
        }
    }
    cur
}

/// The wall clock is set (not 1970 or some other unset value).
pub fn clock(cfg: &AgentConfig) -> CheckResult {
    let now = piccolo_common::time::now_ms();
    result(
        cfg,
        "clock",
        now >= CLOCK_FLOOR_MS,
        format!("system time {} ms since epoch", now),
        "set the clock (enable systemd-timesyncd / NTP or an RTC): TLS certificates need a correct time",
    )
}

/// The data dir exists (or can be created) and can be written. Checked
/// without writing or creating anything: a check changes nothing on the
/// system, and a probe file at every check cycle would wear flash. A data dir
/// that does not exist yet passes when its nearest existing parent is writable.
pub fn data_dir(cfg: &AgentConfig) -> CheckResult {
    use nix::sys::statvfs::{FsFlags, statvfs};
    use nix::unistd::{AccessFlags, access};
    let dir = &cfg.data_dir;
    let target = existing_parent(dir);
    let outcome = (|| {
        if !target.is_dir() {
            return Err(format!("{} is not a directory", target.display()));
        }
        let fs = statvfs(target).map_err(|e| format!("cannot stat its filesystem: {e}"))?;
        if fs.flags().contains(FsFlags::ST_RDONLY) {
            return Err("its filesystem is mounted read-only".to_string());
        }
        access(target, AccessFlags::W_OK | AccessFlags::X_OK).map_err(|e| format!("no write access: {e}"))
    })();
    match outcome {
        Ok(()) if target == dir.as_path() => {
            result(cfg, "data_dir", true, format!("{} is writable", dir.display()), "")
        }
        Ok(()) => result(
            cfg,
            "data_dir",
            true,
            format!("{} does not exist yet; it can be created in {}", dir.display(), target.display()),
            "",
        ),
        Err(e) => result(
            cfg,
            "data_dir",
            false,
            format!("{} is not writable: {e}", dir.display()),
            "create it, give the agent's user write access, or set data_dir",
        ),
    }
}

/// Podman's API socket is there. Deliberately no connection: with
/// socket activation a connect starts the Podman service, and the monitor
/// reports whether the API answers (`podman_available`).
pub async fn podman(cfg: &AgentConfig) -> CheckResult {
    use std::os::unix::fs::FileTypeExt;
    if !cfg.podman_enabled {
        return result(cfg, "podman", true, "container monitoring disabled (podman_enabled = false)".into(), "");
    }
    let sock = &cfg.podman_socket;
    match tokio::fs::metadata(sock).await {
        Ok(m) if m.file_type().is_socket() => {
            result(cfg, "podman", true, format!("API socket {} is there", sock.display()), "")
        }
        Ok(_) => result(
            cfg,
            "podman",
            false,
            format!("{} is not a socket", sock.display()),
            "point podman_socket at Podman's API socket (systemctl enable --now podman.socket)",
        ),
        Err(e) => result(
            cfg,
            "podman",
            false,
            format!("cannot use {}: {e}", sock.display()),
            "install Podman and enable its API socket (systemctl enable --now podman.socket) or set podman_socket",
        ),
    }
}

/// The master's port is reachable over TCP.
pub async fn master(cfg: &AgentConfig) -> CheckResult {
    if cfg.master.is_empty() {
        return result(cfg, "master", true, "no master configured; skipped".into(), "");
    }
    let master = crate::masters::parse(&cfg.master).into_iter().next().unwrap_or_default();
    let ok = tokio::time::timeout(Duration::from_secs(3), tokio::net::TcpStream::connect(&master)).await;
    match ok {
        Ok(Ok(_)) => result(cfg, "master", true, format!("{master} accepts connections"), ""),
        Ok(Err(e)) => result(
            cfg,
            "master",
            false,
            format!("cannot connect to {master}: {e}"),
            "check the master address, the network and firewalls (the agent dials out to the master's port)",
        ),
        Err(_) => {
            result(cfg, "master", false, format!("{master} did not answer within 3s"), "check routing and firewalls")
        }
    }
}

/// The checks the running agent reports (the master check is implied by the session).
pub async fn run_local(cfg: &AgentConfig) -> Vec<CheckResult> {
    vec![kernel(cfg), cgroups(cfg), memory(cfg), disk(cfg), clock(cfg), data_dir(cfg), podman(cfg).await]
}

/// Every check, for `piccolo-agent check`.
pub async fn run_all(cfg: &AgentConfig) -> Vec<CheckResult> {
    let mut v = run_local(cfg).await;
    v.push(master(cfg).await);
    v
}

/// The first failing required check, if any.
pub fn first_failure(results: &[CheckResult]) -> Option<&CheckResult> {
    results.iter().find(|c| c.required && !c.ok)
}

/// Renders results as a table for people.
pub fn render_table(results: &[CheckResult]) -> String {
    let mut out = format!("{:<10} {:<6} {:<9} {}\n", "CHECK", "RESULT", "REQUIRED", "DETAIL");
    for c in results {
        let verdict = if c.ok {
            "ok"
        } else if c.required {
            "FAIL"
        } else {
            "warn"
        };
        out.push_str(&format!(
            "{:<10} {:<6} {:<9} {}\n",
            c.name,
            verdict,
            if c.required { "yes" } else { "no" },
            c.detail
        ));
        if !c.ok && !c.hint.is_empty() {
            out.push_str(&format!("{:<27}hint: {}\n", "", c.hint));
        }
    }
    out
}

/// Renders results as JSON (hand-written: the agent carries no JSON library).
pub fn render_json(results: &[CheckResult]) -> String {
    fn esc(s: &str) -> String {
        let mut o = String::with_capacity(s.len() + 2);
        for ch in s.chars() {
            match ch {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o
    }
    let items: Vec<String> = results
        .iter()
        .map(|c| {
            format!(
                "{{\"name\":\"{}\",\"ok\":{},\"required\":{},\"detail\":\"{}\",\"hint\":\"{}\"}}",
                esc(&c.name),
                c.ok,
                c.required,
                esc(&c.detail),
                esc(&c.hint)
            )
        })
        .collect();
    format!("[{}]\n", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(dir: &Path) -> AgentConfig {
        AgentConfig { data_dir: dir.join("data"), podman_socket: dir.join("no.sock"), ..Default::default() }
    }

    #[tokio::test]
    async fn local_checks_pass_on_a_normal_machine_except_a_missing_podman() {
        let dir = tempfile::tempdir().expect("tmp");
        let c = cfg(dir.path());
        let results = run_local(&c).await;
        let by = |n: &str| results.iter().find(|r| r.name == n).cloned().expect(n);
        assert!(by("kernel").ok && by("clock").ok && by("data_dir").ok && by("disk").ok);
        let p = by("podman");
        assert!(!p.ok && !p.required && p.hint.contains("podman.socket"), "{p:?}");
        assert!(first_failure(&results).is_none());
    }

    #[tokio::test]
    async fn minimums_fail_with_a_hint_and_required_failures_are_found() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut c = cfg(dir.path());
        c.min_memory_bytes = u64::MAX;
        c.min_disk_bytes = u64::MAX;
        let m = memory(&c);
        assert!(!m.ok && m.required && m.hint.contains("min_memory_bytes"));
        let results = vec![m, disk(&c)];
        assert_eq!(first_failure(&results).map(|c| c.name.as_str()), Some("memory"));
        assert!(render_table(&results).contains("FAIL"));
        let json = render_json(&results);
        assert!(json.starts_with("[{\"name\":\"memory\",\"ok\":false"), "{json}");
    }

    #[test]
    fn unwritable_data_dir_fails() {
        // Under a regular file: nothing can ever be created there.
        let tmp = tempfile::tempdir().expect("tmp");
        let file = tmp.path().join("a-file");
        std::fs::write(&file, b"x").expect("file");
        let c = AgentConfig { data_dir: file.join("data"), ..Default::default() };
        let r = data_dir(&c);
        assert!(!r.ok && r.required, "{}", r.detail);
        assert!(!c.data_dir.exists());
    }

    #[test]
    fn a_missing_data_dir_passes_without_being_created() {
        let tmp = tempfile::tempdir().expect("tmp");
        let c = cfg(tmp.path());
        let r = data_dir(&c);
        assert!(r.ok, "{}", r.detail);
        assert!(r.detail.contains("does not exist yet"), "{}", r.detail);
        assert!(!c.data_dir.exists(), "a check must not create the data dir");
        let d = disk(&c);
        assert!(!c.data_dir.exists() && d.detail.contains(&tmp.path().display().to_string()), "{}", d.detail);
    }

    #[test]
    fn a_writable_data_dir_passes_without_writing_to_it() {
        let dir = tempfile::tempdir().expect("tmp");
        let c = cfg(dir.path());
        std::fs::create_dir(&c.data_dir).expect("data dir");
        let before = std::fs::metadata(&c.data_dir).and_then(|m| m.modified()).expect("mtime");
        let r = data_dir(&c);
        assert!(r.ok, "{r:?}");
        let after = std::fs::metadata(&c.data_dir).and_then(|m| m.modified()).expect("mtime");
        assert_eq!(before, after, "no probe file created and removed");
        assert_eq!(std::fs::read_dir(&c.data_dir).expect("list").count(), 0);
    }

    #[test]
    fn json_escapes() {
        let r = CheckResult { name: "a\"b".into(), detail: "x\ny".into(), ..Default::default() };
        assert!(render_json(&[r]).contains("a\\\"b"));
    }
}
