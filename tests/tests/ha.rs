//! Several masters on one etcd cluster (issue 15): a real 3-member etcd on
//! loopback and real masters. The first master creates the cluster and its
//! `cluster.secret`; the others join with it and share its CA; exactly one
//! leads; when the leader is killed another leads within 5 s; `get masters`
//! lists them; piccoloctl goes to the next master when the first is down;
//! a wrong secret or a missing one is refused with exit 64.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use piccolo_tests::{EtcdCluster, Master, MasterOptions, wait_until};

fn ha_opts(endpoints: &str, name: &str, secret: Option<&Path>) -> MasterOptions {
    ha_opts_with(endpoints, name, secret, &[])
}

/// `ha_opts` with some of its settings replaced or added (`key`, TOML value).
fn ha_opts_with(endpoints: &str, name: &str, secret: Option<&Path>, set: &[(&str, &'static str)]) -> MasterOptions {
    let mut opts = MasterOptions { etcd: Some(endpoints.to_string()), ..Default::default() };
    let mut settings = vec![("master_lease_ttl", "\"2s\""), ("failover_grace", "\"2s\"")];
    for (k, v) in set {
        settings.retain(|(have, _)| have != k);
        if *k == "heartbeat_timeout" {
            // A field of its own in the test master's config.
            opts.heartbeat_timeout = v.trim_matches('"');
        } else {
            settings.push((k, v));
        }
    }
    let mut extra = format!("master_name = \"{name}\"\n");
    for (k, v) in settings {
        extra.push_str(&format!("{k} = {v}\n"));
    }
    if let Some(s) = secret {
        extra.push_str(&format!("cluster_secret_file = \"{}\"\n", s.display()));
    }
    MasterOptions { extra, ..opts }
}

const NAMES: [&str; 3] = ["m-a", "m-b", "m-c"];

/// The promise is 1 s from a change on one master to the others (docs/HA.md);
/// the tests print the figure (`make ha-figures`) and fail only past this
/// limit, so a loaded CI machine's scheduling delay is not taken for a fault.
const SEEN_LIMIT: Duration = Duration::from_secs(5);

/// `n` masters on `endpoints` named m-a, m-b, ...: the first creates the
/// cluster, the others join with its `cluster.secret`.
async fn masters_with(endpoints: &str, n: usize, set: &[(&str, &'static str)]) -> Vec<Master> {
    let first = Master::start(ha_opts_with(endpoints, NAMES[0], None, set)).await;
    let secret = first.data_dir.join("cluster.secret");
    let mut out = vec![first];
    for name in &NAMES[1..n] {
        out.push(Master::start(ha_opts_with(endpoints, name, Some(&secret), set)).await);
    }
    out
}

async fn masters(endpoints: &str, n: usize) -> Vec<Master> {
    masters_with(endpoints, n, &[]).await
}

/// Every node as `m` sees it.
/// Waits (10 s at most) until the file at `path` holds every one of `needles`.
async fn file_names(path: &Path, needles: &[String], what: &str) {
    wait_until(what, Duration::from_secs(10), || async {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        if needles.iter().all(|n| text.contains(n.as_str())) { Ok(()) } else { Err(text) }
    })
    .await;
}

async fn nodes_of(m: &Master) -> Result<Vec<piccolo_proto::Node>, String> {
    let mut c = piccolo_tests::master::admin_client(&m.admin_conf()).await?;
    Ok(c.get_nodes(piccolo_proto::GetNodesRequest {}).await.map_err(|e| e.to_string())?.into_inner().nodes)
}

/// Waits until `m` sees exactly `count` nodes, all Ready and held by one of `by`.
async fn wait_held(m: &Master, count: usize, by: &[&str], what: &str, limit: Duration) {
    wait_until(what, limit, || async {
        let nodes = nodes_of(m).await?;
        let ok = nodes.len() == count
            && nodes.iter().all(|n| n.state() == piccolo_proto::NodeState::Ready && by.contains(&n.master.as_str()));
        if ok {
            Ok(())
        } else {
            Err(format!("{:?}", nodes.iter().map(|n| (&n.name, n.state, &n.master)).collect::<Vec<_>>()))
        }
    })
    .await;
}

async fn is_leader(m: &Master) -> Option<bool> {
    let (code, body) = m.http_get("/health").await;
    if code != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&body).ok()?;
    v["leader"].as_bool()
}

/// Waits until exactly one of `masters` leads; returns its index.
async fn one_leader(masters: &[&Master], limit: Duration) -> usize {
    let ms: Vec<(String, u16)> = masters.iter().map(|m| (m.addr(), m.http_port)).collect();
    wait_until("exactly one leader", limit, || {
        let ms = ms.clone();
        async move {
            let mut leaders = Vec::new();
            for (i, (_, port)) in ms.iter().enumerate() {
                let (_, body) = piccolo_tests::master::http_get(*port, "/health").await;
                let v: serde_json::Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
                if v["leader"].as_bool() == Some(true) {
                    leaders.push(i);
                }
            }
            match leaders.as_slice() {
                [one] => Ok(*one),
                other => Err(format!("leaders: {other:?}")),
            }
        }
    })
    .await
}

#[tokio::test]
async fn masters_join_with_the_secret_elect_one_leader_and_fail_over() {
    let etcd = EtcdCluster::start(3).await;
    let mut masters = masters(&etcd.endpoints(), 3).await;
    let secret = masters[0].data_dir.join("cluster.secret");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&secret).expect("cluster.secret").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "cluster.secret is private");
    // The joiners wrote no CA of their own: they carry the cluster's.
    let ca = std::fs::read(masters[0].data_dir.join("ca.crt")).expect("ca");
    for m in &masters[1..] {
        assert_eq!(std::fs::read(m.data_dir.join("ca.crt")).expect("ca"), ca, "same CA");
        assert_eq!(m.ca_hash().await, masters[0].ca_hash().await);
    }
    let refs: Vec<&Master> = masters.iter().collect();
    let leader = one_leader(&refs, Duration::from_secs(10)).await;

    // An enrolment whose answer was lost, asked again at once of another
    // master (which may not have the record from the watch yet): answered
    // again for the same key, no second token use; another key is refused.
    let token = masters[0].token(1).await;
    let key = rcgen::KeyPair::generate().unwrap();
    let ask = |key: &rcgen::KeyPair, token: &str| piccolo_proto::NodeRegistrationRequest {
        token: token.to_string(),
        name: "dev-retry".into(),
        csr_pem: piccolo_common::identity::csr(key, "dev-retry").unwrap(),
        ..Default::default()
    };
    masters[0].admin().await.register_node(ask(&key, &token)).await.expect("first attempt");
    let mut on_b = masters[1].admin().await;
    let again = on_b.register_node(ask(&key, &token)).await.expect("the retry on another master");
    assert_eq!(again.into_inner().node_name, "dev-retry");
    let other = rcgen::KeyPair::generate().unwrap();
    let err = on_b.register_node(ask(&other, &masters[0].token(1).await)).await.expect_err("another key");
    assert_eq!(err.code(), tonic::Code::AlreadyExists, "{err}");
    let tokens = on_b.list_tokens(piccolo_proto::ListTokensRequest {}).await.unwrap().into_inner().tokens;
    assert_eq!(tokens.iter().map(|t| t.used).sum::<u32>(), 1, "the retry spent no token use: {tokens:?}");

    // `get masters -o json` on any master lists all three, one leading.
    let out = masters[(leader + 1) % 3].ctl(&["get", "masters", "-o", "json"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 3, "{list:?}");
    let names: Vec<&str> = list.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["m-a", "m-b", "m-c"]);
    assert_eq!(list.iter().filter(|m| m["leader"] == true).count(), 1, "{list:?}");
    for m in list {
        assert!(m["address"].as_str().unwrap().starts_with("127.0.0.1:"), "{m}");
        assert_eq!(m["store_healthy"], true);
        assert!(m["version"].as_str().is_some_and(|v| !v.is_empty()));
        assert!(m["nodes"].is_number());
    }
    // piccolo_leader is 1 on exactly the leader.
    for (i, m) in masters.iter().enumerate() {
        let (_, metrics) = m.http_get("/metrics").await;
        let want = if i == leader { "piccolo_leader 1" } else { "piccolo_leader 0" };
        assert!(metrics.contains(want), "master {i}: {want}");
    }

    // The leader's admin.conf comes to list the other masters.
    let conf = masters[leader].admin_conf();
    let others: Vec<String> = (0..3).filter(|i| *i != leader).map(|i| masters[i].addr()).collect();
    file_names(&conf, &others, "admin.conf lists every master").await;

    // kill -9 the leader: another leads within 5 s.
    let killed_at = Instant::now();
    masters[leader].kill9();
    let rest: Vec<&Master> = (0..3).filter(|i| *i != leader).map(|i| &masters[i]).collect();
    let new = one_leader(&rest, Duration::from_secs(5)).await;
    let took = killed_at.elapsed();
    println!("leader kill -> new leader: {} ms", took.as_millis());
    assert!(is_leader(rest[new]).await == Some(true));

    // piccoloctl with the dead leader's admin.conf (its endpoint first) is
    // answered by the next master.
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccoloctl"))
        .arg("--admin-config")
        .arg(&conf)
        .args(["get", "masters", "-o", "json"])
        .output()
        .await
        .expect("piccoloctl");
    assert!(out.status.success(), "next endpoint answers: {}", String::from_utf8_lossy(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // The dead master's lease ran out with its record.
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[tokio::test]
async fn a_wrong_or_missing_secret_and_the_embedded_store_are_refused() {
    let etcd = EtcdCluster::start(1).await;
    let eps = etcd.endpoints();
    let a = Master::start(ha_opts(&eps, "m-a", None)).await;

    // A wrong secret: exit 64, nothing written.
    let wrong = a.root.path().join("wrong.secret");
    std::fs::write(&wrong, format!("{}\n", "ab".repeat(32))).expect("write");
    let b = Master::configure(ha_opts(&eps, "m-b", Some(&wrong)));
    let (code, err) = b.run_expecting_exit(Duration::from_secs(20)).await;
    assert_eq!(code, Some(64), "{err}");
    assert!(err.contains("does not open the cluster") && err.contains("cluster.secret"), "{err}");
    assert!(!b.data_dir.join("ca.crt").exists(), "no CA written");

    // No secret on a store that holds a cluster: told how to join.
    let c = Master::configure(ha_opts(&eps, "m-c", None));
    let (code, err) = c.run_expecting_exit(Duration::from_secs(20)).await;
    assert_eq!(code, Some(64), "{err}");
    assert!(err.contains("--cluster-secret-file"), "{err}");

    // A secret for an empty etcd (another cluster's store is empty): refused.
    let empty = EtcdCluster::start(1).await;
    let secret = a.data_dir.join("cluster.secret");
    let d = Master::configure(ha_opts(&empty.endpoints(), "m-d", Some(&secret)));
    let (code, err) = d.run_expecting_exit(Duration::from_secs(20)).await;
    assert_eq!(code, Some(64), "{err}");
    assert!(err.contains("holds no Piccolo cluster"), "{err}");

    // The embedded store with a secret: refused with the reason.
    let e = Master::configure(MasterOptions {
        extra: format!("cluster_secret_file = \"{}\"\n", secret.display()),
        ..Default::default()
    });
    let (code, err) = e.run_expecting_exit(Duration::from_secs(20)).await;
    assert_eq!(code, Some(64), "{err}");
    assert!(err.contains("cluster_secret_file") && err.contains("embedded"), "{err}");
}

/// Each master's view of every node: (state, master holding its session).
async fn views(m: &Master) -> Result<Vec<(String, String, String, bool)>, String> {
    let mut c = piccolo_tests::master::admin_client(&m.admin_conf()).await?;
    let nodes = c.get_nodes(piccolo_proto::GetNodesRequest {}).await.map_err(|e| e.to_string())?.into_inner().nodes;
    Ok(nodes.into_iter().map(|n| (n.name.clone(), n.state().label().to_string(), n.master, n.cordoned)).collect())
}

#[tokio::test]
async fn devices_fail_over_without_going_not_ready_and_every_master_answers_the_same() {
    use piccolo_proto::NodeState;
    use piccolo_tests::agent::{Agent, Trust};
    let etcd = EtcdCluster::start(3).await;
    let mut masters = masters(&etcd.endpoints(), 3).await;
    let addrs: Vec<String> = masters.iter().map(|m| m.addr()).collect();
    let token = masters[0].token(0).await;
    // Each device is given all three, starting with a different one.
    let mut agents = Vec::new();
    for i in 0..6 {
        let list: Vec<String> = (0..3).map(|k| addrs[(i + k) % 3].clone()).collect();
        agents.push(Agent::start_with(
            list.join(","),
            &format!("dev-{i}"),
            &token,
            Trust::CaFile(masters[0].ca_file()),
            Vec::new(),
        ));
    }
    // Every master sees every device Ready, each held by one master.
    for m in &masters {
        wait_until("every device Ready on every master", Duration::from_secs(30), || async {
            let v = views(m).await?;
            if v.len() == 6 && v.iter().all(|(_, s, owner, _)| s == "Ready" && !owner.is_empty()) {
                Ok(())
            } else {
                Err(format!("{v:?}"))
            }
        })
        .await;
    }
    let v = views(&masters[1]).await.unwrap();
    for name in ["m-a", "m-b", "m-c"] {
        assert!(v.iter().any(|(_, _, o, _)| o == name), "sessions spread over the masters: {v:?}");
    }

    // What the leader writes when a master's lease lapsed for longer than
    // failover_grace (renewal late under load) although its sessions are
    // alive: "its device is NotReady, not connected". The holder writes its
    // live record back; every master sees the device Ready in the same
    // session again within the promise.
    let (lost, _, holder, _) = v.iter().find(|(_, _, o, _)| o == "m-c").expect("a device on m-c").clone();
    let mut record = nodes_of(&masters[2]).await.unwrap().into_iter().find(|n| n.name == lost).unwrap();
    record.set_state(NodeState::NotReady);
    record.connected = false;
    let written_at = Instant::now();
    put_node(&etcd.endpoints(), &record);
    for m in &masters {
        wait_until("the live session's record written back", SEEN_LIMIT, || async {
            let n = nodes_of(m).await?.into_iter().find(|n| n.name == lost).ok_or("gone")?;
            if n.state() == NodeState::Ready && n.connected && n.master == holder {
                Ok(())
            } else {
                Err(format!("{n:?}"))
            }
        })
        .await;
    }
    println!("a live session declared lost -> Ready again on every master: {} ms", written_at.elapsed().as_millis());

    // A cordon on one master is seen on the others within 1 s.
    // (on a master that does not hold the device's session)
    let node = v.iter().find(|(_, _, owner, _)| owner != "m-b").expect("a device on another master").0.clone();
    let cordoned_at = Instant::now();
    let out = masters[1].ctl(&["node", "cordon", &node]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for m in &masters {
        let node = node.clone();
        wait_until("cordon seen on every master", SEEN_LIMIT, || {
            let node = node.clone();
            async move {
                let v = views(m).await?;
                match v.iter().find(|(n, ..)| *n == node) {
                    Some((_, s, _, true)) if s == "Maintenance" => Ok(()),
                    other => Err(format!("{other:?}")),
                }
            }
        })
        .await;
    }
    println!("cordon on one master -> seen on all: {} ms", cordoned_at.elapsed().as_millis());
    // Its event is recorded once, and every master lists it.
    for m in &masters {
        let node = node.clone();
        wait_until("the cordon event listed once on every master", Duration::from_secs(2), || {
            let node = node.clone();
            async move {
                let mut c = piccolo_tests::master::admin_client(&m.admin_conf()).await?;
                let req = piccolo_proto::ListEventsRequest { node: node.clone(), limit: 100, types: vec![] };
                let evs = c.list_events(req).await.map_err(|e| e.to_string())?.into_inner().events;
                let n = evs.iter().filter(|e| e.to == NodeState::Maintenance as i32).count();
                if n == 1 { Ok(()) } else { Err(format!("{n} cordon events: {evs:?}")) }
            }
        })
        .await;
    }
    let out = masters[2].ctl(&["node", "uncordon", &node]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A cluster-wide config set on one master reaches every device, whichever
    // master holds its session (each acks the new version).
    let out = masters[0].ctl(&["config", "set", "--heartbeat-interval", "700ms"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("every device acked the new config", Duration::from_secs(20), || async {
        let mut c = piccolo_tests::master::admin_client(&masters[1].admin_conf()).await?;
        let nodes = c.get_nodes(piccolo_proto::GetNodesRequest {}).await.map_err(|e| e.to_string())?.into_inner().nodes;
        let ok = nodes.iter().all(|n| n.config_acked_version > 0 && n.config_acked_version == n.config_desired_version);
        if ok && nodes.len() == 6 {
            Ok(())
        } else {
            Err(format!(
                "{:?}",
                nodes
                    .iter()
                    .map(|n| (&n.name, &n.master, n.config_desired_version, n.config_acked_version))
                    .collect::<Vec<_>>()
            ))
        }
    })
    .await;

    // kill -9 the leader: a new leader within 5 s, every device in a session
    // again within 10 s, and no device reported NotReady on the survivors.
    let refs: Vec<&Master> = masters.iter().collect();
    let leader = one_leader(&refs, Duration::from_secs(10)).await;
    let dead = ["m-a", "m-b", "m-c"][leader];
    let survivors: Vec<usize> = (0..3).filter(|i| *i != leader).collect();
    let mut streams = Vec::new();
    for &i in &survivors {
        let mut c = masters[i].admin().await;
        let s = c.watch_nodes(piccolo_proto::WatchNodesRequest { initial: false }).await.expect("watch").into_inner();
        streams.push(s);
    }
    wait_until("all Ready before the kill", Duration::from_secs(20), || async {
        let v = views(&masters[survivors[0]]).await?;
        if v.iter().all(|(_, s, _, c)| s == "Ready" && !c) { Ok(()) } else { Err(format!("{v:?}")) }
    })
    .await;
    let killed_at = Instant::now();
    masters[leader].kill9();
    let rest: Vec<&Master> = survivors.iter().map(|i| &masters[*i]).collect();
    one_leader(&rest, Duration::from_secs(5)).await;
    println!("leader kill -> new leader: {} ms", killed_at.elapsed().as_millis());
    for m in &rest {
        wait_until("every device back in a session on a survivor", Duration::from_secs(10), || async {
            let v = views(m).await?;
            if v.len() == 6 && v.iter().all(|(_, s, owner, _)| s == "Ready" && owner != dead && !owner.is_empty()) {
                Ok(())
            } else {
                Err(format!("{v:?}"))
            }
        })
        .await;
    }
    println!("leader kill -> all devices back: {} ms", killed_at.elapsed().as_millis());

    // A device that does not come back: frozen with its master killed. The
    // last master reports it NotReady once failover_grace (2 s) has passed,
    // and only it.
    let v = views(rest[0]).await.unwrap();
    let (second, last) = (survivors[0], survivors[1]);
    let second_name = ["m-a", "m-b", "m-c"][second];
    let stuck = v.iter().find(|(_, _, o, _)| o == second_name).map(|(n, ..)| n.clone());
    let stuck = stuck.expect("the second master holds a device");
    let frozen = agents.iter().find(|a| a.name == stuck).expect("agent");
    frozen.freeze();
    masters[second].kill9();
    let stuck_name = stuck.clone();
    wait_until("the stuck device NotReady after failover_grace", Duration::from_secs(15), || {
        let stuck = stuck_name.clone();
        let m = &masters[last];
        async move {
            let v = views(m).await?;
            let others_ok = v.iter().filter(|(n, ..)| *n != stuck).all(|(_, s, ..)| s == "Ready");
            match v.iter().find(|(n, ..)| *n == stuck) {
                Some((_, s, ..)) if s == "NotReady" && others_ok => Ok(()),
                other => Err(format!("{other:?} / {v:?}")),
            }
        }
    })
    .await;
    wait_until("the other devices on the last master", Duration::from_secs(10), || async {
        let v = views(&masters[last]).await?;
        let last_name = ["m-a", "m-b", "m-c"][last];
        if v.iter().filter(|(n, ..)| *n != stuck).all(|(_, s, o, _)| s == "Ready" && o == last_name) {
            Ok(())
        } else {
            Err(format!("{v:?}"))
        }
    })
    .await;
    frozen.thaw();
    // On the survivors' watch streams, only the stuck device ever went NotReady.
    let mut stream = streams.remove(1);
    while let Ok(Ok(Some(ev))) = tokio::time::timeout(Duration::from_millis(300), stream.message()).await {
        let n = ev.node.unwrap_or_default();
        if n.state() == NodeState::NotReady {
            assert_eq!(n.name, stuck, "{} reported NotReady during a failover", n.name);
        }
    }
    drop(agents);
}

async fn health(m: &Master) -> serde_json::Value {
    let (_, body) = m.http_get("/health").await;
    serde_json::from_str(&body).unwrap_or_default()
}

#[tokio::test]
async fn one_etcd_member_lost_changes_nothing_and_a_lost_quorum_degrades_every_master() {
    use piccolo_tests::agent::{Agent, Trust};
    let mut etcd = EtcdCluster::start(3).await;
    let [a, b]: [Master; 2] = masters(&etcd.endpoints(), 2).await.try_into().ok().unwrap();
    let token = a.token(0).await;
    let _agents: Vec<Agent> = (0..2)
        .map(|i| {
            let list = if i == 0 { format!("{},{}", a.addr(), b.addr()) } else { format!("{},{}", b.addr(), a.addr()) };
            Agent::start_with(list, &format!("q-{i}"), &token, Trust::CaFile(a.ca_file()), Vec::new())
        })
        .collect();
    for m in [&a, &b] {
        wait_held(m, 2, &["m-a", "m-b"], "both devices Ready", Duration::from_secs(30)).await;
    }
    one_leader(&[&a, &b], Duration::from_secs(10)).await;

    // One member of three gone (not etcd's Raft leader: losing that one
    // stops etcd's writes for its election timeout, docs/HA.md): nothing
    // visible changes.
    let raft_leader = etcd_raft_leader(&etcd.endpoints());
    let (gone, next) = ((raft_leader + 1) % 3, (raft_leader + 2) % 3);
    etcd.kill9(gone);
    let out = b.ctl(&["node", "cordon", "q-0"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let at = Instant::now();
    wait_until("cordon seen with one etcd member down", SEEN_LIMIT, || async {
        let v = views(&a).await?;
        if v.iter().any(|(n, s, _, c)| n == "q-0" && s == "Maintenance" && *c) { Ok(()) } else { Err(format!("{v:?}")) }
    })
    .await;
    println!("one etcd member down: cordon on one master -> seen on the other: {} ms", at.elapsed().as_millis());
    one_leader(&[&a, &b], Duration::from_secs(5)).await;
    for m in [&a, &b] {
        assert_eq!(health(m).await["degraded"], false, "one member down is not degraded");
    }

    // Two of three gone: no quorum. Every master degraded, none leads,
    // sessions and liveness stay (from memory), store writes are refused.
    etcd.kill9(next);
    for m in [&a, &b] {
        wait_until("degraded and not leading", Duration::from_secs(15), || async {
            let h = health(m).await;
            if h["degraded"] == true && h["leader"] == false { Ok(()) } else { Err(h.to_string()) }
        })
        .await;
    }
    let v = views(&a).await.expect("served from memory");
    assert!(
        v.iter().all(|(n, s, ..)| s == if n == "q-0" { "Maintenance" } else { "Ready" }),
        "devices keep their state from memory: {v:?}"
    );
    let refused = a
        .admin()
        .await
        .create_token(piccolo_proto::CreateTokenRequest { ttl_seconds: 60, uses: 1, ..Default::default() })
        .await
        .expect_err("a token needs the store");
    assert!(refused.message().contains("store") || refused.message().contains("etcd"), "{refused:?}");
    // An acked change while the quorum is lost (write-behind) ...
    let out = a.ctl(&["node", "uncordon", "q-0"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Quorum back: one leader, nobody degraded, and the change is there.
    etcd.restart(gone).await;
    etcd.restart(next).await;
    one_leader(&[&a, &b], Duration::from_secs(20)).await;
    for m in [&a, &b] {
        wait_until("degraded no more", Duration::from_secs(20), || async {
            let h = health(m).await;
            if h["degraded"] == false { Ok(()) } else { Err(h.to_string()) }
        })
        .await;
        wait_until("the change acked without quorum is everywhere", Duration::from_secs(10), || async {
            let v = views(m).await?;
            if v.iter().any(|(n, s, _, c)| n == "q-0" && s == "Ready" && !*c) { Ok(()) } else { Err(format!("{v:?}")) }
        })
        .await;
    }
}

#[tokio::test]
async fn a_killed_or_frozen_follower_hands_its_devices_over_and_the_leader_keeps_leading() {
    use piccolo_tests::agent::{Agent, Trust};
    let etcd = EtcdCluster::start(3).await;
    let mut masters = masters(&etcd.endpoints(), 3).await;
    let names = NAMES;
    let leader = one_leader(&masters.iter().collect::<Vec<_>>(), Duration::from_secs(10)).await;
    let followers: Vec<usize> = (0..3).filter(|i| *i != leader).collect();
    let (frozen, killed) = (followers[0], followers[1]);
    let token = masters[leader].token(0).await;
    // Two devices start on each follower (then the others of the list).
    let mut agents = Vec::new();
    for (k, &f) in [frozen, frozen, killed, killed].iter().enumerate() {
        let order = [f, leader, if f == frozen { killed } else { frozen }];
        let list: Vec<String> = order.iter().map(|i| masters[*i].addr()).collect();
        agents.push(Agent::start_with(
            list.join(","),
            &format!("f-{k}"),
            &token,
            Trust::CaFile(masters[leader].ca_file()),
            Vec::new(),
        ));
    }
    wait_held(
        &masters[leader],
        4,
        &[names[frozen], names[killed]],
        "devices on the followers",
        Duration::from_secs(30),
    )
    .await;

    // kill -9 one follower: its devices move, the leader keeps leading.
    let t = Instant::now();
    masters[killed].kill9();
    let to = [names[frozen], names[leader]];
    wait_held(&masters[leader], 4, &to, "the killed follower's devices elsewhere", Duration::from_secs(10)).await;
    println!("follower kill -> its devices back: {} ms", t.elapsed().as_millis());
    assert_eq!(is_leader(&masters[leader]).await, Some(true), "the leader keeps leading");

    // SIGSTOP the other (silent): the same within failover_grace plus keepalive.
    let t = Instant::now();
    masters[frozen].freeze();
    wait_held(
        &masters[leader],
        4,
        &[names[leader]],
        "the frozen follower's devices elsewhere",
        Duration::from_secs(10),
    )
    .await;
    println!("follower SIGSTOP -> its devices back: {} ms", t.elapsed().as_millis());
    assert_eq!(is_leader(&masters[leader]).await, Some(true), "the leader keeps leading");
    masters[frozen].thaw();
    drop(agents);
}

/// A master cut off from etcd only (nft, in the test's own network
/// namespace) while its devices still reach it hands them over after
/// `store_loss_handoff`; they go on to a master that can write.
#[tokio::test]
async fn a_master_cut_off_from_etcd_only_hands_its_devices_over() {
    use piccolo_tests::agent::{Agent, Trust};
    use piccolo_tests::netns;
    if !netns::enter("a_master_cut_off_from_etcd_only_hands_its_devices_over") {
        return;
    }
    let etcd = EtcdCluster::start_with_alias(3, Some("127.0.0.2")).await;
    let opts = |eps: String, name: &str, secret: Option<&Path>| {
        let mut o = ha_opts(&eps, name, secret);
        o.extra.push_str("store_loss_handoff = \"3s\"\n");
        o.listen_ip = "[::]";
        o
    };
    // A reaches etcd over 127.0.0.2 only, B over 127.0.0.1.
    let a = Master::start(opts(etcd.endpoints_on("127.0.0.2"), "m-a", None)).await;
    let b = Master::start(opts(etcd.endpoints(), "m-b", Some(&a.data_dir.join("cluster.secret")))).await;
    let token = a.token(0).await;
    let list = format!("{},{}", netns::agent_addr(a.port), netns::agent_addr(b.port));
    let _agents: Vec<Agent> = (0..2)
        .map(|i| Agent::start_with(list.clone(), &format!("p-{i}"), &token, Trust::CaFile(a.ca_file()), Vec::new()))
        .collect();
    wait_held(&b, 2, &["m-a"], "both devices on m-a", Duration::from_secs(30)).await;

    // Cut m-a from etcd (both directions), not from its devices.
    netns::sh("nft add table inet piccolo_ha");
    netns::sh("nft add chain inet piccolo_ha out '{ type filter hook output priority 0; }'");
    for p in etcd.client_ports() {
        netns::sh(&format!("nft add rule inet piccolo_ha out ip daddr 127.0.0.2 tcp dport {p} drop"));
        netns::sh(&format!("nft add rule inet piccolo_ha out ip saddr 127.0.0.2 tcp sport {p} drop"));
    }
    let t = Instant::now();
    wait_held(&b, 2, &["m-b"], "the devices handed over to m-b", Duration::from_secs(20)).await;
    println!("faults: master cut off from etcd -> its devices on another master: {} ms", t.elapsed().as_millis());
    assert!(t.elapsed() >= Duration::from_secs(3), "not before store_loss_handoff");
    let h = health(&a).await;
    assert_eq!((h["degraded"].as_bool(), h["leader"].as_bool()), (Some(true), Some(false)), "{h}");
    netns::sh("nft flush chain inet piccolo_ha out");
}

/// A device given one master learns the others, even those that joined
/// after its session opened, keeps them in its data dir, and fails over to
/// one of them.
#[tokio::test]
async fn a_device_learns_masters_that_join_later_and_fails_over_to_them() {
    use piccolo_tests::agent::{Agent, Trust};
    let etcd = EtcdCluster::start(1).await;
    let eps = etcd.endpoints();
    let mut a = Master::start(ha_opts(&eps, "m-a", None)).await;
    let token = a.token(0).await;
    let agent = Agent::start_with(a.addr(), "solo", &token, Trust::CaFile(a.ca_file()), Vec::new());
    a.wait_state("solo", piccolo_proto::NodeState::Ready, Duration::from_secs(30)).await;
    let b = Master::start(ha_opts(&eps, "m-b", Some(&a.data_dir.join("cluster.secret")))).await;
    let file = agent.data_dir.join("masters");
    let b_addr = b.addr();
    file_names(&file, &[b_addr], "the device learned the new master").await;
    a.kill9();
    wait_until("the device on the master it learned", Duration::from_secs(15), || async {
        let v = views(&b).await?;
        if v.iter().any(|(n, s, o, _)| n == "solo" && s == "Ready" && o == "m-b") {
            Ok(())
        } else {
            Err(format!("{v:?}"))
        }
    })
    .await;
}

/// Writes a node record into etcd directly.
fn put_node(endpoints: &str, node: &piccolo_proto::Node) {
    use prost::Message;
    put_key(endpoints, &format!("/piccolo/v1/nodes/{}", node.name), &node.encode_to_vec());
}

/// Writes `value` under `key` in etcd directly (`etcdctl put`, value on stdin).
fn put_key(endpoints: &str, key: &str, value: &[u8]) {
    use std::io::Write;
    let first = endpoints.split(',').next().unwrap();
    let mut child = std::process::Command::new("etcdctl")
        .args(["--endpoints", first, "put", key])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("etcdctl");
    child.stdin.take().unwrap().write_all(value).unwrap();
    assert!(child.wait().unwrap().success(), "etcdctl put {key}");
}

/// `piccoloctl events --watch` among several masters: an event another
/// master recorded with a number below one already shown (numbers are each
/// master's) is shown, and when the master it follows dies it carries on
/// from the next one in admin.conf, showing each event once and none that
/// came before the watch.
#[tokio::test]
async fn events_watch_shows_every_masters_events_once_across_a_failover() {
    use prost::Message;
    let etcd = EtcdCluster::start(3).await;
    let endpoints = etcd.endpoints();
    let mut ms = masters(&endpoints, 2).await;
    let conf = ms[0].admin_conf();
    let second = ms[1].addr();
    file_names(&conf, &[second], "admin.conf lists the second master").await;
    // Recorded before the watch: history, never shown by it.
    let record = |seq: u64, node: &str| {
        let ev = piccolo_proto::Event {
            seq,
            time_ms: piccolo_common::time::now_ms(),
            node: node.into(),
            kind: "Cordoned".into(),
            reason: "by m-x".into(),
            ..Default::default()
        };
        put_key(&endpoints, &format!("/piccolo/v1/events/{seq:020}-m-x"), &ev.encode_to_vec());
    };
    record(90, "before-watch");
    wait_until("the old event on both masters", Duration::from_secs(5), || async {
        for m in &ms {
            if events_of(m, "before-watch", "Cordoned").await? != 1 {
                return Err("not yet".to_string());
            }
        }
        Ok(())
    })
    .await;

    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(piccolo_tests::bins::path("piccoloctl"));
    cmd.arg("--admin-config").arg(&conf).args(["events", "--watch", "--limit", "0", "-o", "json"]);
    let watch = piccolo_tests::proc::Proc::spawn("events --watch", cmd, &dir.path().join("watch.log"));
    let log = watch.log.clone();
    let wait_shown = |node: &'static str| watch_shows(log.clone(), node);
    // The watch is up once a new event shows; then one numbered below it.
    for _ in 0..50 {
        record(100, "first");
        if tokio::time::timeout(Duration::from_millis(300), wait_shown("first")).await.is_ok() {
            break;
        }
    }
    wait_shown("first").await;
    record(5, "numbered-lower");
    wait_shown("numbered-lower").await;

    // The master it follows dies: it goes on from the other.
    ms[0].kill9();
    record(6, "after-failover");
    wait_shown("after-failover").await;
    record(7, "on-the-second");
    wait_shown("on-the-second").await;
    // Each shown once ("first" may have been recorded a few times, each
    // its own event, while the watch started).
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    let distinct: std::collections::HashSet<&&str> = lines.iter().collect();
    assert_eq!(distinct.len(), lines.len(), "an event shown twice: {text}");
    for node in ["numbered-lower", "after-failover", "on-the-second"] {
        assert_eq!(shown(&log, node), 1, "{node} shown once: {text}");
    }
    assert_eq!(shown(&log, "before-watch"), 0, "history is not news: {text}");
}

/// How many events of `node` a `events --watch -o json` log holds.
fn shown(log: &Path, node: &str) -> usize {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    text.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).filter(|e| e["node"] == node).count()
}

/// Waits until the watch in `log` has shown an event of `node`.
async fn watch_shows(log: std::path::PathBuf, node: &'static str) {
    wait_until(&format!("{node} shown by the watch"), Duration::from_secs(15), || async {
        if shown(&log, node) > 0 { Ok(()) } else { Err(std::fs::read_to_string(&log).unwrap_or_default()) }
    })
    .await;
}

/// Which of the `endpoints` (comma-separated) leads etcd's own Raft group.
fn etcd_raft_leader(endpoints: &str) -> usize {
    let out = std::process::Command::new("etcdctl")
        .args(["--endpoints", endpoints, "endpoint", "status", "-w", "json"])
        .output()
        .expect("etcdctl");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("etcdctl json");
    let leader =
        v.as_array().expect("statuses").iter().find(|e| e["Status"]["header"]["member_id"] == e["Status"]["leader"]);
    let ep = leader.expect("a Raft leader")["Endpoint"].as_str().expect("endpoint");
    endpoints.split(',').position(|e| e == ep).expect("a known endpoint")
}

/// The revision etcd is at, through `etcdctl` on `endpoint`.
fn etcd_revision(endpoint: &str) -> i64 {
    let out = std::process::Command::new("etcdctl")
        .args(["--endpoints", endpoint, "get", "/piccolo", "--prefix", "--keys-only", "-w", "json"])
        .output()
        .expect("etcdctl");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("etcdctl json");
    v["header"]["revision"].as_i64().expect("revision")
}

/// A node's desired config version as `m` sees it.
async fn desired_version(m: &Master, node: &str) -> Result<u64, String> {
    let nodes = nodes_of(m).await?;
    nodes.iter().find(|n| n.name == node).map(|n| n.config_desired_version).ok_or(format!("no {node}"))
}

/// What one master changes, another applies in full, within 1 s with an
/// etcd member down (its watch moves to another member), and after a watch
/// that broke past a compaction (every prefix re-read): tokens, agent
/// config, and a topology with what it derives (a role's heartbeat timeout
/// on the devices whose sessions are on the other master).
#[tokio::test]
async fn every_change_reaches_the_other_master_across_a_lost_member_and_a_compaction() {
    use piccolo_tests::agent::{Agent, Trust};
    let mut etcd = EtcdCluster::start(3).await;
    let eps = etcd.endpoints();
    // A long default timeout: only the topology's role timeout explains a quick NotReady.
    let set = [("master_lease_ttl", "\"15s\""), ("failover_grace", "\"15s\""), ("heartbeat_timeout", "\"60s\"")];
    let [a, b]: [Master; 2] = masters_with(&eps, 2, &set).await.try_into().ok().unwrap();
    let token = a.token(0).await;
    let _gw = Agent::start_with(a.addr(), "gw", &token, Trust::CaFile(a.ca_file()), Vec::new());
    let edge = Agent::start_with(b.addr(), "edge-1", &token, Trust::CaFile(a.ca_file()), Vec::new());
    wait_held(&a, 2, &["m-a", "m-b"], "both devices Ready", Duration::from_secs(30)).await;

    // One member killed (not etcd's Raft leader), the first endpoint when it
    // can be: every master's watch was on it.
    let raft_leader = etcd_raft_leader(&eps);
    let gone = if raft_leader == 0 { 1 } else { 0 };
    etcd.kill9(gone);
    let at = Instant::now();
    let out = a.ctl(&["token", "create", "--ttl", "1h"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // (Before each component moved on only once, a write waited out etcd_timeout here.)
    println!("one etcd member down: an admin write took {} ms", at.elapsed().as_millis());
    assert!(at.elapsed() < SEEN_LIMIT, "an admin write with a member down took {:?}", at.elapsed());
    let out = a.ctl(&["config", "set", "--heartbeat-interval", "700ms"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = at.elapsed();
    let want = wait_until("the new config on m-a", Duration::from_secs(5), || desired_version(&a, "gw")).await;
    let t = Instant::now();
    wait_until("m-b pushes m-a's config", SEEN_LIMIT, || async {
        let v = desired_version(&b, "edge-1").await?;
        if v >= want { Ok(()) } else { Err(format!("edge-1 desired {v}, want {want}")) }
    })
    .await;
    wait_until("m-b lists m-a's token", SEEN_LIMIT, || async {
        let mut c = b.admin().await;
        let n = c.list_tokens(piccolo_proto::ListTokensRequest::default()).await.map_err(|e| e.to_string())?;
        if n.into_inner().tokens.len() >= 2 { Ok(()) } else { Err("one token".into()) }
    })
    .await;
    println!(
        "one etcd member down: token + config on one master ({} ms) -> seen on the other: {} ms",
        written.as_millis(),
        t.elapsed().as_millis()
    );
    etcd.restart(gone).await;

    // etcd's Raft leader killed: etcd takes no write until its members elect
    // another (its election timeout); the masters wait for it, then go on.
    let raft_leader = etcd_raft_leader(&eps);
    etcd.kill9(raft_leader);
    // Until etcd has a leader again (about its election timeout; longer on
    // a loaded machine) a write is refused with a clear reason; then it goes on.
    let at = Instant::now();
    wait_until("an admin write after etcd's leader election", Duration::from_secs(20), || async {
        let out = a.ctl(&["token", "create", "--ttl", "1h"]).await;
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        if out.status.success() {
            Ok(())
        } else if err.contains("store unavailable") {
            Err(err)
        } else {
            panic!("a write during etcd's election failed without saying the store is unavailable: {err}");
        }
    })
    .await;
    println!("etcd's Raft leader killed: an admin write went through after {} ms", at.elapsed().as_millis());
    etcd.restart(raft_leader).await;

    // m-b silent while every etcd member restarts (its watch breaks,
    // wherever it was), m-a applies a topology and etcd compacts it away:
    // m-b must re-read everything.
    b.freeze();
    for i in [1, 2, 0] {
        etcd.restart(i).await;
    }
    let file = a.root.path().join("hybrid.toml");
    std::fs::write(
        &file,
        "name = \"h\"\ntype = \"hybrid\"\nmaster_nodes = [\"gw\"]\nsub_nodes = [\"edge-1\"]\n[nodes.gw]\nrole = \"cloud\"\n\
         [nodes.edge-1]\nrole = \"edge\"\n[roles.edge]\nheartbeat_interval = \"500ms\"\nheartbeat_timeout = \"1500ms\"\n",
    )
    .unwrap();
    let out = a.ctl(&["topology", "apply", "-f", file.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = eps.split(',').next().unwrap();
    let rev = etcd_revision(first);
    let out = std::process::Command::new("etcdctl").args(["--endpoints", first, "compact", &rev.to_string()]).output();
    assert!(out.expect("etcdctl").status.success(), "compaction");
    let want = wait_until("the topology's config on m-a", Duration::from_secs(5), || async {
        let v = desired_version(&a, "gw").await?;
        if v > want { Ok(v) } else { Err(format!("{v}")) }
    })
    .await;
    b.thaw();
    let t = Instant::now();
    wait_until("m-b re-read the topology after the compaction", Duration::from_secs(10), || async {
        let v = desired_version(&b, "edge-1").await?;
        if v >= want { Ok(()) } else { Err(format!("edge-1 desired {v}, want {want}")) }
    })
    .await;
    println!("watch past a compaction -> re-read on the other master: {} ms", t.elapsed().as_millis());
    assert!(b.log().contains("re-reading the store"), "m-b's watch went past the compaction");

    // The role's 1.5 s heartbeat timeout now applies on m-b, which holds the
    // edge device's session (its own default is 60 s).
    edge.freeze();
    let t = Instant::now();
    let n = wait_until("edge-1 NotReady on m-b from the role's timeout", Duration::from_secs(15), || async {
        let nodes = nodes_of(&b).await?;
        match nodes.into_iter().find(|n| n.name == "edge-1") {
            Some(n) if n.state() == piccolo_proto::NodeState::NotReady => Ok(n),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(n.reason, "HeartbeatTimeout");
    assert!(t.elapsed() < Duration::from_secs(15), "the role's timeout, not the 60 s default");
    edge.thaw();
}

/// The devices of a dead master re-home over the surviving masters, not
/// all onto one (each picks the next master at random, after a jitter).
#[tokio::test]
async fn a_dead_masters_devices_spread_over_the_survivors() {
    use piccolo_tests::agent::{Agent, Trust};
    // All on one survivor by chance: 2 / 2^14, about once in 8,000 runs.
    const DEVICES: usize = 14;
    let etcd = EtcdCluster::start(3).await;
    let mut ms = masters(&etcd.endpoints(), 3).await;
    let token = ms[0].token(0).await;
    let list: Vec<String> = ms.iter().map(|m| m.addr()).collect();
    let agents: Vec<Agent> = (0..DEVICES)
        .map(|i| {
            Agent::start_with(list.join(","), &format!("s-{i}"), &token, Trust::CaFile(ms[0].ca_file()), Vec::new())
        })
        .collect();
    wait_held(&ms[1], DEVICES, &["m-a"], "every device on m-a", Duration::from_secs(40)).await;
    ms[0].kill9();
    wait_held(&ms[1], DEVICES, &["m-b", "m-c"], "every device on a survivor", Duration::from_secs(15)).await;
    let nodes = nodes_of(&ms[1]).await.unwrap();
    let on_b = nodes.iter().filter(|n| n.master == "m-b").count();
    println!("re-homed after a master kill: {on_b} on m-b, {} on m-c", DEVICES - on_b);
    assert!((1..DEVICES).contains(&on_b), "no survivor takes them all: {on_b} of {DEVICES} on m-b");
    drop(agents);
}

/// The number of `kind` events about `node` that `m` lists.
async fn events_of(m: &Master, node: &str, kind: &str) -> Result<usize, String> {
    let mut c = piccolo_tests::master::admin_client(&m.admin_conf()).await?;
    let req = piccolo_proto::ListEventsRequest { node: node.into(), limit: 500, types: vec![] };
    let evs = c.list_events(req).await.map_err(|e| e.to_string())?.into_inner().events;
    Ok(evs.iter().filter(|e| e.kind == kind).count())
}

/// Workload placement is a leader duty: a workload applied on a follower is
/// answered with the leader's placement and placed by the leader (one
/// placement event), run by the device whose
/// session the follower holds, and after the leader is killed the new
/// leader places the next one.
#[tokio::test]
async fn workloads_are_placed_by_the_leader_only_and_by_the_next_one_after_a_kill() {
    use piccolo_tests::agent::{Agent, Trust};
    use piccolo_tests::podman::PodmanService;
    let podman = PodmanService::start().await;
    let etcd = EtcdCluster::start(3).await;
    let mut ms = masters(&etcd.endpoints(), 2).await;
    let leader = one_leader(&ms.iter().collect::<Vec<_>>(), Duration::from_secs(10)).await;
    let follower = 1 - leader;
    let token = ms[leader].token(0).await;
    let _w1 = Agent::start_with(ms[follower].addr(), "w1", &token, Trust::CaFile(ms[0].ca_file()), podman.agent_env());
    wait_held(&ms[leader], 1, &[NAMES[follower]], "w1 on the follower", Duration::from_secs(30)).await;

    let file = ms[0].root.path().join("w.toml");
    let sleeper = |name: &str| {
        format!(
            "[[workload]]\nname = \"{name}\"\nimage = \"localhost/busybox:latest\"\ncommand = [\"/bin/sleep\", \"600\"]\nnodes = [\"w1\"]\n"
        )
    };
    std::fs::write(&file, sleeper("one")).unwrap();
    apply_and_wait_running(&ms[follower], &podman, &file, "one").await;
    for m in &ms {
        wait_until("one placement event, listed everywhere", Duration::from_secs(5), || async {
            match events_of(m, "w1", "WorkloadPlaced").await? {
                1 => Ok(()),
                n => Err(format!("{n} WorkloadPlaced events")),
            }
        })
        .await;
    }

    // The leader killed: the follower leads and places the next workload.
    ms[leader].kill9();
    one_leader(&[&ms[follower]], Duration::from_secs(5)).await;
    std::fs::write(&file, sleeper("two")).unwrap();
    apply_and_wait_running(&ms[follower], &podman, &file, "two").await;
    assert_eq!(events_of(&ms[follower], "w1", "WorkloadPlaced").await.unwrap(), 2);
}

/// `piccoloctl apply -f file` on `m`, which answers with the placement on
/// w1 (on a follower too: the one the leader makes), then waits for
/// container `name` to run.
async fn apply_and_wait_running(m: &Master, podman: &piccolo_tests::podman::PodmanService, file: &Path, name: &str) {
    let out = m.ctl(&["apply", "-f", file.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("workload {name} revision 1 created; on w1")), "apply answered: {said}");
    wait_until(&format!("{name} runs on w1"), Duration::from_secs(60), || async {
        let s = podman.try_podman(&["inspect", "--format", "{{.State.Status}}", name]).await?;
        if s.trim() == "running" { Ok(()) } else { Err(s) }
    })
    .await;
}

/// A config rollout is the leader's: refused on a follower (naming why),
/// and on the leader it reaches every device in its batches, whichever
/// master holds the device's session; its status answers the same on the
/// follower.
#[tokio::test]
async fn a_config_rollout_runs_on_the_leader_and_reaches_every_masters_devices() {
    use piccolo_tests::agent::{Agent, Trust};
    let etcd = EtcdCluster::start(3).await;
    let ms = masters(&etcd.endpoints(), 2).await;
    let leader = one_leader(&ms.iter().collect::<Vec<_>>(), Duration::from_secs(10)).await;
    let follower = 1 - leader;
    let token = ms[leader].token(0).await;
    let _agents: Vec<Agent> = (0..4)
        .map(|i| {
            let m = &ms[if i < 2 { leader } else { follower }];
            Agent::start_with(m.addr(), &format!("r-{i}"), &token, Trust::CaFile(ms[0].ca_file()), Vec::new())
        })
        .collect();
    wait_held(&ms[follower], 4, &NAMES[..2], "every device Ready", Duration::from_secs(30)).await;

    let out = ms[follower].ctl(&["config", "rollout", "--status-interval", "7s", "--batch", "1"]).await;
    assert!(!out.status.success(), "a follower runs no rollout");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("leading master"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Batches of one: the sorted names put a follower's device in batch 3.
    let out = ms[leader]
        .ctl(&["config", "rollout", "--status-interval", "7s", "--batch", "1", "--batch-timeout", "20s"])
        .await;
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let st = ms[leader].admin().await.get_rollout(piccolo_proto::GetRolloutRequest {}).await.unwrap().into_inner();
    assert_eq!(st.state, "succeeded", "{st:?}");
    // `config rollout-status` answers the same on the follower (the status
    // is in the store, written on every change).
    let asked = Instant::now();
    wait_until("the follower's rollout status is the leader's", SEEN_LIMIT, || async {
        let mut c = ms[follower].admin().await;
        let theirs = c.get_rollout(piccolo_proto::GetRolloutRequest {}).await.map_err(|e| e.to_string())?.into_inner();
        if theirs == st { Ok(()) } else { Err(format!("{theirs:?}")) }
    })
    .await;
    println!("config rollout status: seen on the follower {:?} after the leader's answer", asked.elapsed());
    for m in &ms {
        wait_until("every device acked the rollout's version", Duration::from_secs(10), || async {
            let nodes = nodes_of(m).await?;
            let acked: Vec<(String, u64)> = nodes.iter().map(|n| (n.name.clone(), n.config_acked_version)).collect();
            if nodes.len() == 4 && nodes.iter().all(|n| n.config_acked_version >= st.to_version) {
                Ok(())
            } else {
                Err(format!("want {}: {acked:?}", st.to_version))
            }
        })
        .await;
    }
}

/// `get workloads -o json` on `m`, parsed.
async fn workloads_json(m: &Master) -> Result<serde_json::Value, String> {
    let out = m.ctl(&["get", "workloads", "-o", "json"]).await;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

/// Waits until every master answers `get workloads -o json` the same and
/// `ok` holds of that answer; returns it.
async fn same_workloads(ms: &[Master], what: &str, ok: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    wait_until(what, Duration::from_secs(60), || async {
        let mut answers = Vec::new();
        for m in ms {
            answers.push(workloads_json(m).await?);
        }
        if answers.iter().any(|a| *a != answers[0]) {
            return Err(format!("masters differ: {answers:#?}"));
        }
        if ok(&answers[0]) { Ok(answers[0].clone()) } else { Err(format!("{:#}", answers[0])) }
    })
    .await
}

/// Workload states are one view: a workload applied on the leader runs on
/// devices whose sessions two other masters hold; every master answers
/// `get workloads -o json` the same (states included), and a rolling update
/// the leader runs moves batch by batch over those devices, gated on the
/// health their masters report through the store.
#[tokio::test]
async fn workload_states_are_the_same_on_every_master_and_the_leaders_rollout_spans_them() {
    use piccolo_tests::agent::{Agent, Trust};
    use piccolo_tests::podman::PodmanService;
    let (p1, p2) = (PodmanService::start().await, PodmanService::start().await);
    let etcd = EtcdCluster::start(3).await;
    let ms = masters(&etcd.endpoints(), 3).await;
    let leader = one_leader(&ms.iter().collect::<Vec<_>>(), Duration::from_secs(10)).await;
    let others: Vec<usize> = (0..3).filter(|i| *i != leader).collect();
    let token = ms[leader].token(0).await;
    let ca = || Trust::CaFile(ms[0].ca_file());
    let _u1 = Agent::start_with(ms[others[0]].addr(), "u1", &token, ca(), p1.agent_env());
    let _u2 = Agent::start_with(ms[others[1]].addr(), "u2", &token, ca(), p2.agent_env());
    let held_by = [NAMES[others[0]], NAMES[others[1]]];
    wait_held(&ms[leader], 2, &held_by, "u1 and u2 on the other masters", Duration::from_secs(30)).await;
    let spec = |mode: &str| {
        format!(
            "[[workload]]\nname = \"web\"\nimage = \"localhost/busybox:latest\"\ncommand = [\"/bin/sleep\", \"600\"]\n\
             env = {{ MODE = \"{mode}\" }}\nnodes = [\"u1\", \"u2\"]\n[workload.liveness]\n\
             exec = [\"/bin/sh\", \"-c\", \"true\"]\nperiod = \"500ms\"\nfailure_threshold = 1\n"
        )
    };
    let file = ms[0].root.path().join("web.toml");
    let healthy_on = |rev: u64| {
        move |v: &serde_json::Value| {
            let w = &v[0];
            let nodes = w["nodes"].as_array().cloned().unwrap_or_default();
            w["revision"] == rev
                && nodes.len() == 2
                && nodes.iter().all(|n| n["state"] == "Healthy" && n["revision"] == rev)
                && w["rollout"]["state"] != "running"
        }
    };

    std::fs::write(&file, spec("v1")).unwrap();
    let out = ms[leader].ctl(&["apply", "-f", file.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v1 = same_workloads(&ms, "web healthy on u1 and u2, the same on every master", healthy_on(1)).await;
    assert_eq!(v1[0]["ready"], 2, "{v1:#}");

    // A rolling update run by the leader: one device per batch, each gated
    // on health that only the device's own master hears from its agent.
    std::fs::write(&file, spec("v2")).unwrap();
    let out = ms[leader]
        .ctl(&["apply", "-f", file.to_str().unwrap(), "--batch-size", "1", "--timeout", "30s", "--wait"])
        .await;
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let done = Instant::now();
    let v2 = same_workloads(&ms, "revision 2 healthy everywhere, the same on every master", healthy_on(2)).await;
    println!("workload states: rollout done on the leader -> every master answers the same: {:?}", done.elapsed());
    let r = &v2[0]["rollout"];
    assert_eq!((r["state"].as_str(), r["batches"].as_u64()), (Some("succeeded"), Some(2)), "{v2:#}");
    assert_ne!(v2[0]["nodes"][0]["container_id"], v1[0]["nodes"][0]["container_id"], "u1 runs a new container");
    // Store writes follow changes, not time: each device's states key was
    // written once per state it went through (two revisions, a few states
    // each), not once per report or per second.
    let writes = etcd_writes_of(&etcd.endpoints(), "/piccolo/v1/workload-states/u1");
    println!("workload states: u1's key written {writes} times over two revisions");
    assert!((2..=20).contains(&writes), "{writes} writes of u1's workload states");
}

/// How many times `key` was written since it was created (etcd's `version`).
fn etcd_writes_of(endpoints: &str, key: &str) -> i64 {
    let out = std::process::Command::new("etcdctl")
        .args(["--endpoints", endpoints, "get", key, "-w", "json"])
        .output()
        .expect("etcdctl");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("etcdctl json");
    v["kvs"][0]["version"].as_i64().unwrap_or(0)
}

/// `GetRollout` on `m`.
async fn rollout_of(m: &Master) -> Result<piccolo_proto::RolloutStatus, String> {
    let mut c = piccolo_tests::master::admin_client(&m.admin_conf()).await?;
    Ok(c.get_rollout(piccolo_proto::GetRolloutRequest {}).await.map_err(|e| e.to_string())?.into_inner())
}

/// A config rollout's status is in the store: the follower shows it while
/// it runs, and when the leader dies mid-rollout the next leader resumes it
/// at the batch it had reached, with the same target, batches and timeout,
/// and finishes it.
#[tokio::test]
async fn a_dead_leaders_config_rollout_is_resumed_by_the_next_leader() {
    use piccolo_tests::agent::{Agent, Trust};
    let etcd = EtcdCluster::start(3).await;
    let mut ms = masters(&etcd.endpoints(), 2).await;
    let leader = one_leader(&ms.iter().collect::<Vec<_>>(), Duration::from_secs(10)).await;
    let follower = 1 - leader;
    let token = ms[leader].token(0).await;
    let trust = || Trust::CaFile(ms[0].ca_file());
    let _q0 = Agent::start_with(ms[follower].addr(), "q-0", &token, trust(), Vec::new());
    let _q1 = Agent::start_with(ms[follower].addr(), "q-1", &token, trust(), Vec::new());
    wait_held(&ms[leader], 2, &[NAMES[follower]], "q-0 and q-1 on the follower", Duration::from_secs(30)).await;
    // q-0's own override asks for more disk than any has: it is NotReady,
    // so the rollout's first batch ([q-0]) waits for it.
    let ok = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(ms[leader].ctl(&["config", "set", "--node", "q-0", "--min-disk-bytes", "1000000000000000000"]).await);
    ok(ms[leader]
        .ctl(&["config", "rollout", "--min-disk-bytes", "1", "--batch", "1", "--batch-timeout", "60s", "--no-wait"])
        .await);
    let before = wait_until("the follower shows the rollout running", SEEN_LIMIT, || async {
        let s = rollout_of(&ms[follower]).await?;
        if s.state == "running" && s.batches.len() == 2 { Ok(s) } else { Err(format!("{s:?}")) }
    })
    .await;
    assert_eq!(before.master, NAMES[leader], "{before:?}");
    assert_eq!(before.batch_timeout_ms, 60_000, "{before:?}");
    ms[leader].kill9();
    one_leader(&[&ms[follower]], Duration::from_secs(10)).await;
    let s = wait_until("the next leader resumes it", Duration::from_secs(10), || async {
        let s = rollout_of(&ms[follower]).await?;
        if s.master == NAMES[follower] { Ok(s) } else { Err(format!("{s:?}")) }
    })
    .await;
    assert_eq!(s.state, "running", "{s:?}");
    assert!(s.message.contains("resumed at batch 1"), "{s:?}");
    assert_eq!((s.id, s.to_version), (before.id, before.to_version), "the same rollout: {s:?}");
    // q-0 can be Ready again: the resumed batch passes, the second runs and
    // the rollout succeeds on the new leader.
    ok(ms[follower].ctl(&["config", "set", "--node", "q-0", "--clear"]).await);
    let s = wait_until("the resumed rollout succeeds", Duration::from_secs(30), || async {
        let s = rollout_of(&ms[follower]).await?;
        if s.state == "running" { Err(format!("{s:?}")) } else { Ok(s) }
    })
    .await;
    assert_eq!(s.state, "succeeded", "{s:?}");
    assert!(s.batches.iter().all(|b| b.state == "done"), "{s:?}");
    wait_held(&ms[follower], 2, &[NAMES[follower]], "q-0 and q-1 Ready on the new config", Duration::from_secs(20))
        .await;
    let out = ms[follower].ctl(&["config", "history"]).await;
    ok(out.clone());
    let history = String::from_utf8_lossy(&out.stdout);
    assert!(history.contains(&format!("{}", before.to_version)), "the target stored as the cluster config: {history}");
}
