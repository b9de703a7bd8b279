//! A small mergeable latency histogram: log-linear buckets (32 per power of two,
//! so any value is within ~3 % of its bucket's upper bound), counted
//! in microseconds. Workers send theirs to the coordinator as JSON and
//! the coordinator adds them up, so percentiles cover the whole fleet.

use serde::{Deserialize, Serialize};

const SUB_BITS: u32 = 6;
const SUB: u64 = 1 << SUB_BITS;

/// Counts of values by bucket.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Histogram {
    /// Dense: a few hundred entries at most, trivial to merge.
    counts: Vec<u64>,
    total: u64,
    max: u64,
}

fn bucket(v: u64) -> usize {
    if v < SUB {
        return v as usize;
    }
    let exp = 63 - v.leading_zeros() - SUB_BITS + 1;
    let sub = (v >> exp) - SUB / 2;
    ((u64::from(exp) + 1) * (SUB / 2) + sub) as usize
}

/// The largest value that falls in bucket `b`.
fn upper(b: usize) -> u64 {
    let b = b as u64;
    if b < SUB {
        return b;
    }
    let exp = b / (SUB / 2) - 1;
    let sub = b % (SUB / 2) + SUB / 2;
    ((sub + 1) << exp) - 1
}

impl Histogram {
    /// Records one value in microseconds.
    pub fn record(&mut self, micros: u64) {
        let b = bucket(micros);
        if self.counts.len() <= b {
            self.counts.resize(b + 1, 0);
        }
        self.counts[b] += 1;
        self.total += 1;
        self.max = self.max.max(micros);
    }

    /// Records a duration.
    pub fn record_duration(&mut self, d: std::time::Duration) {
        self.record(u64::try_from(d.as_micros()).unwrap_or(u64::MAX));
    }

    /// Adds another histogram's counts.
    pub fn merge(&mut self, other: &Histogram) {
        if self.counts.len() < other.counts.len() {
            self.counts.resize(other.counts.len(), 0);
        }
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.total += other.total;
        self.max = self.max.max(other.max);
    }

    pub fn count(&self) -> u64 {
        self.total
    }

    /// Largest value recorded, in microseconds.
    pub fn max(&self) -> u64 {
        self.max
    }

    /// The value at quantile `q` (0..=1), in microseconds (bucket upper bound,
    /// never above the true maximum).
    pub fn quantile(&self, q: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((q * self.total as f64).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (b, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return upper(b).min(self.max);
            }
        }
        self.max
    }

    /// `p50=…ms p99=…ms max=…ms (n=…)`.
    pub fn summary(&self) -> String {
        format!(
            "p50={} p99={} max={} (n={})",
            ms(self.quantile(0.5)),
            ms(self.quantile(0.99)),
            ms(self.max),
            self.total
        )
    }
}

/// Microseconds as milliseconds with sensible precision.
pub fn ms(micros: u64) -> String {
    let v = micros as f64 / 1000.0;
    if v >= 100.0 {
        format!("{v:.0}ms")
    } else if v >= 10.0 {
        format!("{v:.1}ms")
    } else {
        format!("{v:.2}ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_bound_their_values_tightly() {
        for v in [0u64, 1, 63, 64, 65, 100, 1000, 12_345, 1_000_000, 987_654_321] {
            let b = bucket(v);
            assert!(upper(b) >= v, "v={v} b={b} upper={}", upper(b));
            assert!((upper(b) - v) as f64 <= v as f64 * 0.032 + 1.0, "v={v} upper={}", upper(b));
            if b > 0 {
                assert!(upper(b - 1) < v, "v={v} previous bucket holds it");
            }
        }
    }

    #[test]
    fn quantiles_and_merge() {
        let mut a = Histogram::default();
        for v in 1..=1000 {
            a.record(v * 10);
        }
        let p50 = a.quantile(0.5);
        assert!((4900..=5200).contains(&p50), "{p50}");
        let p99 = a.quantile(0.99);
        assert!((9800..=10_000).contains(&p99), "{p99}");
        assert_eq!(a.quantile(1.0), 10_000);
        let mut b = Histogram::default();
        b.record(1_000_000);
        a.merge(&b);
        assert_eq!(a.count(), 1001);
        assert_eq!(a.max(), 1_000_000);
        let json = serde_json::to_string(&a).unwrap_or_default();
        let back: Histogram = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, a);
        assert_eq!(Histogram::default().quantile(0.99), 0);
    }
}
