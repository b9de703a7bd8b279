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

/// Functions longer than `max` lines in `text` (from `fn` to its closing
/// brace at the same indentation), as `name (lines)`.
fn long_functions(text: &str, max: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let t = line.trim_start();
        let t = t.strip_prefix("pub ").or_else(|| t.strip_prefix("pub(crate) ")).unwrap_or(t);
        let t = t.strip_prefix("async ").unwrap_or(t);
        if let Some(rest) = t.strip_prefix("fn ") {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let close = format!("{}}}", " ".repeat(indent));
            let end = (i..lines.len()).find(|&j| lines[j] == close).unwrap_or(i);
            if end + 1 - i > max {
                out.push(format!("{name} ({} lines)", end + 1 - i));
            }
            i = end;
        }
        i += 1;
    }
    out
}

#[test]
fn handlers_are_short() {
    // A handler converts wire -> domain, makes one domain call and converts
    // back; rules that need more lines belong in a domain module.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let handlers = [
        "server/admin_api.rs",
        "server/admin_clusters.rs",
        "server/admin_rollout.rs",
        "server/admin_topology.rs",
        "server/admin_workloads.rs",
        "server/agent_api.rs",
        "server/ops_api.rs",
        "server/node_watch.rs",
        "rest/routes.rs",
        "rest/watch.rs",
    ];
    let mut long = Vec::new();
    for h in handlers {
        let Ok(text) = std::fs::read_to_string(src.join(h)) else { continue };
        // Test modules are not handlers.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        long.extend(long_functions(text, 45).into_iter().map(|f| format!("{h}: {f}")));
    }
    assert!(long.is_empty(), "handlers over 45 lines (move the rules into a domain module):\n{}", long.join("\n"));
}

#[test]
fn long_functions_are_found() {
    let body = "    let x = 1;\n".repeat(50);
    let text = format!("impl A {{\n    pub async fn big(&self) {{\n{body}    }}\n\n    fn small() {{\n    }}\n}}\n");
    assert_eq!(long_functions(&text, 45), ["big (52 lines)"]);
}
