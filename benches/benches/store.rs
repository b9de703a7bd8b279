//! Store put/get/put_if per backend: the embedded redb file (each write is a
//! durable transaction) and a real etcd on loopback (started here; skipped
//! with a note when etcd is not installed). A node record of realistic size is
//! the value. Every write the master makes goes through one of these.

use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use piccolo_master::store::{EmbeddedStore, Store};
use prost::Message;
use tokio::runtime::Runtime;

fn node_record() -> Vec<u8> {
    let node = piccolo_proto::Node {
        name: "device-0042".into(),
        ip: "10.0.0.42".into(),
        state: piccolo_proto::NodeState::Ready as i32,
        reason: "ReadinessPassed".into(),
        facts: Some(piccolo_proto::NodeFacts {
            hostname: "device-0042".into(),
            ips: vec!["10.0.0.42".into()],
            arch: "aarch64".into(),
            os: "Linux".into(),
            kernel: "6.1.0".into(),
            cpu_count: 4,
            memory_bytes: 2 << 30,
            disk_bytes: 16 << 30,
            agent_version: "0.1.0".into(),
        }),
        cert_serial: "4f3a9c0d1e2b3a4c5d6e7f8091a2b3c4".into(),
        ..Default::default()
    };
    node.encode_to_vec()
}

fn bench_store(c: &mut Criterion, rt: &Runtime, name: &str, store: Arc<dyn Store>) {
    let value = node_record();
    let key = format!("/piccolo/v1/bench/{name}");
    let mut group = c.benchmark_group(format!("store {name}"));
    group.sample_size(20).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    group.bench_function("put (node record)", |b| b.iter(|| rt.block_on(store.put(&key, value.clone())).ok()));
    group.bench_function("get", |b| b.iter(|| rt.block_on(store.get(&key)).ok()));
    group.bench_function("put_if (compare-and-set, as a token use)", |b| {
        b.iter(|| {
            rt.block_on(async {
                let v = store.get(&key).await.ok().flatten().map(|v| v.version);
                store.put_if(&key, v, value.clone()).await.ok()
            })
        })
    });
    group.finish();
}

fn stores(c: &mut Criterion) {
    // A benchmark that quietly skips a backend would hide a missing
    // dependency: every failure to set one up stops the run with the reason.
    let rt = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => panic!("no tokio runtime: {e}"),
    };
    println!("node record: {} bytes", node_record().len());
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    match EmbeddedStore::open(&dir.path().join("store.redb")) {
        Ok(s) => bench_store(c, &rt, "embedded", Arc::new(s)),
        Err(e) => panic!("embedded store: {e}"),
    }
    assert!(
        std::path::Path::new("/usr/bin/etcd").exists(),
        "etcd is not installed: run `make test-deps` (or scripts/test-deps.sh) first"
    );
    let etcd = rt.block_on(piccolo_tests::Etcd::start());
    let connected = rt.block_on(piccolo_master::store::EtcdStore::connect(&[etcd.endpoint()], Duration::from_secs(5)));
    match connected {
        Ok(s) => bench_store(c, &rt, "etcd", Arc::new(s)),
        Err(e) => panic!("etcd store: {e}"),
    }
    drop(etcd);
}

criterion_group!(benches, stores);
criterion_main!(benches);
