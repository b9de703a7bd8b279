//! Podman's own event log (`events_logger = "file"` in containers.conf),
//! followed with inotify: the agent learns of container changes without
//! holding a connection to the Podman API, so a socket-activated
//! `podman system service` can exit when idle. Every Podman process that
//! changes a container (the CLI, the API service, conmon's cleanup) appends
//! its event to the same file, so nothing needs to be running for a death to
//! be written down.
//!
//! Rotation (`events_logfile_max_size`): Podman replaces the file with one
//! that starts with the newer part of the old one, then appends a
//! `log-rotation` event. On a new inode the rest of the old file is read
//! first (the open descriptor still reaches it), then the new one from just
//! after the last line already read (every line carries a nanosecond time,
//! so it is unique), or, failing that, after its last `log-rotation` line:
//! no event is lost or read twice.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{ErrorKind, Read, Seek, SeekFrom};
use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
use tokio::io::unix::AsyncFd;

use super::PodmanError;

/// Longest line kept; a longer one is not a Podman event and is dropped.
const MAX_LINE: usize = 64 << 10;
/// How often to look again for a directory that does not exist yet (Podman
/// creates it with its first event).
const DIR_RETRY: Duration = Duration::from_secs(5);
/// What a rotation writes after the part of the old file it kept.
const ROTATION_MARK: &[u8] = b"\"Status\":\"log-rotation\"";

/// `Inotify` with the raw descriptor tokio's `AsyncFd` asks for.
struct Watcher(Inotify);

impl AsRawFd for Watcher {
    fn as_raw_fd(&self) -> RawFd {
        self.0.as_fd().as_raw_fd()
    }
}

/// A follower of one event log file.
pub(crate) struct EventLog {
    path: PathBuf,
    watcher: Option<AsyncFd<Watcher>>,
    /// The open file and its inode.
    file: Option<(File, u64)>,
    /// A line not yet complete.
    partial: Vec<u8>,
    lines: VecDeque<Vec<u8>>,
    /// Set once [`Self::mark`] ran: from then on every appended line counts.
    marked: bool,
    /// The last complete line read, to find the place in a rotated file.
    last: Vec<u8>,
}

