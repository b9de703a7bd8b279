//! Writing a command's output to stdout the way Unix tools do: when the reader
//! has gone (`piccoloctl get nodes -o json | head -1`), stop quietly with the
//! status a SIGPIPE death would give (141), instead of `println!`'s panic.
//!
//! `print!`/`println!` panic on a closed pipe because Rust ignores SIGPIPE;
//! the binaries print through [`write`] (or the [`out!`](crate::out) and
//! [`outln!`](crate::outln) macros) instead.

use std::fmt;
use std::io::{self, Write};

/// The exit status of a process that a closed pipe stopped: 128 + SIGPIPE (13),
/// what a shell reports for a tool killed by SIGPIPE.
pub const EXIT_BROKEN_PIPE: i32 = 141;

/// Writes to stdout and flushes. A closed pipe ends the process quietly with
/// [`EXIT_BROKEN_PIPE`]; any other write error is reported once on stderr
/// (if stderr is still there) and ends it with status 74 (EX_IOERR).
pub fn write(args: fmt::Arguments<'_>) {
    let mut out = io::stdout().lock();
    let r = out.write_fmt(args).and_then(|()| out.flush());
    if let Err(e) = r {
        exit_on(&e);
    }
}

/// Raw bytes to stdout (a backup file), with [`write`]'s closed-pipe handling.
pub fn write_bytes(bytes: &[u8]) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        exit_on(&e);
    }
}

/// Like [`write`] for stderr: a closed stderr is ignored (there is nobody to tell).
pub fn write_err(args: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

fn exit_on(e: &io::Error) -> ! {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(EXIT_BROKEN_PIPE);
    }
    let _ = writeln!(io::stderr(), "cannot write the output: {e}");
    std::process::exit(74);
}

/// `print!` that stops quietly on a closed pipe (see [`write`]).
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::stdout::write(format_args!($($arg)*)) };
}

/// `println!` that stops quietly on a closed pipe (see [`write`]).
#[macro_export]
macro_rules! outln {
    () => { $crate::stdout::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::stdout::write(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!` that does not panic when stderr is closed.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::stdout::write_err(format_args!("{}\n", format_args!($($arg)*))) };
}
