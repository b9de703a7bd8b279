//! Every shell block and config block in README.md, SECURITY.md,
//! ARCHITECTURE.md and every docs/*.md is checked
//! against the real binaries, so the documentation cannot drift from them:
//!
//! - each `sh` block parses as bash (`bash -n`);
//! - each `piccoloctl`, `piccolo-master` and `piccolo-agent` command in it
//!   parses with the binary's own command line (run with `--help` appended,
//!   which clap reaches only when every earlier subcommand and flag exists);
//!   synopsis notation is read as written: `[...]` optional parts are checked
//!   too, `a|b` alternatives by their first one;
//! - `make TARGET` names a target that exists; scripts named exist;
//! - each `toml` block is marked `<!-- toml: KIND -->` on the line before it
//!   and is loaded as that kind: `master-config` by `piccolo-master check`,
//!   `agent-config` by `piccolo-agent check`, `cargo` as plain TOML.
//!
//! docs/API.md's blocks also run against a live master (tests/api_doc.rs).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use piccolo_tests::bins;

/// README.md, SECURITY.md, ARCHITECTURE.md and every Markdown file in docs/
/// (a new document is checked without being listed here).
fn docs() -> Vec<String> {
    let mut out = vec!["README.md".to_string(), "SECURITY.md".to_string(), "ARCHITECTURE.md".to_string()];
    let mut more: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    more.sort();
    out.extend(more);
    out
}
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// A fenced block: its language, the marker line before it, where it starts, its text.
struct Block {
    lang: String,
    marker: Option<String>,
    line: usize,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut prev = "";
    for (i, line) in markdown.lines().enumerate() {
        let t = line.trim_end();
        match current.as_mut() {
            None if t.starts_with("```") && t.len() > 3 => {
                let marker = prev
                    .trim()
                    .strip_prefix("<!-- toml:")
                    .and_then(|m| m.strip_suffix("-->"))
                    .map(|m| m.trim().to_string());
                current = Some(Block { lang: t[3..].trim().to_string(), marker, line: i + 1, text: String::new() });
            }
            Some(_) if t == "```" => out.push(current.take().unwrap()),
            Some(b) => {
                b.text.push_str(line);
                b.text.push('\n');
            }
            None => {}
        }
        if !t.is_empty() {
            prev = line;
        }
    }
    out
}

/// Words of one shell command line, quotes removed; `None` past a comment.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut w = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => w.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '#') if !in_word => break,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut w));
                    in_word = false;
                }
            }
            (None, c) => {
                w.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(w);
    }
    out
}

/// The commands of a block: continuation lines joined, split at `|`, `&&`, `;`.
fn commands(block: &str) -> Vec<Vec<String>> {
    let joined = block.replace("\\\n", " ");
    let mut out = Vec::new();
    for line in joined.lines() {
        let mut cmd = Vec::new();
        for w in words(line) {
            if matches!(w.as_str(), "|" | "&&" | "||" | ";") {
                out.push(std::mem::take(&mut cmd));
            } else {
                cmd.push(w);
            }
        }
        out.push(cmd);
    }
    out.retain(|c| !c.is_empty());
    out
}

/// A synopsis command as concrete arguments: `[` `]` dropped, `a|b` -> `a`, `...` dropped.
fn concrete(args: &[String]) -> Vec<String> {
    args.iter()
        .map(|a| a.trim_start_matches('[').trim_end_matches(']').to_string())
        .map(|a| if a.contains('|') && !a.starts_with('-') { a.split('|').next().unwrap().to_string() } else { a })
        .filter(|a| !a.is_empty() && a != "...")
        .collect()
}

