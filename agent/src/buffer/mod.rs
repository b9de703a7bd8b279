//! The offline buffer: status changes and container events recorded while the
//! master is unreachable, kept in a fixed-capacity ring (heapless) and
//! persisted to one file in the data dir (`offline-buffer.bin`, see
//! [`format`]) so a reboot while offline loses nothing. Entries are opaque
//! bytes with a seq and an original timestamp; the caller replays them in seq
//! order on reconnect and acknowledges them with [`OfflineBuffer::ack_through`].
//!
//! Flash wear: nothing touches the disk in [`OfflineBuffer::push`]. Writes
//! happen in [`OfflineBuffer::maybe_flush`] when [`FlushPolicy::entries`]
//! changes are pending or [`FlushPolicy::interval`] has passed since the
//! first of them, in [`OfflineBuffer::flush`] (clean shutdown) and in
//! [`OfflineBuffer::ack_through`]; never when nothing changed. An agent that
//! stays online and never pushes never writes, and never allocates the ring.
//!
//! Seqs never repeat for a device, because the master skips entries whose seq
//! it has already recorded: the next seq is persisted (an emptied buffer still
//! leaves a small file behind), and after a corrupt or unreadable file it
//! restarts above anything issued before, at the wall clock in ms times 1000.

pub mod format;

#[cfg(test)]
mod tests;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use format::{Corruption, Meta, WireEntry};

/// Entries the ring holds; when full the oldest is dropped and counted.
pub const CAPACITY: usize = 512;
/// Largest payload one entry may carry, in bytes.
pub const MAX_PAYLOAD: usize = 256;
/// The buffer's file in the data dir.
pub const FILE_NAME: &str = "offline-buffer.bin";
/// Bytes the ring takes once allocated (the only large allocation here).
/// 143,384 bytes on 64-bit targets: 512 slots of 280 bytes.
pub const RING_BYTES: usize = std::mem::size_of::<Ring>();
// The agent's whole RSS budget is 8 MB; keep the ring a small part of it.
const _: () = assert!(RING_BYTES <= 150 * 1024);

/// One stored entry; the payload lives inline so the ring is one allocation.
struct Slot {
    seq: u64,
    time_ms: i64,
    payload: heapless::Vec<u8, MAX_PAYLOAD>,
}

impl Slot {
    fn wire(&self) -> WireEntry<'_> {
        WireEntry { seq: self.seq, time_ms: self.time_ms, payload: &self.payload }
    }
}

type Ring = heapless::Deque<Slot, CAPACITY>;

/// A buffered entry as the caller sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub seq: u64,
    /// The original time of the change, ms since the Unix epoch.
    pub time_ms: i64,
    pub payload: &'a [u8],
}

/// When pending changes are written: at `entries` changes or `interval` after
/// the first of them, whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlushPolicy {
    pub interval: Duration,
    /// 0 is taken as 1 (write at every change).
    pub entries: usize,
}

impl Default for FlushPolicy {
    /// At most one write per 30 s, or per 64 entries during a burst.
    fn default() -> Self {
        FlushPolicy { interval: Duration::from_secs(30), entries: 64 }
    }
}

/// What [`OfflineBuffer::open`] found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    /// Entries loaded (to be replayed).
    pub entries: usize,
    /// Entries dropped while the buffer was full, not yet reported.
    pub dropped: u64,
    /// A damaged file that was set aside; the buffer then starts empty.
    pub problem: Option<LoadProblem>,
}

/// A buffer file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub corruption: Corruption,
    /// Where the file was moved, or why it could not be moved.
    pub set_aside: Result<PathBuf, String>,
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "offline buffer {} is damaged ({}); ", self.path.display(), self.corruption)?;
        match &self.set_aside {
            Ok(p) => write!(f, "moved it to {} and started with an empty buffer", p.display()),
            Err(e) => write!(f, "could not move it aside ({e}); started with an empty buffer that replaces it"),
        }
    }
}

/// Why a buffer operation failed.
#[derive(Debug, thiserror::Error)]
pub enum BufferError {
    #[error("offline buffer entry of {len} bytes is over the {max}-byte limit; shorten it or leave it out")]
    TooLarge { len: usize, max: usize },
    #[error(
        "cannot persist the offline buffer to {}: {source}; entries stay in memory and are retried",
        dir.display()
    )]
    Persist { dir: PathBuf, source: std::io::Error },
    #[error("cannot encode the offline buffer ({0}); entries stay in memory (this is a bug, please report it)")]
    Encode(String),
}

/// The offline buffer. Single owner, sync; every method that may do IO says so.
pub struct OfflineBuffer {
    dir: PathBuf,
    path: PathBuf,
    policy: FlushPolicy,
    /// Allocated at the first entry and freed when the buffer empties.
    ring: Option<Box<Ring>>,
    /// Entries kept at most (<= [`CAPACITY`]); beyond it the oldest go.
    limit: usize,
    meta: Meta,
    /// Changes made since the last successful write.
    pending: usize,
    /// When the oldest of those changes was made.
    pending_since: Option<Instant>,
    /// After a failed write, no automatic retry before this.
    retry_at: Option<Instant>,
    bytes_written: u64,
    writes: u64,
}

