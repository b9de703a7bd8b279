//! Every `sh` block of docs/API.md, run as written (one bash script, in
//! order, `set -euo pipefail`) against a real master with a real agent that
//! runs a real Podman container: the curl examples in the docs work.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::time::Duration;

use piccolo_proto::{GetContainersRequest, NodeState};
use piccolo_tests::agent::Trust;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, bins, wait_until};

/// The `sh` code blocks of a Markdown file, in order.
fn sh_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(String::new()),
            (Some(b), "```") => {
                blocks.push(std::mem::take(b));
                current = None;
            }
            (Some(b), l) => {
                b.push_str(l);
                b.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[tokio::test]
async fn curl_examples_in_api_md_work_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let doc = std::fs::read_to_string(root.join("docs/API.md")).unwrap();
    let blocks = sh_blocks(&doc);
    assert!(blocks.len() >= 8, "docs/API.md has only {} sh blocks", blocks.len());

    let podman = PodmanService::start().await;
    podman.run_container("web").await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let env = podman.agent_env();
    let _agent = Agent::start_with(master.addr(), "node-1", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("node-1", NodeState::Ready, Duration::from_secs(20)).await;
    wait_until("web reported by node-1", Duration::from_secs(20), || async {
        let r = master.admin().await.get_containers(GetContainersRequest { node: "node-1".into() }).await;
        let n = r.map_err(|e| e.to_string())?.into_inner().nodes;
        if n.iter().any(|n| n.containers.iter().any(|c| c.name == "web" && c.state == "running")) {
            Ok(())
        } else {
            Err(format!("{n:?}"))
        }
    })
    .await;

    let work = master.root.path().join("doc-run");
    std::fs::create_dir_all(&work).unwrap();
    let script = format!("set -euo pipefail\nset -x\n{}", blocks.join("\n"));
    std::fs::write(work.join("api-doc.sh"), &script).unwrap();
    let bin_dir = bins::path("piccoloctl").parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = tokio::process::Command::new("bash")
        .arg("api-doc.sh")
        .current_dir(&work)
        .env("PATH", path)
        .env("MASTER", master.addr())
        .env("PICCOLO_ADMIN_CONFIG", master.admin_conf())
        .env("PICCOLO_DATA_DIR", &master.data_dir)
        .kill_on_drop(true)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "docs/API.md examples failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("node-1 Ready"), "{stdout}");
    assert!(stdout.contains("\"topology\":{\"id\":\"lab\""), "{stdout}");
    assert!(stdout.lines().any(|l| l.trim() == "403"), "the viewer was not refused: {stdout}");
    assert!(stdout.contains("restart web on node-1"), "{stdout}");
    assert!(master.node("node-1").await.is_none(), "node-1 was not removed");
}
