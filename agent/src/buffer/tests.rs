//! Unit tests for the offline buffer against real files in temp dirs.

use std::time::{Duration, Instant};

use super::format::{Corruption, HEADER_LEN, MAGIC, VERSION};
use super::*;

const POLICY: FlushPolicy = FlushPolicy { interval: Duration::from_secs(10), entries: 4 };

fn open(dir: &Path) -> (OfflineBuffer, LoadReport) {
    OfflineBuffer::open(dir, POLICY)
}

fn collect(b: &OfflineBuffer) -> Vec<(u64, i64, Vec<u8>)> {
    b.entries().map(|e| (e.seq, e.time_ms, e.payload.to_vec())).collect()
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    v.sort();
    v
}

/// A valid file with three entries, as bytes.
fn good_file() -> Vec<u8> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    for i in 0..3 {
        b.push(1_700_000_000_000 + i, format!("entry {i}").as_bytes()).expect("push");
    }
    b.flush().expect("flush");
    std::fs::read(b.path()).expect("read")
}

#[test]
fn round_trip_keeps_order_seq_and_timestamps() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, report) = open(tmp.path());
    assert_eq!(report, LoadReport { entries: 0, dropped: 0, problem: None });
    let mut want = Vec::new();
    for i in 0..10i64 {
        let t = 1_700_000_000_000 + i * 1_000 - (i % 3) * 5_000; // not monotonic on purpose
        let payload = vec![i as u8; i as usize * 20];
        let seq = b.push(t, &payload).expect("push");
        want.push((seq, t, payload));
    }
    assert_eq!(want.iter().map(|w| w.0).collect::<Vec<_>>(), (1..=10).collect::<Vec<_>>());
    assert_eq!(collect(&b), want);
    b.flush().expect("flush");
    drop(b);

    let (mut b, report) = open(tmp.path());
    assert_eq!(report, LoadReport { entries: 10, dropped: 0, problem: None });
    assert_eq!(collect(&b), want);
    assert_eq!(b.offline_since_ms(), Some(1_700_000_000_000));
    assert_eq!(b.push(5, b"next").expect("push"), 11, "seq continues after a restart");
}

#[test]
fn payload_over_the_limit_is_rejected_without_using_a_seq() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    let err = b.push(1, &[0u8; MAX_PAYLOAD + 1]).expect_err("too large");
    assert!(matches!(err, BufferError::TooLarge { len, max: MAX_PAYLOAD } if len == MAX_PAYLOAD + 1));
    assert!(err.to_string().contains("257 bytes"), "{err}");
    assert!(b.is_empty());
    assert_eq!(b.pending(), 0);
    assert_eq!(b.push(1, &[7u8; MAX_PAYLOAD]).expect("exactly the limit fits"), 1);
}

#[test]
fn full_buffer_drops_oldest_and_counts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    let extra = 10u64;
    for i in 0..CAPACITY as u64 + extra {
        b.push(i as i64, &i.to_le_bytes()).expect("push");
    }
    assert_eq!(b.len(), CAPACITY);
    assert_eq!(b.dropped(), extra);
    let first = b.entries().next().expect("first");
    assert_eq!(first.seq, extra + 1, "the oldest went first");
    assert_eq!(b.offline_since_ms(), Some(0), "offline since the first entry, even if dropped");
    b.flush().expect("flush");

    let (mut b, report) = open(tmp.path());
    assert_eq!(report, LoadReport { entries: CAPACITY, dropped: extra, problem: None });
    // Replaying the first batch acknowledges the drops too.
    b.ack_through(extra + 100).expect("ack");
    assert_eq!(b.dropped(), 0);
    assert_eq!(b.len(), CAPACITY - 100);
}

