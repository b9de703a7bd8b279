//! The REST/JSON API end to end: a real master and agents, called with real
//! `curl` over mutual TLS on the gRPC port. Same roles as gRPC (admin
//! mutates, viewer reads, node certificates nothing), the node lifecycle
//! driven over REST shows in gRPC, console tokens read but never mutate.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::rest::{Curl, viewer_credential};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

async fn state_of(admin: &Curl, name: &str) -> String {
    let v = admin.json("GET", &format!("/api/v1/nodes/{name}"), None, 200).await;
    v["node"]["state"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn nodes_tokens_topology_and_config_over_rest() {
    let master = Master::start(MasterOptions { auto_approve: false, ..Default::default() }).await;
    let dir = master.root.path().join("pem-admin");
    let admin = Curl::with_credential(&master.addr(), &master.admin_conf(), &dir);

    // Tokens: create, list, use, revoke.
    let created =
        admin.json("POST", "/api/v1/tokens", Some(r#"{"ttl_seconds":600,"uses":2,"description":"rest"}"#), 200).await;
    let token = created["token"].as_str().unwrap().to_string();
    let id = created["info"]["id"].as_str().unwrap().to_string();
    assert_eq!(created["info"]["max_uses"], 2);
    let listed = admin.json("GET", "/api/v1/tokens", None, 200).await;
    assert!(listed["tokens"].as_array().unwrap().iter().any(|t| t["id"] == id.as_str()));

    let _a = Agent::start(&master, "rest-a", &token);
    master.wait_state("rest-a", NodeState::Pending, Duration::from_secs(15)).await;
    assert_eq!(state_of(&admin, "rest-a").await, "Pending");

    // Approve over REST; gRPC sees it.
    let approved = admin.json("POST", "/api/v1/nodes/rest-a/approve", None, 200).await;
    assert_eq!(approved["node"]["name"], "rest-a");
    master.wait_state("rest-a", NodeState::Ready, Duration::from_secs(20)).await;
    let nodes = admin.json("GET", "/api/v1/nodes", None, 200).await;
    assert_eq!(nodes["nodes"][0]["state"], "Ready");
    assert_eq!(nodes["nodes"][0]["connected"], true);

    // A server-sent-event watch sees the current nodes, then the cordon.
    let (cert, key) = admin.client.clone().unwrap();
    let watch = tokio::process::Command::new("curl")
        .args(["-sS", "-N", "--max-time", "6", "--cacert"])
        .arg(&admin.ca)
        .arg("--cert")
        .arg(cert)
        .arg("--key")
        .arg(key)
        .arg(format!("{}/api/v1/watch/nodes", admin.base))
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    wait_until("the watch to be connected", Duration::from_secs(10), || async {
        let (_, metrics) = master.http_get("/metrics").await;
        match metrics.lines().find(|l| l.starts_with("piccolo_watchers ")) {
            Some(l) if !l.ends_with(" 0") => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    admin.json("POST", "/api/v1/nodes/rest-a/cordon", None, 200).await;
    master.wait_state("rest-a", NodeState::Maintenance, Duration::from_secs(10)).await;
    let out = watch.wait_with_output().await.unwrap();
    let sse = String::from_utf8_lossy(&out.stdout);
    let first = sse.split("\n\n").next().unwrap_or_default();
    assert!(first.starts_with("event: added\ndata: {\"kind\":\"Added\""), "{sse}");
    assert!(first.contains("\"name\":\"rest-a\""), "{sse}");
    assert!(
        sse.split("\n\n").any(|e| e.starts_with("event: modified") && e.contains("\"to\":\"Maintenance\"")),
        "{sse}"
    );
    admin.json("POST", "/api/v1/nodes/rest-a/uncordon", None, 200).await;
    master.wait_state("rest-a", NodeState::Ready, Duration::from_secs(20)).await;

    let events = admin.json("GET", "/api/v1/events?node=rest-a&limit=50", None, 200).await;
    let to: Vec<&str> = events["events"].as_array().unwrap().iter().filter_map(|e| e["to"].as_str()).collect();
    assert!(to.contains(&"Maintenance") && to.contains(&"Initializing"), "events: {events}");

    // Topology: none yet, then put and get.
    assert_eq!(admin.json("GET", "/api/v1/topology", None, 200).await, serde_json::json!({}));
    let topo = r#"{"name":"lab","type":"embedded","master_nodes":["rest-a"]}"#;
    let put = admin.json("PUT", "/api/v1/topology", Some(topo), 200).await;
    assert_eq!(put["topology"]["version"], 1);
    let got = admin.json("GET", "/api/v1/topology", None, 200).await;
    assert_eq!(got["topology"]["type"], "embedded");
    let (code, body) = admin
        .call(
            "PUT",
            "/api/v1/topology",
            Some(r#"{"name":"x","type":"TOPOLOGY_TYPE_EMBEDDED","masterNodes":["ghost"]}"#),
        )
        .await;
    // The proto3 spellings (camelCase, long enum names) are still read.
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("ghost"), "{body}");

    // Config: set, status shows the node acked it.
    let set = admin.json("PATCH", "/api/v1/config", Some(r#"{"labels":{"site":"lab"}}"#), 200).await;
    let version = set["config"]["version"].as_i64().unwrap();
    assert_eq!(admin.json("GET", "/api/v1/config", None, 200).await["labels"]["site"], "lab");
    wait_until("rest-a to ack the config", Duration::from_secs(15), || async {
        let st = admin.json("GET", "/api/v1/config/status", None, 200).await;
        let acked = st["nodes"][0]["acked_version"].as_i64().unwrap_or_default();
        if acked == version { Ok(()) } else { Err(format!("acked {acked}, want {version}: {st}")) }
    })
    .await;
    admin.json("PATCH", "/api/v1/nodes/rest-a/config", Some(r#"{"labels":{"rack":"1"}}"#), 200).await;
    admin.json("DELETE", "/api/v1/nodes/rest-a/config", None, 200).await;

    // Bad input says what was wrong.
    let (code, body) = admin.call("PATCH", "/api/v1/config", Some("{not json")).await;
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("not valid JSON"), "{body}");
    let (code, body) = admin.call("POST", "/api/v1/nodes/rest-a/containers/web/explode", None).await;
    assert_eq!(code, 400, "{body}");
    let (code, _) = admin.call("GET", "/api/v1/nodes/nobody", None).await;
    assert_eq!(code, 404);
    let (code, _) = admin.call("GET", "/api/v1/nowhere", None).await;
    assert_eq!(code, 404);
    let (code, _) = admin.call("DELETE", "/api/v1/cluster", None).await;
    assert_eq!(code, 405);

    // Revoke the token, remove the node.
    let revoked = admin.json("DELETE", &format!("/api/v1/tokens/{id}"), None, 200).await;
    assert_eq!(revoked["info"]["revoked"], true);
    admin.json("DELETE", "/api/v1/nodes/rest-a", None, 200).await;
    wait_until("rest-a gone", Duration::from_secs(10), || async {
        match master.node("rest-a").await {
            None => Ok(()),
            Some(n) => Err(format!("still there: {:?}", n.state())),
        }
    })
    .await;
}

#[tokio::test]
async fn roles_match_grpc_and_console_tokens_only_read() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let agent = Agent::start(&master, "rest-b", &token);
    master.wait_state("rest-b", NodeState::Ready, Duration::from_secs(20)).await;
    let admin = Curl::with_credential(&master.addr(), &master.admin_conf(), &master.root.path().join("pem-admin"));
    let viewer =
        Curl::with_credential(&master.addr(), &viewer_credential(&master), &master.root.path().join("pem-viewer"));
    let node = admin.as_client(Some((agent.data_dir.join("node.crt"), agent.data_dir.join("node.key"))), None);
    let anonymous = admin.as_client(None, None);

    // Viewer reads everything but tokens, mutates nothing.
    for path in [
        "/api/v1/nodes",
        "/api/v1/nodes/rest-b",
        "/api/v1/events",
        "/api/v1/containers",
        "/api/v1/topology",
        "/api/v1/cluster",
        "/api/v1/config/status",
    ] {
        viewer.json("GET", path, None, 200).await;
        let (code, body) = node.call("GET", path, None).await;
        assert_eq!(code, 403, "node cert on {path}: {body}");
        let (code, body) = anonymous.call("GET", path, None).await;
        assert_eq!(code, 401, "no cert on {path}: {body}");
    }
    for (m, path) in [
        ("POST", "/api/v1/nodes/rest-b/cordon"),
        ("DELETE", "/api/v1/nodes/rest-b"),
        ("POST", "/api/v1/tokens"),
        ("GET", "/api/v1/tokens"),
        ("POST", "/api/v1/console/tokens"),
    ] {
        let (code, body) = viewer.call(m, path, None).await;
        assert_eq!(code, 403, "viewer {m} {path}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["code"], "PERMISSION_DENIED");
    }
    assert_eq!(master.node("rest-b").await.unwrap().state(), NodeState::Ready);

    // HTTP/1.1 clients work as well as HTTP/2 ones.
    let mut h1 = admin.as_client(admin.client.clone(), None);
    h1.extra = vec!["--http1.1".into()];
    assert_eq!(h1.json("GET", "/api/v1/cluster", None, 200).await["nodes"], 1);

    // Console tokens: made by an admin, read like a viewer, never mutate.
    let made =
        admin.json("POST", "/api/v1/console/tokens", Some(r#"{"name":"wallboard","ttl_seconds":600}"#), 200).await;
    let tok = made["token"].as_str().unwrap().to_string();
    let browser = admin.as_client(None, Some(tok.clone()));
    let nodes = browser.json("GET", "/api/v1/nodes", None, 200).await;
    assert_eq!(nodes["nodes"][0]["name"], "rest-b");
    let (code, _) = browser.call("POST", "/api/v1/nodes/rest-b/cordon", None).await;
    assert_eq!(code, 403);
    let forged = admin.as_client(None, Some(tok.replace("wallboard", "wallboarx")));
    let (code, body) = forged.call("GET", "/api/v1/nodes", None).await;
    assert_eq!(code, 401, "{body}");
    assert!(body.contains("signature"), "{body}");
    let (code, body) = admin.call("POST", "/api/v1/console/tokens", Some(r#"{"ttlSeconds":99999999}"#)).await;
    assert_eq!(code, 400, "{body}");

    // piccoloctl: a viewer may not make console tokens; PEM export keeps the key private.
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccoloctl"))
        .arg("--admin-config")
        .arg(viewer_credential(&master))
        .args(["console", "token"])
        .output()
        .await
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // In the common error format (like `piccoloctl node remove` as a viewer).
    assert!(
        !out.status.success() && err.contains("console token: refused by the master:") && err.contains("admin"),
        "{err}"
    );
    let pki = master.root.path().join("pki");
    let out = master.ctl(&["credential", "export", "--dir", pki.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(pki.join("client.key")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // A body over the limit is refused with a message, and the master keeps serving.
    let big = format!("{{\"description\":\"{}\"}}", "x".repeat(8 << 20));
    let big_file = master.root.path().join("big.json");
    std::fs::write(&big_file, big).unwrap();
    let (code, body) = admin.call("POST", "/api/v1/tokens", Some(&format!("@{}", big_file.display()))).await;
    assert_eq!(code, 413, "{body}");
    assert!(body.contains("larger than"), "{body}");
    admin.json("GET", "/api/v1/cluster", None, 200).await;

    // gRPC on the same port is untouched.
    assert_eq!(master.nodes().await.len(), 1);
}

/// Workloads over REST with a real agent and real Podman: a workload file
/// posted as TOML runs; a bad one is refused with the line; logs come as
/// text (tail and follow); a change rolls out; undo and delete work.
#[tokio::test]
async fn workloads_over_rest() {
    let podman = piccolo_tests::podman::PodmanService::start().await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let trust = piccolo_tests::agent::Trust::CaFile(master.ca_file());
    let _agent = Agent::start_with(master.addr(), "rw1", &token, trust, podman.agent_env());
    master.wait_state("rw1", NodeState::Ready, Duration::from_secs(20)).await;
    let admin = Curl::with_credential(&master.addr(), &master.admin_conf(), &master.root.path().join("pem-admin"));
    let file = |v: &str| {
        format!(
            "[[workload]]\nname = \"talker\"\nimage = \"localhost/busybox:latest\"\nnodes = [\"rw1\"]\n\
             env = {{ V = \"{v}\" }}\n\
             command = [\"/bin/sh\", \"-c\", \"i=0; while true; do echo line$i; i=$((i+1)); sleep 0.2; done\"]\n"
        )
    };
    let toml = "application/toml";

    let (code, text) =
        admin.send("POST", "/api/v1/workloads", toml, Some("[[workload]]\nname = \"x\"\nimgae = \"i\"\n")).await;
    assert_eq!(code, 400, "{text}");
    assert!(text.contains("line 3"), "{text}");
    let (code, text) = admin.send("POST", "/api/v1/workloads", toml, Some(&file("1"))).await;
    assert_eq!(code, 200, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["workloads"][0]["change"], "created");
    wait_until("talker running (REST)", Duration::from_secs(30), || async {
        let w = admin.json("GET", "/api/v1/workloads/talker", None, 200).await;
        if w["nodes"][0]["state"] == "Running" { Ok(()) } else { Err(w.to_string()) }
    })
    .await;

    let logs = wait_until("two lines of output (REST)", Duration::from_secs(20), || async {
        let (code, text) = admin.call("GET", "/api/v1/workloads/talker/logs?node=rw1&tail=2", None).await;
        // Only the last two of more lines: line0 is no longer among them.
        if code == 200
            && text.lines().count() == 2
            && text.lines().all(|l| l.starts_with("line"))
            && !text.contains("line0")
        {
            Ok(text)
        } else {
            Err(format!("HTTP {code}: {text:?}"))
        }
    })
    .await;
    assert_eq!(logs.lines().count(), 2);
    let (code, text) = admin.call("GET", "/api/v1/workloads/talker/logs", None).await;
    assert_eq!(code, 400, "{text}");
    assert!(text.contains("node is required"), "{text}");
    // follow: the body stays open and new lines arrive (curl stops after 3 s).
    let mut follow = admin.as_client(admin.client.clone(), None);
    follow.extra = vec!["-N".into(), "--max-time".into(), "3".into()];
    let (_, text) = follow.call("GET", "/api/v1/workloads/talker/logs?node=rw1&tail=1&follow=true", None).await;
    assert!(text.matches("line").count() >= 5, "follow streamed too little: {text}");

    // A change rolls out (batch of 1), then undo, then delete.
    let (code, text) = admin.send("POST", "/api/v1/workloads?batch_size=1&timeout=30s", toml, Some(&file("2"))).await;
    assert_eq!(code, 200, "{text}");
    assert!(text.contains("\"updated\""), "{text}");
    wait_until("the rollout to succeed (REST)", Duration::from_secs(60), || async {
        let r = admin.json("GET", "/api/v1/workloads/talker/rollout", None, 200).await;
        if r["state"] == "succeeded" && r["to_revision"] == 2 { Ok(()) } else { Err(r.to_string()) }
    })
    .await;
    let undone = admin.json("POST", "/api/v1/workloads/talker/rollout/undo", Some("{}"), 200).await;
    assert_eq!(undone["workloads"][0]["revision"], 3);
    let w = admin.json("GET", "/api/v1/workloads/talker", None, 200).await;
    assert_eq!(w["spec"]["env"]["V"], "1", "undo went back to revision 1's spec");
    let gone = admin.json("DELETE", "/api/v1/workloads/talker", None, 200).await;
    assert_eq!(gone["nodes"][0], "rw1");
    let (code, _) = admin.call("GET", "/api/v1/workloads/talker", None).await;
    assert_eq!(code, 404);
    wait_until("the container removed", Duration::from_secs(30), || async {
        match podman.try_podman(&["container", "exists", "talker"]).await {
            Err(_) => Ok(()),
            Ok(_) => Err("still there".to_string()),
        }
    })
    .await;
}

/// The node record's internal bookkeeping (the enrolment key hash, the
/// offline-replay mark) never reaches a viewer, whatever the door: gRPC
/// `GetNodes`, `GetNode`, `WatchNodes`; REST nodes, one node, the SSE watch.
/// (The master holds the hash: it is what lets a device whose first
/// enrolment answer was lost get its certificate again.)
#[tokio::test]
async fn a_viewer_never_sees_the_records_internal_fields() {
    use piccolo_proto::{GetNodeRequest, GetNodesRequest, WatchNodesRequest};
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _agent = Agent::start(&master, "rest-v", &token);
    master.wait_state("rest-v", NodeState::Ready, Duration::from_secs(20)).await;
    let conf = viewer_credential(&master);

    let mut grpc = piccolo_tests::master::admin_client(&conf).await.unwrap();
    let mut shown = grpc.get_nodes(GetNodesRequest {}).await.unwrap().into_inner().nodes;
    shown.extend(grpc.get_node(GetNodeRequest { name: "rest-v".into() }).await.unwrap().into_inner().node);
    let mut watch = grpc.watch_nodes(WatchNodesRequest { initial: true }).await.unwrap().into_inner();
    shown.extend(watch.message().await.unwrap().unwrap().node);
    assert_eq!(shown.len(), 3);
    for n in &shown {
        assert_eq!(n.name, "rest-v");
        assert!(n.enrol_key_sha256.is_empty(), "gRPC viewer saw the enrolment key hash: {n:?}");
        assert_eq!(n.replayed_through_seq, 0);
        assert!(!n.cert_serial.is_empty(), "public fields are there");
    }

    let viewer = Curl::with_credential(&master.addr(), &conf, &master.root.path().join("pem-viewer"));
    // (The JSON dialect writes every field, so the keys are there, empty.)
    let leaks = |body: &str| {
        let after = |key: &str| body.match_indices(key).map(|(i, m)| &body[i + m.len()..]).collect::<Vec<_>>();
        after("\"enrol_key_sha256\":").iter().any(|rest| !rest.starts_with("\"\""))
            || after("\"replayed_through_seq\":").iter().any(|rest| !rest.starts_with('0'))
    };
    for path in ["/api/v1/nodes", "/api/v1/nodes/rest-v"] {
        let (code, body) = viewer.call("GET", path, None).await;
        assert_eq!(code, 200, "{path}: {body}");
        assert!(body.contains("rest-v") && !leaks(&body), "{path}: {body}");
    }
    let (cert, key) = viewer.client.clone().unwrap();
    let sse = tokio::process::Command::new("curl")
        .args(["-sS", "-N", "--max-time", "3", "--cacert"])
        .arg(&viewer.ca)
        .arg("--cert")
        .arg(cert)
        .arg("--key")
        .arg(key)
        .arg(format!("{}/api/v1/watch/nodes", viewer.base))
        .output()
        .await
        .unwrap();
    let body = String::from_utf8_lossy(&sse.stdout);
    assert!(body.contains("rest-v") && !leaks(&body), "SSE watch: {body}");
}
