//! Restart backoff: 1 s doubling to 5 min; a container that ran healthy for
//! 10 min before it failed starts again from 1 s.

use std::time::Duration;

pub const FIRST: Duration = Duration::from_secs(1);
pub const MAX: Duration = Duration::from_secs(300);
pub const RESET_AFTER: Duration = Duration::from_secs(600);

/// The wait before the next restart, given the previous wait (`None`: no
/// restart yet) and how long the container ran before this failure.
pub fn next(previous: Option<Duration>, ran: Duration) -> Duration {
    match previous {
        Some(p) if ran < RESET_AFTER => (p * 2).min(MAX),
        _ => FIRST,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_to_the_cap_and_resets_after_a_long_healthy_run() {
        let mut d = None;
        let mut seen = Vec::new();
        for _ in 0..12 {
            let n = next(d, Duration::from_secs(1));
            seen.push(n.as_secs());
            d = Some(n);
        }
        assert_eq!(seen, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
        assert_eq!(next(d, Duration::from_secs(601)), FIRST);
    }
}