#[test]
fn a_configured_limit_drops_oldest_beyond_it_and_shrinking_trims() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    b.set_limit(4);
    for i in 0..6u64 {
        b.push(i as i64, &i.to_le_bytes()).expect("push");
    }
    assert_eq!(b.len(), 4);
    assert_eq!(b.dropped(), 2);
    assert_eq!(b.entries().next().expect("first").seq, 3);
    b.set_limit(2);
    assert_eq!((b.len(), b.dropped()), (2, 4));
    assert_eq!(b.entries().next().expect("first").seq, 5);
    b.set_limit(0);
    assert_eq!(b.len(), 1, "a limit is at least one entry");
    b.set_limit(usize::MAX);
    b.push(9, b"x").expect("push");
    assert_eq!(b.len(), 2, "a limit above the capacity is the capacity");
}

#[test]
fn ack_through_removes_replayed_entries_and_persists() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    for i in 1..=5 {
        b.push(i * 100, &[i as u8]).expect("push");
    }
    b.flush().expect("flush");
    let writes = b.writes();
    b.ack_through(3).expect("ack");
    assert_eq!(b.writes(), writes + 1, "an ack is written at once");
    assert_eq!(b.entries().map(|e| e.seq).collect::<Vec<_>>(), vec![4, 5]);
    assert_eq!(b.offline_since_ms(), Some(100), "still offline data to replay");
    b.ack_through(3).expect("ack again");
    assert_eq!(b.writes(), writes + 1, "acking nothing new writes nothing");

    let (mut b, report) = open(tmp.path());
    assert_eq!(report.entries, 2);
    assert_eq!(b.entries().map(|e| e.seq).collect::<Vec<_>>(), vec![4, 5]);
    b.clear().expect("clear");
    assert!(b.is_empty());
    assert_eq!(b.offline_since_ms(), None);

    let (mut b, report) = open(tmp.path());
    assert_eq!(report, LoadReport { entries: 0, dropped: 0, problem: None });
    assert_eq!(b.offline_since_ms(), None);
    assert_eq!(b.push(1, b"x").expect("push"), 6, "seqs never repeat, even after a clear");
}

#[test]
fn clear_or_flush_on_an_unchanged_buffer_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    b.flush().expect("flush");
    b.clear().expect("clear");
    b.ack_through(100).expect("ack");
    assert!(!b.maybe_flush(Instant::now() + Duration::from_secs(3600)).expect("maybe"));
    assert_eq!((b.writes(), b.bytes_written()), (0, 0));
    assert!(!b.path().exists(), "online and steady: no file at all");
}

#[test]
fn flush_policy_batches_writes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    let t0 = Instant::now();
    assert!(!b.flush_due(t0 + Duration::from_secs(3600)), "nothing pending");

    // M entries trigger a write.
    for i in 0..POLICY.entries - 1 {
        b.push(i as i64, b"e").expect("push");
        assert!(!b.maybe_flush(Instant::now()).expect("maybe"), "below M and inside the interval");
    }
    b.push(99, b"e").expect("push");
    assert!(b.flush_due(Instant::now()));
    assert!(b.maybe_flush(Instant::now()).expect("maybe"));
    assert_eq!(b.writes(), 1);
    assert!(!b.maybe_flush(Instant::now()).expect("maybe"), "nothing pending after the write");

    // One entry waits for the interval, counted from that entry.
    let before = Instant::now();
    b.push(100, b"e").expect("push");
    let after = Instant::now();
    assert!(!b.maybe_flush(after + POLICY.interval / 2).expect("maybe"));
    assert!(!b.maybe_flush(before + POLICY.interval - Duration::from_millis(1)).expect("maybe"));
    assert_eq!(b.writes(), 1);
    assert!(b.maybe_flush(after + POLICY.interval).expect("maybe"));
    assert_eq!(b.writes(), 2);
}

