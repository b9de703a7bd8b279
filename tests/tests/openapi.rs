//! docs/openapi.yaml against a real master with a real agent: the spec is
//! valid OpenAPI, every documented path and method answers with a documented
//! status and schema, undocumented paths 404 and methods 405, and a viewer
//! gets 403 on every change (tests/rest/check_openapi.py, run with python3;
//! scripts/test-deps.sh installs openapi-spec-validator).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::rest::{export_pems, viewer_credential};
use piccolo_tests::{Agent, Master, MasterOptions};

#[tokio::test]
async fn server_behaviour_matches_openapi_yaml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _agent = Agent::start(&master, "node-1", &token);
    master.wait_state("node-1", NodeState::Ready, Duration::from_secs(20)).await;
    let (ca, cert, key) = export_pems(&master.admin_conf(), &master.root.path().join("pem-admin"));
    let (_, vcert, vkey) = export_pems(&viewer_credential(&master), &master.root.path().join("pem-viewer"));
    let out = tokio::process::Command::new("python3")
        .arg(root.join("tests/rest/check_openapi.py"))
        .arg(root.join("docs/openapi.yaml"))
        .arg(format!("https://{}", master.addr()))
        .args([&ca, &cert, &key, &vcert, &vkey])
        .output()
        .await
        .expect("run python3 (scripts/test-deps.sh installs what the checker needs)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "check_openapi.py failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("0 problems"), "{stdout}");
    println!("{stdout}");
}
