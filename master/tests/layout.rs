//! Checks on the master's module layout that the compiler does not make.
//!
//! Start-up (`run`) is the top of the import graph: it wires every other
//! module together, so nothing may import it back (that made an import cycle of
//! a dozen modules). Data-dir names live in `data_dir`, store opening in
//! `store::open`, credentials in `ca`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_the_start_up_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} source files under {}", files.len(), src.display());
    let mut offenders = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().to_string();
        // The binary and the crate root may name it; run.rs is the module itself.
        if ["main.rs", "lib.rs", "run.rs"].contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if ["crate::run", "super::run", "piccolo_master::run", "crate::startup"].iter().any(|p| {
                code.match_indices(p).any(|(at, _)| {
                    let next = code[at + p.len()..].chars().next();
                    !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            }) {
                offenders.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "these lines import the start-up module (use data_dir, store::open or ca instead):\n{}",
        offenders.join("\n")
    );
}