#[test]
fn a_steady_trickle_is_written_at_most_once_per_interval() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    let t0 = Instant::now();
    let mut write_times = Vec::new();
    // One entry every 4 s for 10 minutes: fewer than M per interval, so time decides.
    for s in 0..600u64 {
        let now = t0 + Duration::from_secs(s);
        if s % 4 == 0 {
            b.push_at(now, s as i64, b"trickle").expect("push");
        }
        if b.maybe_flush(now).expect("maybe") {
            write_times.push(s);
        }
    }
    assert!(write_times.windows(2).all(|w| w[1] - w[0] >= POLICY.interval.as_secs()), "{write_times:?}");
    assert!(write_times.len() <= 600 / POLICY.interval.as_secs() as usize, "{write_times:?}");
    assert!(write_times.len() >= 40, "{write_times:?}");
    assert_eq!(write_times[0], POLICY.interval.as_secs());
    assert_eq!(b.len(), 150);
}

#[test]
fn explicit_flush_writes_what_is_pending_below_the_thresholds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    b.push(1, b"one").expect("push");
    assert!(!b.flush_due(Instant::now()));
    b.flush().expect("flush");
    assert_eq!(b.writes(), 1);
    let (b, report) = open(tmp.path());
    assert_eq!(report.entries, 1);
    assert_eq!(collect(&b), vec![(1, 1, b"one".to_vec())]);
}

#[test]
fn bytes_written_counts_every_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    b.push(1, &[1u8; 100]).expect("push");
    b.flush().expect("flush");
    let first = std::fs::metadata(b.path()).expect("meta").len();
    assert_eq!(b.bytes_written(), first);
    assert!(first > 100 && first < 100 + HEADER_LEN as u64 + 40, "{first} bytes for one 100-byte entry");
    b.push(2, &[2u8; 100]).expect("push");
    b.flush().expect("flush");
    let second = std::fs::metadata(b.path()).expect("meta").len();
    assert_eq!(b.bytes_written(), first + second);
    b.clear().expect("clear");
    let empty = std::fs::metadata(b.path()).expect("meta").len();
    assert!(empty < 40, "an emptied buffer leaves a small file ({empty} bytes)");
    assert_eq!(b.bytes_written(), first + second + empty);
    assert_eq!(b.writes(), 3);
}

#[test]
fn a_full_file_stays_under_the_read_cap() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    for i in 0..CAPACITY as i64 + 1 {
        b.push(i64::MIN + i, &[0xff; MAX_PAYLOAD]).expect("push");
    }
    b.flush().expect("flush");
    let len = std::fs::metadata(b.path()).expect("meta").len();
    assert!(len <= format::max_file_len(CAPACITY, MAX_PAYLOAD), "{len}");
    let (_, report) = open(tmp.path());
    assert_eq!(report.entries, CAPACITY);
    assert!(report.problem.is_none());
}

fn check_set_aside(name: &str, bytes: &[u8], want: impl Fn(&Corruption) -> bool) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join(FILE_NAME);
    std::fs::write(&path, bytes).expect("write");
    let (mut b, report) = open(tmp.path());
    let problem = report.problem.unwrap_or_else(|| panic!("{name}: not detected"));
    assert!(want(&problem.corruption), "{name}: {}", problem.corruption);
    assert_eq!(report.entries, 0, "{name}");
    assert!(b.is_empty(), "{name}");
    let aside = corrupt_files(tmp.path());
    assert_eq!(aside.len(), 1, "{name}: {aside:?}");
    assert_eq!(problem.set_aside.as_ref().expect("moved"), &aside[0]);
    assert_eq!(std::fs::read(&aside[0]).expect("read aside"), bytes, "{name}: kept for inspection");
    assert!(!path.exists(), "{name}");
    let msg = problem.to_string();
    assert!(msg.contains("is damaged") && msg.contains(".corrupt-"), "{name}: {msg}");
    // Seqs restart above anything issued before, and that is written down.
    assert!(b.next_seq() > 1_000_000_000_000_000, "{name}: {}", b.next_seq());
    assert_eq!(b.pending(), 1);
    let seq = b.push(1, b"after").expect("push");
    b.flush().expect("flush");
    let (b2, report) = open(tmp.path());
    assert!(report.problem.is_none(), "{name}");
    assert_eq!(b2.entries().next().map(|e| e.seq), Some(seq));
}