impl EventLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            watcher: None,
            file: None,
            partial: Vec::new(),
            lines: VecDeque::new(),
            marked: false,
            last: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file exists (Podman may not have written an event yet).
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// The first call starts following at the file's current end (or at the
    /// start of a file created later); later calls change nothing, so what
    /// was appended while the caller was away is still read.
    pub fn mark(&mut self) -> Result<(), PodmanError> {
        if self.marked {
            return Ok(());
        }
        self.watch();
        if let Ok(mut f) = File::open(&self.path) {
            let ino = f.metadata().map_err(|e| self.err(e))?.ino();
            f.seek(SeekFrom::End(0)).map_err(|e| self.err(e))?;
            self.file = Some((f, ino));
        }
        self.marked = true;
        Ok(())
    }

    /// The next complete line (without its newline). Cancel-safe.
    pub async fn next_line(&mut self) -> Result<Vec<u8>, PodmanError> {
        self.mark()?;
        loop {
            self.read_available()?;
            if let Some(line) = self.lines.pop_front() {
                return Ok(line);
            }
            self.wait().await?;
        }
    }

    /// Waits for a change in the file's directory (or, while it does not
    /// exist, for the next look).
    async fn wait(&mut self) -> Result<(), PodmanError> {
        if self.watcher.is_none() {
            self.watch();
        }
        let Some(w) = self.watcher.as_ref() else {
            tokio::time::sleep(DIR_RETRY).await;
            return Ok(());
        };
        let mut guard = w.readable().await.map_err(|e| self.err(e))?;
        match guard.get_inner().0.read_events() {
            Ok(events) => {
                let gone = events.iter().any(|e| e.mask.intersects(AddWatchFlags::IN_IGNORED));
                if gone {
                    // The directory itself went away: watch it again when it is back.
                    self.watcher = None;
                }
                Ok(())
            }
            Err(nix::errno::Errno::EAGAIN) => {
                guard.clear_ready();
                Ok(())
            }
            Err(e) => Err(self.err(std::io::Error::from(e))),
        }
    }

    /// Watches the file's directory: appends (IN_MODIFY), creation and
    /// rename-over (rotation). Leaves `watcher` empty when the directory does
    /// not exist yet.
    fn watch(&mut self) {
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let flags = AddWatchFlags::IN_MODIFY
            | AddWatchFlags::IN_CREATE
            | AddWatchFlags::IN_MOVED_TO
            | AddWatchFlags::IN_DELETE_SELF
            | AddWatchFlags::IN_MOVE_SELF;
        let Ok(ino) = Inotify::init(InitFlags::IN_NONBLOCK | InitFlags::IN_CLOEXEC) else { return };
        if ino.add_watch(dir, flags).is_err() {
            return;
        }
        // `AsyncFd::new` is deprecated for types that might hand out a
        // different or closed descriptor; `Watcher` owns its descriptor
        // (nix's `Inotify` holds an `OwnedFd`) and always returns that one,
        // which is what the unsafe `register` asks callers to promise (this
        // crate forbids unsafe code).
        #[allow(deprecated)]
        let watcher = AsyncFd::new(Watcher(ino)).ok();
        self.watcher = watcher;
    }

    /// Reads whatever was appended, following a rotation or re-creation.
    fn read_available(&mut self) -> Result<(), PodmanError> {
        let current = std::fs::metadata(&self.path).ok().map(|m| m.ino());
        let replaced = match (&self.file, current) {
            (Some((_, ino)), Some(now)) => *ino != now,
            (None, Some(_)) => true,
            _ => false,
        };
        if !replaced {
            return self.read_open();
        }
        let rotated = self.file.is_some();
        // Whatever reached the old file before it was replaced comes first.
        self.read_open()?;
        self.partial.clear();
        let last = self.last.clone();
        let Ok(f) = File::open(&self.path) else { return Ok(()) };
        let ino = f.metadata().map_err(|e| self.err(e))?.ino();
        self.file = Some((f, ino));
        if !rotated {
            // Created after we started: every line in it is new.
            return self.read_open();
        }
        let before = self.lines.len();
        self.read_open()?;
        // The new file repeats the old one's end: start after the last line
        // already read (the rotation mark may not be written yet), else
        // after the mark.
        let fresh: Vec<Vec<u8>> = self.lines.drain(before..).collect();
        let start = fresh
            .iter()
            .rposition(|l| !last.is_empty() && *l == last)
            .or_else(|| fresh.iter().rposition(|l| contains(l, ROTATION_MARK)))
            .map_or(0, |i| i + 1);
        self.lines.extend(fresh.into_iter().skip(start));
        Ok(())
    }

    /// Reads the open file to its end into complete lines.
    fn read_open(&mut self) -> Result<(), PodmanError> {
        let Some((f, _)) = self.file.as_mut() else { return Ok(()) };
        // Truncated in place (by hand): start again from its beginning.
        let pos = f.stream_position().unwrap_or(0);
        if f.metadata().map(|m| m.len() < pos).unwrap_or(false) {
            let _ = f.seek(SeekFrom::Start(0));
            self.partial.clear();
        }
        let mut chunk = [0u8; 4096];
        loop {
            let n = match f.read(&mut chunk) {
                Ok(0) => return Ok(()),
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    let path = self.path.clone();
                    return Err(PodmanError::EventLog { path, source: e });
                }
            };
            for piece in chunk[..n].split_inclusive(|&b| b == b'\n') {
                if piece.last() == Some(&b'\n') {
                    self.partial.extend_from_slice(&piece[..piece.len() - 1]);
                    let line = std::mem::take(&mut self.partial);
                    if line.len() <= MAX_LINE {
                        self.last.clone_from(&line);
                        self.lines.push_back(line);
                    }
                } else if self.partial.len() + piece.len() <= MAX_LINE + 1 {
                    self.partial.extend_from_slice(piece);
                }
            }
        }
    }

    fn err(&self, source: std::io::Error) -> PodmanError {
        PodmanError::EventLog { path: self.path.clone(), source }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::io::Write;

    fn append(path: &Path, text: &str) {
        std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap().write_all(text.as_bytes()).unwrap();
    }

    async fn next(log: &mut EventLog) -> String {
        let line = tokio::time::timeout(Duration::from_secs(5), log.next_line()).await.unwrap().unwrap();
        String::from_utf8(line).unwrap()
    }

    #[tokio::test]
    async fn follows_appends_from_the_mark_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.log");
        append(&path, "old\n");
        let mut log = EventLog::new(&path);
        log.mark().unwrap();
        append(&path, "a\nb");
        assert_eq!(next(&mut log).await, "a");
        append(&path, "c\n");
        assert_eq!(next(&mut log).await, "bc");
    }

    #[tokio::test]
    async fn a_file_created_later_is_read_from_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.log");
        let mut log = EventLog::new(&path);
        log.mark().unwrap();
        let waiter = tokio::spawn(async move { next(&mut log).await });
        tokio::time::sleep(Duration::from_millis(50)).await;
        append(&path, "first\n");
        assert_eq!(waiter.await.unwrap(), "first");
    }

    #[tokio::test]
    async fn a_rotation_loses_and_repeats_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.log");
        append(&path, "1\n");
        let mut log = EventLog::new(&path);
        log.mark().unwrap();
        append(&path, "2\n3\n");
        assert_eq!(next(&mut log).await, "2");
        // Podman keeps the newer part, marks the rotation, renames over.
        let tmp = dir.path().join("tmp");
        append(&tmp, "2\n3\n{\"Status\":\"log-rotation\",\"Type\":\"system\"}\n4\n");
        std::fs::rename(&tmp, &path).unwrap();
        append(&path, "5\n");
        let mut got = Vec::new();
        for _ in 0..4 {
            got.push(next(&mut log).await);
        }
        assert_eq!(got, ["3", "{\"Status\":\"log-rotation\",\"Type\":\"system\"}", "4", "5"]);
    }

    /// Podman appends the rotation mark after the rename: a reader that
    /// opens the new file in between must not read the kept part again.
    #[tokio::test]
    async fn a_rotation_read_before_its_mark_repeats_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.log");
        append(&path, "a 1\n");
        let mut log = EventLog::new(&path);
        log.mark().unwrap();
        append(&path, "b 2\nc 3\n");
        assert_eq!(next(&mut log).await, "b 2");
        assert_eq!(next(&mut log).await, "c 3");
        let tmp = dir.path().join("tmp");
        append(&tmp, "b 2\nc 3\n");
        std::fs::rename(&tmp, &path).unwrap();
        append(&path, "d 4\n");
        assert_eq!(next(&mut log).await, "d 4");
        append(&path, "{\"Status\":\"log-rotation\"}\ne 5\n");
        assert_eq!(next(&mut log).await, "{\"Status\":\"log-rotation\"}");
        assert_eq!(next(&mut log).await, "e 5");
    }
}