impl OfflineBuffer {
    /// Loads the buffer from `dir`. IO: reads the file; renames it aside if it
    /// is damaged. A missing file is an empty buffer. Never fails: problems are
    /// in the report and the buffer starts empty.
    pub fn open(dir: &Path, policy: FlushPolicy) -> (Self, LoadReport) {
        let path = dir.join(FILE_NAME);
        let mut b = OfflineBuffer {
            dir: dir.to_path_buf(),
            path,
            policy,
            ring: None,
            limit: CAPACITY,
            meta: Meta { next_seq: 1, ..Meta::default() },
            pending: 0,
            pending_since: None,
            retry_at: None,
            bytes_written: 0,
            writes: 0,
        };
        let problem = match read_capped(&b.path) {
            Ok(None) => None,
            Ok(Some(bytes)) => match format::decode(&bytes) {
                Ok(d) => {
                    b.load(d);
                    None
                }
                Err(c) => Some(c),
            },
            Err(c) => Some(c),
        };
        let problem = problem.map(|corruption| {
            // Seqs issued before are unknown now; jump past any of them and
            // write that down soon, so a restart cannot go back to 1.
            b.meta.next_seq = seq_floor_after_loss();
            b.note_change(Instant::now());
            LoadProblem { set_aside: set_aside(&b.path), path: b.path.clone(), corruption }
        });
        let report = LoadReport { entries: b.len(), dropped: b.meta.dropped, problem };
        (b, report)
    }

    fn load(&mut self, d: format::Decoded<'_>) {
        self.meta = d.meta;
        for e in d.entries {
            // Only a build with a larger capacity or payload limit writes these.
            let Ok(payload) = heapless::Vec::from_slice(e.payload) else {
                self.count_drop(e.seq);
                continue;
            };
            self.insert(Slot { seq: e.seq, time_ms: e.time_ms, payload });
        }
    }

    /// Records an entry and returns its seq. No IO. When the buffer is full
    /// the oldest entry is dropped and counted in [`Self::dropped`].
    pub fn push(&mut self, time_ms: i64, payload: &[u8]) -> Result<u64, BufferError> {
        self.push_at(Instant::now(), time_ms, payload)
    }

    /// [`Self::push`] with the caller's clock (`now` starts the flush interval
    /// if nothing was pending), for callers that test with paused time.
    pub fn push_at(&mut self, now: Instant, time_ms: i64, payload: &[u8]) -> Result<u64, BufferError> {
        let payload = heapless::Vec::from_slice(payload)
            .map_err(|_| BufferError::TooLarge { len: payload.len(), max: MAX_PAYLOAD })?;
        let seq = self.meta.next_seq;
        self.meta.next_seq = seq.saturating_add(1);
        self.insert(Slot { seq, time_ms, payload });
        self.meta.offline_since_ms.get_or_insert(time_ms);
        self.note_change(now);
        Ok(seq)
    }