#[test]
fn damaged_files_are_detected_and_set_aside() {
    let good = good_file();
    check_set_aside("zero-length", b"", |c| matches!(c, Corruption::ShortHeader { len: 0 }));
    check_set_aside("short header", &good[..HEADER_LEN - 3], |c| matches!(c, Corruption::ShortHeader { .. }));
    check_set_aside("truncated body", &good[..good.len() - 5], |c| matches!(c, Corruption::Truncated { .. }));
    let mut flipped = good.clone();
    flipped[HEADER_LEN + 4] ^= 0x10;
    check_set_aside("flipped byte", &flipped, |c| matches!(c, Corruption::Checksum { .. }));
    let mut magic = good.clone();
    magic[..8].copy_from_slice(b"NOTOURS!");
    check_set_aside("wrong magic", &magic, |c| *c == Corruption::BadMagic);
    let mut version = good.clone();
    version[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
    check_set_aside("wrong version", &version, |c| matches!(c, Corruption::UnsupportedVersion { .. }));
    let garbage: Vec<u8> = (0..500u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    check_set_aside("garbage", &garbage, |c| *c == Corruption::BadMagic);
    let mut big = MAGIC.to_vec();
    big.resize(format::max_file_len(CAPACITY, MAX_PAYLOAD) as usize + 1, 0);
    check_set_aside("too large", &big, |c| matches!(c, Corruption::TooLarge { .. }));
}

#[test]
fn an_unwritable_dir_gives_a_clear_error_and_keeps_entries() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).expect("mkdir");
    let (mut b, _) = open(&dir);
    for i in 0..3 {
        b.push(i, b"kept").expect("push");
    }
    // A file where the data dir should be fails for root too (a 0555 dir would not).
    std::fs::remove_dir(&dir).expect("rmdir");
    std::fs::write(&dir, b"").expect("file in the way");
    let t = Instant::now();
    let err = b.flush().expect_err("cannot write");
    let msg = err.to_string();
    assert!(msg.contains("cannot persist the offline buffer to") && msg.contains("data"), "{msg}");
    assert!(msg.contains("entries stay in memory and are retried"), "{msg}");
    assert_eq!(b.len(), 3);
    assert_eq!(b.pending(), 3);
    assert_eq!((b.writes(), b.bytes_written()), (0, 0));
    // Automatic retries wait one interval instead of hammering a failing disk.
    b.push(3, b"kept").expect("push");
    assert!(!b.flush_due(t), "pending is at M, but a retry waits");
    assert!(b.flush_due(Instant::now() + POLICY.interval));

    std::fs::remove_file(&dir).expect("rm");
    assert!(b.maybe_flush(Instant::now() + POLICY.interval).expect("retry succeeds"));
    let (b, report) = open(&dir);
    assert_eq!(report.entries, 4);
    assert_eq!(b.entries().map(|e| e.seq).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
}

#[test]
fn a_missing_data_dir_is_an_empty_buffer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (b, report) = open(&tmp.path().join("not-yet"));
    assert_eq!(report, LoadReport { entries: 0, dropped: 0, problem: None });
    assert_eq!(b.next_seq(), 1);
}

#[test]
fn decode_for_fuzz_takes_anything() {
    let good = good_file();
    decode_for_fuzz(&good);
    decode_for_fuzz(&[]);
    decode_for_fuzz(&[0xff; 64]);
    for n in 0..good.len() {
        decode_for_fuzz(&good[..n]);
    }
}

#[test]
fn the_ring_is_allocated_only_while_it_holds_entries() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut b, _) = open(tmp.path());
    assert!(b.ring.is_none());
    b.push(1, b"x").expect("push");
    assert!(b.ring.is_some());
    b.clear().expect("clear");
    assert!(b.ring.is_none());
}