fn make_targets() -> Vec<String> {
    let mut text = std::fs::read_to_string(root().join("Makefile")).unwrap();
    for e in std::fs::read_dir(root().join("mk")).unwrap() {
        text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    text.lines()
        .filter_map(|l| l.split_once(':').map(|(t, _)| t))
        .filter(|t| !t.starts_with(['\t', '#', '.']) && !t.contains('='))
        .flat_map(|t| t.split_whitespace().map(str::to_string))
        .collect()
}

fn check_sh(doc: &str, b: &Block, targets: &[String], problems: &mut Vec<String>) {
    let at = format!("{doc}:{}", b.line);
    let o = Command::new("bash").args(["-n", "-c", &b.text]).output().unwrap();
    if !o.status.success() {
        problems.push(format!("{at}: not valid bash: {}", String::from_utf8_lossy(&o.stderr)));
    }
    for mut cmd in commands(&b.text) {
        while cmd.first().is_some_and(|w| w == "sudo" || w.contains('=') && !w.starts_with('-')) {
            cmd.remove(0);
        }
        let Some(first) = cmd.first().cloned() else { continue };
        match first.as_str() {
            "piccoloctl" | "piccolo-master" | "piccolo-agent" => {
                let mut args = concrete(&cmd[1..]);
                args.push("--help".into());
                let o =
                    Command::new(bins::path(&first)).args(&args).env_remove("PICCOLO_ADMIN_CONFIG").output().unwrap();
                if !o.status.success() {
                    problems.push(format!(
                        "{at}: `{}` does not parse: {}",
                        cmd.join(" "),
                        String::from_utf8_lossy(&o.stderr).lines().next().unwrap_or_default()
                    ));
                }
            }
            "make" => {
                for t in cmd[1..].iter().filter(|t| !t.starts_with('-') && !t.contains('=')) {
                    if !targets.contains(t) {
                        problems.push(format!("{at}: `make {t}`: no such target in Makefile or mk/*.mk"));
                    }
                }
            }
            script if script.ends_with(".sh") => {
                let name = Path::new(script).file_name().unwrap();
                let found = [root().join(script), root().join("scripts").join(name), root().join("cross").join(name)]
                    .iter()
                    .any(|p| p.exists());
                if !found {
                    problems.push(format!("{at}: script {script} is not in the repository"));
                }
            }
            _ => {}
        }
    }
}

fn check_toml(doc: &str, b: &Block, dir: &Path, problems: &mut Vec<String>) {
    let at = format!("{doc}:{}", b.line);
    let file = dir.join(format!("block-{}.toml", b.line));
    std::fs::write(&file, &b.text).unwrap();
    let o = match b.marker.as_deref() {
        Some("master-config") => {
            Command::new(bins::path("piccolo-master")).arg("check").arg("--config").arg(&file).output().unwrap()
        }
        Some("agent-config") => Command::new(bins::path("piccolo-agent"))
            .arg("check")
            .arg("--config")
            .arg(&file)
            .arg("--data-dir")
            .arg(dir)
            .output()
            .unwrap(),
        // Workload files: TOML with [[workload]] tables (their rules need a
        // master: tests/workloads*.rs apply them).
        Some("workload") => {
            match b.text.parse::<toml::Table>() {
                Ok(t) if t.contains_key("workload") => {}
                Ok(_) => problems.push(format!("{at}: a workload block without [[workload]]")),
                Err(e) => problems.push(format!("{at}: not valid TOML: {e}")),
            }
            return;
        }
        Some("containers-conf") => {
            match b.text.parse::<toml::Table>() {
                Ok(t) if t.contains_key("engine") || t.contains_key("containers") => {}
                Ok(_) => problems.push(format!("{at}: a containers.conf block without [engine] or [containers]")),
                Err(e) => problems.push(format!("{at}: not valid TOML: {e}")),
            }
            return;
        }
        Some("cargo") => {
            if let Err(e) = b.text.parse::<toml::Table>() {
                problems.push(format!("{at}: not valid TOML: {e}"));
            }
            return;
        }
        other => {
            problems.push(format!(
                "{at}: toml block without a known `<!-- toml: master-config|agent-config|workload|containers-conf|cargo -->` marker ({other:?})"
            ));
            return;
        }
    };
    // `piccolo-agent check` exits 1 when a readiness check fails; 64 is a config error.
    if o.status.code() == Some(64) || (b.marker.as_deref() == Some("master-config") && !o.status.success()) {
        problems.push(format!(
            "{at}: the {} block is refused: {}",
            b.marker.as_deref().unwrap_or_default(),
            String::from_utf8_lossy(&o.stderr)
        ));
    }
}

#[test]
fn every_shell_and_config_block_in_the_docs_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let targets = make_targets();
    let mut problems = Vec::new();
    let (mut sh, mut tomls) = (0, 0);
    let docs = docs();
    assert!(docs.len() >= 8 && docs.iter().any(|d| d == "docs/API.md"), "{docs:?}");
    for doc in &docs {
        let doc = doc.as_str();
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        for b in blocks(&text) {
            match b.lang.as_str() {
                "sh" | "bash" | "shell" => {
                    sh += 1;
                    check_sh(doc, &b, &targets, &mut problems);
                }
                "toml" => {
                    tomls += 1;
                    check_toml(doc, &b, dir.path(), &mut problems);
                }
                _ => {}
            }
        }
    }
    assert!(sh >= 20 && tomls >= 4, "found only {sh} shell and {tomls} toml blocks");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_checker_catches_what_it_should() {
    let b = Block {
        lang: "sh".into(),
        marker: None,
        line: 1,
        text: "piccoloctl get nodes --no-such-flag\nmake no-such-target\n".into(),
    };
    let mut problems = Vec::new();
    check_sh("x", &b, &make_targets(), &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
    let dup = Block {
        lang: "toml".into(),
        marker: Some("master-config".into()),
        line: 2,
        text: "log = \"info\"\nlog = \"debug\"\n".into(),
    };
    let dir = tempfile::tempdir().unwrap();
    check_toml("x", &dup, dir.path(), &mut problems);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[2].contains("duplicate key"), "the TOML error keeps its layout: {}", problems[2]);
    assert_eq!(
        concrete(&["[--node".into(), "NAME]".into(), "start|stop".into(), "...".into()]),
        ["--node", "NAME", "start"]
    );
}
