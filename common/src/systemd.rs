//! systemd service-manager conventions shared by agent and master.

use std::time::Duration;

/// The watchdog interval systemd asked for, per sd_watchdog_enabled(3):
/// `WATCHDOG_USEC` set, and `WATCHDOG_PID` either unset or this process.
/// (The sd-notify crate insists on `WATCHDOG_PID`, which systemd may omit.)
pub fn watchdog_interval() -> Option<Duration> {
    let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.parse().ok()?;
    if let Ok(pid) = std::env::var("WATCHDOG_PID")
        && pid.parse::<u32>().ok() != Some(std::process::id())
    {
        return None;
    }
    (usec > 0).then(|| Duration::from_micros(usec))
}
