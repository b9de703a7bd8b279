//! The fuzz targets' seed corpus and regressions (`fuzz/corpus/<target>/`,
//! `fuzz/regressions/<target>/`) for the replay tests in `agent/tests` and
//! `master/tests`, which run every input through the same decoders as the
//! fuzz targets so a fixed crash stays fixed in the normal test suite.

use std::path::{Path, PathBuf};

/// The fuzz workspace.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every seed and regression input of `target`.
pub fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for sub in ["corpus", "regressions"] {
        if let Ok(rd) = std::fs::read_dir(dir().join(sub).join(target)) {
            for e in rd.flatten() {
                match std::fs::read(e.path()) {
                    Ok(b) => out.push(b),
                    Err(err) => panic!("read {}: {err}", e.path().display()),
                }
            }
        }
    }
    out
}

/// Writes one seed input of `target` (with `PICCOLO_WRITE_FUZZ_SEEDS=1`).
pub fn seed(target: &str, name: &str, bytes: &[u8]) {
    let d = dir().join("corpus").join(target);
    if let Err(e) = std::fs::create_dir_all(&d).and_then(|()| std::fs::write(d.join(name), bytes)) {
        panic!("write seed {target}/{name}: {e}");
    }
}

/// Whether this run should (re)write the seeds.
pub fn writing_seeds() -> bool {
    std::env::var_os("PICCOLO_WRITE_FUZZ_SEEDS").is_some()
}

/// The `config_toml` target's inputs meant for one side: the first byte picks
/// the master (even) or the agent (odd), the rest is the TOML text.
pub fn config_toml_texts(for_agent: bool) -> Vec<String> {
    inputs("config_toml")
        .into_iter()
        .filter_map(|b| {
            let (which, rest) = b.split_first()?;
            let text = std::str::from_utf8(rest).ok()?;
            ((which % 2 == 1) == for_agent).then(|| text.to_string())
        })
        .collect()
}
