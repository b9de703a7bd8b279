//! Status deltas: what a session last sent of the container list, so a
//! report leaves the list out (`containers_unchanged`) when only CPU and
//! memory figures moved a little. With 20 containers the list is ~2.5 KB,
//! most of what a device sends; the master keeps the last list it got.
//!
//! The list goes out when a container's identity, state, health, exit code,
//! restart count or start time changed, when any container's memory moved by
//! more than [`MEMORY_STEP`] or its CPU by more than [`CPU_STEP`] points
//! since the list last went out, and at least every [`REFRESH_EVERY`]th
//! report, so usage never lags for long and a report lost on a busy session
//! is repaired.

use piccolo_proto::Container;

/// Relative memory move that is worth a list (25 %).
pub const MEMORY_STEP: f64 = 0.25;
/// CPU move, in percentage points of one core, that is worth a list.
pub const CPU_STEP: f32 = 5.0;
/// At least every this many reports the list goes out anyway (10 minutes
/// at the default 60 s status interval).
pub const REFRESH_EVERY: u32 = 10;

/// The list this session last sent; `None` before the first report.
#[derive(Debug, Default)]
pub struct SentContainers {
    last: Option<Vec<Container>>,
    /// Reports since the list last went out.
    skipped: u32,
}

impl SentContainers {
    /// Whether a report may leave `now` out; records `now` as sent when not.
    pub fn unchanged(&mut self, now: &[Container]) -> bool {
        let same = self.skipped + 1 < REFRESH_EVERY && self.last.as_deref().is_some_and(|last| close(last, now));
        if same {
            self.skipped += 1;
        } else {
            self.last = Some(now.to_vec());
            self.skipped = 0;
        }
        same
    }
}

fn close(last: &[Container], now: &[Container]) -> bool {
    last.len() == now.len() && last.iter().zip(now).all(|(a, b)| same_but_usage(a, b) && usage_close(a, b))
}

fn same_but_usage(a: &Container, b: &Container) -> bool {
    let strip = |c: &Container| Container { cpu_percent: 0.0, memory_bytes: 0, ..c.clone() };
    strip(a) == strip(b)
}

fn usage_close(a: &Container, b: &Container) -> bool {
    let (ma, mb) = (a.memory_bytes as f64, b.memory_bytes as f64);
    (a.cpu_percent - b.cpu_percent).abs() <= CPU_STEP && (ma - mb).abs() <= MEMORY_STEP * ma.max(mb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: &str, state: &str, mem: u64, cpu: f32) -> Container {
        Container { name: name.into(), state: state.into(), memory_bytes: mem, cpu_percent: cpu, ..Default::default() }
    }

    #[test]
    fn the_first_list_goes_out_then_small_usage_moves_do_not() {
        let mut s = SentContainers::default();
        assert!(!s.unchanged(&[c("a", "running", 1000, 1.0)]));
        assert!(s.unchanged(&[c("a", "running", 1100, 2.0)]));
        assert!(s.unchanged(&[c("a", "running", 900, 0.5)]));
    }

    #[test]
    fn a_state_change_a_new_container_or_a_big_usage_move_goes_out() {
        let mut s = SentContainers::default();
        assert!(!s.unchanged(&[c("a", "running", 1000, 1.0)]));
        assert!(!s.unchanged(&[c("a", "exited", 1000, 1.0)]));
        assert!(!s.unchanged(&[c("a", "exited", 1000, 1.0), c("b", "running", 0, 0.0)]));
        assert!(!s.unchanged(&[c("a", "exited", 2000, 1.0), c("b", "running", 0, 0.0)]));
        assert!(!s.unchanged(&[c("a", "exited", 2000, 9.0), c("b", "running", 0, 0.0)]));
        // Moves add up against the list last sent, not the last report.
        assert!(s.unchanged(&[c("a", "exited", 2300, 9.0), c("b", "running", 0, 0.0)]));
        assert!(!s.unchanged(&[c("a", "exited", 2700, 9.0), c("b", "running", 0, 0.0)]));
    }

    #[test]
    fn the_list_goes_out_at_least_every_tenth_report() {
        let mut s = SentContainers::default();
        let list = [c("a", "running", 1000, 1.0)];
        let sent: Vec<bool> = (0..21).map(|_| !s.unchanged(&list)).collect();
        let at: Vec<usize> = sent.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| i).collect();
        assert_eq!(at, [0, 10, 20]);
    }
}
