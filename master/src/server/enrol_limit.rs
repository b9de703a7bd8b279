//! Token-guessing defence: failed enrolments (bad, expired, used-up or
//! revoked tokens) are counted per source IP in a fixed window; past
//! `enrol_max_failures` in `enrol_failure_window`, that address's enrolments
//! are refused with `ResourceExhausted` until the window ends, before any
//! token is looked at. Other addresses are not affected.
//!
//! Memory is bounded: at most [`MAX_TRACKED`] addresses; expired ones go first.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses tracked at once.
pub const MAX_TRACKED: usize = 10_000;

struct Window {
    start: Instant,
    failures: u32,
}

/// Per-address failure counter.
pub struct EnrolLimit {
    max_failures: u32,
    window: Duration,
    by_ip: Mutex<HashMap<IpAddr, Window>>,
}

/// Refused: how long until the address may try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    pub retry_after: Duration,
    pub failures: u32,
}

impl EnrolLimit {
    /// `max_failures == 0` disables the limit.
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self { max_failures, window, by_ip: Mutex::new(HashMap::new()) }
    }

    pub fn window(&self) -> Duration {
        self.window
    }

    /// Whether `ip` may try to enrol now.
    pub fn check(&self, ip: IpAddr) -> Result<(), Blocked> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), Blocked> {
        if self.max_failures == 0 {
            return Ok(());
        }
        let map = self.by_ip.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(&ip) {
            Some(w) if w.failures >= self.max_failures && now.duration_since(w.start) < self.window => {
                Err(Blocked { retry_after: self.window - now.duration_since(w.start), failures: w.failures })
            }
            _ => Ok(()),
        }
    }

    /// Counts a failed attempt from `ip`.
    pub fn failure(&self, ip: IpAddr) {
        self.failure_at(ip, Instant::now());
    }

    fn failure_at(&self, ip: IpAddr, now: Instant) {
        if self.max_failures == 0 {
            return;
        }
        let mut map = self.by_ip.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_TRACKED && !map.contains_key(&ip) {
            let window = self.window;
            map.retain(|_, w| now.duration_since(w.start) < window);
            if map.len() >= MAX_TRACKED {
                // Still full of live windows: drop the oldest one.
                if let Some(oldest) = map.iter().min_by_key(|(_, w)| w.start).map(|(k, _)| *k) {
                    map.remove(&oldest);
                }
            }
        }
        let w = map.entry(ip).or_insert(Window { start: now, failures: 0 });
        if now.duration_since(w.start) >= self.window {
            *w = Window { start: now, failures: 0 };
        }
        w.failures = w.failures.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_one_address_after_the_limit_until_the_window_ends() {
        let l = EnrolLimit::new(3, Duration::from_secs(60));
        let a: IpAddr = "127.0.0.2".parse().expect("ip");
        let b: IpAddr = "127.0.0.1".parse().expect("ip");
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check_at(a, t0).is_ok());
            l.failure_at(a, t0);
        }
        let blocked = l.check_at(a, t0 + Duration::from_secs(10)).expect_err("blocked");
        assert_eq!(blocked.retry_after, Duration::from_secs(50));
        assert!(l.check_at(b, t0).is_ok(), "other addresses are unaffected");
        assert!(l.check_at(a, t0 + Duration::from_secs(61)).is_ok(), "the window ends");
        l.failure_at(a, t0 + Duration::from_secs(61));
        assert!(l.check_at(a, t0 + Duration::from_secs(62)).is_ok(), "a new window starts at 1");
    }

    #[test]
    fn zero_disables_it() {
        let l = EnrolLimit::new(0, Duration::from_secs(60));
        let a: IpAddr = "127.0.0.2".parse().expect("ip");
        for _ in 0..100 {
            l.failure(a);
        }
        assert!(l.check(a).is_ok());
    }
}