    /// Keeps at most `limit` entries (clamped to 1..=[`CAPACITY`]), dropping
    /// and counting the oldest beyond it now and on later pushes. No IO.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.clamp(1, CAPACITY);
        let mut trimmed = false;
        while self.len() > self.limit {
            if let Some(old) = self.ring.as_mut().and_then(|r| r.pop_front()) {
                self.count_drop(old.seq);
                trimmed = true;
            }
        }
        if trimmed {
            self.note_change(Instant::now());
        }
    }

    fn insert(&mut self, slot: Slot) {
        let limit = self.limit;
        let ring = self.ring.get_or_insert_with(|| Box::new(Ring::new()));
        // At most one goes: `set_limit` trims the rest when the limit shrinks.
        let dropped = if ring.len() >= limit { ring.pop_front().map(|old| old.seq) } else { None };
        // Cannot fail: there is room now (limit <= CAPACITY).
        let _ = ring.push_back(slot);
        if let Some(seq) = dropped {
            self.count_drop(seq);
        }
    }

    fn count_drop(&mut self, seq: u64) {
        self.meta.dropped = self.meta.dropped.saturating_add(1);
        self.meta.dropped_through_seq = self.meta.dropped_through_seq.max(seq);
    }

    fn note_change(&mut self, now: Instant) {
        self.pending = self.pending.saturating_add(1);
        self.pending_since.get_or_insert(now);
    }

    /// Whether [`Self::maybe_flush`] would write at `now`. No IO.
    pub fn flush_due(&self, now: Instant) -> bool {
        if self.pending == 0 || self.retry_at.is_some_and(|r| now < r) {
            return false;
        }
        self.pending >= self.policy.entries.max(1)
            || self.pending_since.is_some_and(|t| now.saturating_duration_since(t) >= self.policy.interval)
    }

    /// Writes if the flush policy says so; returns whether it wrote. IO when due.
    /// After a failure the next automatic attempt waits one interval.
    pub fn maybe_flush(&mut self, now: Instant) -> Result<bool, BufferError> {
        if !self.flush_due(now) {
            return Ok(false);
        }
        self.write(now).map(|()| true)
    }

    /// Writes pending changes now, e.g. on clean shutdown. IO unless nothing changed.
    pub fn flush(&mut self) -> Result<(), BufferError> {
        if self.pending == 0 {
            return Ok(());
        }
        self.write(Instant::now())
    }

    /// Removes entries up to and including `seq` once the master has recorded
    /// them, and persists that at once. IO if anything was removed. The dropped
    /// count is cleared too when the acknowledged range reaches past the
    /// dropped entries, so send [`Self::dropped`] with the first replay batch.
    pub fn ack_through(&mut self, seq: u64) -> Result<(), BufferError> {
        let mut changed = false;
        if let Some(ring) = self.ring.as_mut() {
            while ring.pop_front_if(|s| s.seq <= seq).is_some() {
                changed = true;
            }
        }
        if self.meta.dropped > 0 && seq >= self.meta.dropped_through_seq {
            self.meta.dropped = 0;
            changed = true;
        }
        if self.is_empty() {
            self.ring = None;
            changed |= self.meta.offline_since_ms.take().is_some();
        }
        if !changed {
            return Ok(());
        }
        let now = Instant::now();
        self.note_change(now);
        self.write(now)
    }

    /// Empties the buffer after a complete replay. IO if it held anything.
    pub fn clear(&mut self) -> Result<(), BufferError> {
        self.ack_through(u64::MAX)
    }

    fn write(&mut self, now: Instant) -> Result<(), BufferError> {
        let encoded = match self.ring.as_deref() {
            Some(r) => format::encode(self.meta, r.len(), entries_of(r).map(|e| e.wire())),
            None => format::encode(self.meta, 0, std::iter::empty()),
        };
        let bytes = encoded.map_err(|e| BufferError::Encode(e.to_string()))?;
        let result =
            std::fs::create_dir_all(&self.dir).and_then(|()| piccolo_common::files::write_private(&self.path, &bytes));
        match result {
            Ok(()) => {
                self.bytes_written = self.bytes_written.saturating_add(bytes.len() as u64);
                self.writes += 1;
                self.pending = 0;
                self.pending_since = None;
                self.retry_at = None;
                Ok(())
            }
            Err(source) => {
                self.retry_at = Some(now + self.policy.interval);
                Err(BufferError::Persist { dir: self.dir.clone(), source })
            }
        }
    }

    /// The entries in seq order (oldest first). No IO.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        self.ring.as_deref().into_iter().flat_map(entries_of).map(|s| Entry {
            seq: s.seq,
            time_ms: s.time_ms,
            payload: &s.payload,
        })
    }

    /// Entries dropped because the buffer was full, since they were last acknowledged.
    pub fn dropped(&self) -> u64 {
        self.meta.dropped
    }

    /// Time of the first entry since the buffer was last emptied (persisted).
    pub fn offline_since_ms(&self) -> Option<i64> {
        self.meta.offline_since_ms
    }

    /// The seq the next entry will get.
    pub fn next_seq(&self) -> u64 {
        self.meta.next_seq
    }

    pub fn len(&self) -> usize {
        self.ring.as_ref().map_or(0, |r| r.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes not yet on disk.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// File bytes this process has written (temp file contents; the rename
    /// and fsyncs add only metadata).
    pub fn bytes_written(&self) -> u64 {
        self.bytes_written
    }

    /// Successful file writes by this process.
    pub fn writes(&self) -> u64 {
        self.writes
    }

    /// The buffer file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn entries_of(r: &Ring) -> impl Iterator<Item = &Slot> + Clone {
    let (a, b) = r.as_slices();
    a.iter().chain(b.iter())
}

/// Reads the file unless it is larger than this build can have written.
/// `Ok(None)` when there is no file.
fn read_capped(path: &Path) -> Result<Option<Vec<u8>>, Corruption> {
    let max = format::max_file_len(CAPACITY, MAX_PAYLOAD);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Corruption::Unreadable(e.to_string())),
    };
    if meta.len() > max {
        return Err(Corruption::TooLarge { len: meta.len(), max });
    }
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() as u64 > max => Err(Corruption::TooLarge { len: bytes.len() as u64, max }),
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Corruption::Unreadable(e.to_string())),
    }
}

fn unix_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Above any seq issued before a loss, unless the clock went backwards or
/// more than 1000 entries per ms were issued since the previous loss.
fn seq_floor_after_loss() -> u64 {
    unix_ms().saturating_mul(1000).max(1)
}

/// Moves a damaged file to `<name>.corrupt-<unix-ms>` for inspection.
fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let mut aside = path.as_os_str().to_owned();
    aside.push(format!(".corrupt-{}", unix_ms()));
    let aside = PathBuf::from(aside);
    match std::fs::rename(path, &aside) {
        Ok(()) => Ok(aside),
        Err(e) => Err(e.to_string()),
    }
}

/// Fuzz target: decodes arbitrary bytes as a buffer file. Must never panic.
pub fn decode_for_fuzz(bytes: &[u8]) {
    let _ = format::decode(bytes);
}
