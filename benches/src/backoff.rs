//! The agent's reconnect backoff (`agent/src/daemon.rs`), reproduced so the
//! simulated fleet comes back the way a real one would: 1 s doubling to a cap,
//! each wait half fixed and half random.

use std::time::Duration;

/// Backoff state.
pub struct Backoff {
    next: Duration,
    cap: Duration,
}

impl Backoff {
    pub fn new(cap: Duration) -> Self {
        Self { next: Duration::from_secs(1), cap }
    }

    pub fn reset(&mut self) {
        self.next = Duration::from_secs(1);
    }

    /// The next wait.
    pub fn step(&mut self) -> Duration {
        let base = self.next.min(self.cap);
        self.next = (self.next * 2).min(self.cap);
        let half = base / 2;
        let spread = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
        half + Duration::from_millis(rand::random::<u64>() % (spread + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_to_the_cap_half_fixed_half_random() {
        let mut b = Backoff::new(Duration::from_secs(8));
        let steps: Vec<Duration> = (0..6).map(|_| b.step()).collect();
        assert!(steps[0] >= Duration::from_millis(500) && steps[0] <= Duration::from_secs(1), "{steps:?}");
        assert!(steps[1] >= Duration::from_secs(1) && steps[1] <= Duration::from_secs(2), "{steps:?}");
        for s in &steps[3..] {
            assert!(*s >= Duration::from_secs(4) && *s <= Duration::from_secs(8), "{steps:?}");
        }
        b.reset();
        assert!(b.step() <= Duration::from_secs(1));
    }
}
