//! Locating the workspace's binaries: `PICCOLO_BIN_DIR`, else the cargo target
//! dir this test binary runs from (`target/<profile>/deps/..`);
//! `PICCOLO_MASTER_BIN` names another master (e.g. the device master,
//! target/release-device-master/piccolo-master, for `make compare`).

use std::path::PathBuf;

/// Directory holding piccolo-master, piccolo-agent and piccoloctl.
pub fn dir() -> PathBuf {
    if let Some(d) = std::env::var_os("PICCOLO_BIN_DIR") {
        return PathBuf::from(d);
    }
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("current_exe: {e}"));
    let mut dir = exe.parent().map(PathBuf::from).unwrap_or_default();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir
}

/// Path of one binary; panics with a hint if it was not built.
pub fn path(name: &str) -> PathBuf {
    let p = match std::env::var_os("PICCOLO_MASTER_BIN") {
        Some(m) if name == "piccolo-master" => PathBuf::from(m),
        _ => dir().join(name),
    };
    assert!(
        p.exists(),
        "{} is missing: build the workspace binaries first (`cargo build --workspace --bins`) or set PICCOLO_BIN_DIR",
        p.display()
    );
    p
}
