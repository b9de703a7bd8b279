//! The web console in a real headless browser (Debian's chromium) against a
//! real master with real agents: with a console token from
//! `piccoloctl console token` the page shows every node with its live state,
//! the topology and events; without one it shows nothing but the error. The
//! screenshot must be a valid, non-blank PNG (kept in target/console.png for
//! people to look at).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use piccolo_proto::{ClusterTopology, NodeNameRequest, NodeState, TopologyType, UpdateTopologyRequest};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

/// Runs headless chromium on `url`; returns the DOM after scripts ran.
async fn chromium(url: &str, profile: &Path, screenshot: Option<&Path>) -> String {
    let mut cmd = tokio::process::Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        // The cluster CA is not in chromium's store; users import ca.crt instead.
        "--ignore-certificate-errors",
        "--window-size=1280,800",
        "--hide-scrollbars",
        "--virtual-time-budget=8000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    match screenshot {
        Some(p) => cmd.arg(format!("--screenshot={}", p.display())),
        None => cmd.arg("--dump-dom"),
    };
    let out = tokio::time::timeout(Duration::from_secs(120), cmd.arg(url).kill_on_drop(true).output())
        .await
        .expect("chromium finished within 120 s")
        .expect("run chromium (scripts/test-deps.sh installs it)");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Width, height and the share of pixels that differ from the top-left one.
fn png_stats(path: &Path) -> (u32, u32, f64, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).expect("screenshot exists")));
    let mut reader = decoder.read_info().expect("a valid PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("the PNG size fits in memory")];
    let info = reader.next_frame(&mut buf).expect("a PNG frame");
    let bpp = info.color_type.samples();
    let px: Vec<&[u8]> = buf[..info.buffer_size()].chunks(bpp).collect();
    let first = px[0];
    let differ = px.iter().filter(|p| *p != &first).count();
    let mut colours: Vec<&[u8]> = px.clone();
    colours.sort();
    colours.dedup();
    (info.width, info.height, differ as f64 / px.len() as f64, colours.len())
}

fn row_state(dom: &str, node: &str) -> Option<String> {
    row_attr(dom, &format!("data-node=\"{node}\""), "data-state")
}

/// `attr` of the first element after `marker`.
fn row_attr(dom: &str, marker: &str, attr: &str) -> Option<String> {
    let at = dom.find(marker)?;
    let rest = &dom[at..];
    let s = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    Some(rest[s..].split('"').next()?.to_string())
}

#[tokio::test]
async fn console_shows_live_nodes_in_a_real_browser() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _a = Agent::start(&master, "alpha", &token);
    let _b = Agent::start(&master, "beta", &token);
    let mut gamma = Agent::start(&master, "gamma", &token);
    for n in ["alpha", "beta", "gamma"] {
        master.wait_state(n, NodeState::Ready, Duration::from_secs(20)).await;
    }
    let mut admin = master.admin().await;
    admin.cordon_node(NodeNameRequest { name: "beta".into() }).await.unwrap();
    gamma.kill9();
    master.wait_state("gamma", NodeState::NotReady, Duration::from_secs(15)).await;
    admin
        .update_topology(UpdateTopologyRequest {
            topology: Some(ClusterTopology {
                name: "shop-floor".into(),
                r#type: TopologyType::Embedded as i32,
                master_nodes: vec!["alpha".into()],
                sub_nodes: vec!["beta".into(), "gamma".into()],
                ..Default::default()
            }),
            dry_run: false,
        })
        .await
        .unwrap();
    // Workloads with their per-node states (these agents run no Podman, so
    // the placed one waits for its agent; the other matches no node).
    let spec = |name: &str, nodes: Vec<String>, selector: &str| piccolo_proto::WorkloadSpec {
        name: name.into(),
        image: "localhost/busybox:latest".into(),
        restart: "always".into(),
        nodes,
        selector: selector.into(),
        ..Default::default()
    };
    admin
        .apply_workloads(piccolo_proto::ApplyWorkloadsRequest {
            workloads: vec![spec("web", vec!["alpha".into()], ""), spec("nowhere", vec![], "zone=mars")],
            ..Default::default()
        })
        .await
        .unwrap();

    let out = master.ctl(&["console", "token", "--name", "browser-test", "--ttl", "10m"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let url = stdout.lines().find_map(|l| l.strip_prefix("console: ")).expect("a console URL").to_string();
    assert!(url.starts_with(&format!("https://{}/console#token=pct1.browser-test.", master.addr())), "{url}");

    let profile = master.root.path().join("chromium");
    let dom = wait_until("the console to show all three nodes", Duration::from_secs(60), || async {
        let dom = chromium(&url, &profile, None).await;
        let states: Vec<_> = ["alpha", "beta", "gamma"].iter().map(|n| row_state(&dom, n)).collect();
        if states == [Some("Ready".into()), Some("Maintenance".into()), Some("NotReady".into())] {
            Ok(dom)
        } else {
            Err(format!("states {states:?}; DOM: {dom}"))
        }
    })
    .await;
    assert!(dom.contains("shop-floor"), "topology missing: {dom}");
    assert_eq!(row_attr(&dom, "data-workload=\"web/alpha\"", "data-wstate").as_deref(), Some("Pending"), "{dom}");
    assert_eq!(row_attr(&dom, "data-workload=\"nowhere/-\"", "data-wstate").as_deref(), Some("Pending"), "{dom}");
    assert!(dom.contains("matches no node"), "workload reason missing: {dom}");
    assert!(dom.contains("store embedded"), "cluster info missing: {dom}");
    assert!(dom.contains("ConnectionLost") || dom.contains("HeartbeatTimeout"), "events missing: {dom}");

    // Live: a change shows on the next poll without reloading the page logic.
    admin.uncordon_node(NodeNameRequest { name: "beta".into() }).await.unwrap();
    master.wait_state("beta", NodeState::Ready, Duration::from_secs(20)).await;
    wait_until("beta Ready in the console", Duration::from_secs(60), || async {
        let dom = chromium(&url, &profile, None).await;
        match row_state(&dom, "beta") {
            Some(s) if s == "Ready" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;

    // The screenshot is a real, non-blank picture of the page.
    let shot: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/console.png");
    let _ = std::fs::remove_file(&shot);
    chromium(&url, &profile, Some(&shot)).await;
    let (w, h, differ, colours) = png_stats(&shot);
    assert_eq!((w, h), (1280, 800));
    assert!(differ > 0.05, "the screenshot is nearly blank ({:.1} % of pixels differ)", differ * 100.0);
    assert!(colours > 20, "the screenshot has only {colours} colours");

    // Without a token (and without a client certificate) the page shows no data.
    let anonymous = format!("https://{}/console", master.addr());
    let dom = chromium(&anonymous, &master.root.path().join("chromium-anon"), None).await;
    assert!(row_state(&dom, "alpha").is_none(), "data shown without credentials: {dom}");
    assert!(dom.contains("cannot load"), "{dom}");
}
