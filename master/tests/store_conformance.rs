//! One conformance suite, run against both store backends: the embedded redb
//! file and a real etcd server.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use piccolo_master::store::{EmbeddedStore, EtcdStore, PREFIX, SharedStore, StoreError};

async fn conformance(store: SharedStore) {
    let k = format!("{PREFIX}conf/a");
    // Absent key.
    assert_eq!(store.get(&k).await.expect("get"), None);
    assert!(!store.delete(&k).await.expect("delete absent"));
    // Create-only write.
    let v1 = store.put_if(&k, None, b"one".to_vec()).await.expect("create").expect("applied");
    assert_eq!(store.put_if(&k, None, b"again".to_vec()).await.expect("create twice"), None);
    let got = store.get(&k).await.expect("get").expect("present");
    assert_eq!(got.value, b"one");
    assert_eq!(got.version, v1);
    // Compare-and-set.
    let v2 = store.put_if(&k, Some(v1), b"two".to_vec()).await.expect("cas").expect("applied");
    assert!(v2 > v1, "versions increase");
    assert_eq!(store.put_if(&k, Some(v1), b"stale".to_vec()).await.expect("stale cas"), None);
    assert_eq!(store.get(&k).await.expect("get").expect("present").value, b"two");
    // Unconditional put.
    let v3 = store.put(&k, b"three".to_vec()).await.expect("put");
    assert!(v3 > v2);
    // Empty values are values.
    let e = format!("{PREFIX}conf/empty");
    store.put(&e, Vec::new()).await.expect("put empty");
    assert_eq!(store.get(&e).await.expect("get").expect("present").value, Vec::<u8>::new());
    // Prefix listing is sorted and exact.
    for name in ["c", "b", "d"] {
        store.put(&format!("{PREFIX}conf/{name}"), name.as_bytes().to_vec()).await.expect("put");
    }
    store.put(&format!("{PREFIX}conf2/x"), b"other".to_vec()).await.expect("put");
    let keys: Vec<String> =
        store.list(&format!("{PREFIX}conf/")).await.expect("list").into_iter().map(|(k, _)| k).collect();
    let want: Vec<String> = ["a", "b", "c", "d", "empty"].iter().map(|n| format!("{PREFIX}conf/{n}")).collect();
    assert_eq!(keys, want);
    // Delete.
    assert!(store.delete(&k).await.expect("delete"));
    assert_eq!(store.get(&k).await.expect("get"), None);
    // Re-create after delete gets a fresh, still-increasing version.
    let v4 = store.put_if(&k, None, b"four".to_vec()).await.expect("recreate").expect("applied");
    assert!(v4 > v3);
    // Large values (a node with many containers).
    let big = vec![7u8; 512 * 1024];
    store.put(&format!("{PREFIX}conf/big"), big.clone()).await.expect("big");
    assert_eq!(store.get(&format!("{PREFIX}conf/big")).await.expect("get").expect("big").value, big);
    // Concurrent compare-and-set: no lost updates.
    let key = format!("{PREFIX}conf/counter");
    store.put(&key, 0u64.to_be_bytes().to_vec()).await.expect("init");
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let s = store.clone();
        let key = key.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..10 {
                loop {
                    let cur = s.get(&key).await.expect("get").expect("present");
                    let n = u64::from_be_bytes(cur.value.as_slice().try_into().expect("8 bytes")) + 1;
                    if s.put_if(&key, Some(cur.version), n.to_be_bytes().to_vec()).await.expect("cas").is_some() {
                        break;
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("task");
    }
    let n = store.get(&key).await.expect("get").expect("present").value;
    assert_eq!(u64::from_be_bytes(n.as_slice().try_into().expect("8")), 80, "no lost updates");
    // Batched writes: puts and deletes in order, later ones win, more keys
    // than one transaction takes, versions still increasing.
    let before = store.get(&format!("{PREFIX}conf/b")).await.expect("get").expect("b").version;
    let mut ops: Vec<(String, Option<Vec<u8>>)> =
        (0..300).map(|i| (format!("{PREFIX}batch/{i:03}"), Some(vec![i as u8]))).collect();
    ops.push((format!("{PREFIX}conf/c"), None));
    ops.push((format!("{PREFIX}batch/007"), Some(b"later".to_vec())));
    ops.push((format!("{PREFIX}batch/008"), None));
    store.write_batch(ops).await.expect("batch");
    let batch = store.list(&format!("{PREFIX}batch/")).await.expect("list");
    assert_eq!(batch.len(), 299);
    assert_eq!(batch[7].1.value, b"later");
    assert!(batch.iter().all(|(_, v)| v.version > before), "versions increase");
    assert_eq!(store.get(&format!("{PREFIX}conf/c")).await.expect("get"), None);
    store.write_batch(Vec::new()).await.expect("empty batch");
    // More keys than one page of a listing (etcd reads 1,000 a page), with
    // values that together pass gRPC's 4 MiB message limit: all of them,
    // in order, values intact; and the keys alone.
    let value = vec![b'v'; 2048];
    let ops: Vec<(String, Option<Vec<u8>>)> =
        (0..2500).map(|i| (format!("{PREFIX}many/{i:05}"), Some(value.clone()))).collect();
    for chunk in ops.chunks(100) {
        store.write_batch(chunk.to_vec()).await.expect("batch");
    }
    let many = store.list(&format!("{PREFIX}many/")).await.expect("list many");
    assert_eq!(many.len(), 2500);
    assert!(many.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    assert!(many.iter().all(|(_, v)| v.value == value));
    assert_eq!(many[1234].0, format!("{PREFIX}many/01234"));
    let keys = store.list_keys(&format!("{PREFIX}many/")).await.expect("keys");
    assert_eq!(keys, many.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>());
    store.health().await.expect("healthy");
}

#[tokio::test]
async fn embedded_store_conforms() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = EmbeddedStore::open(&dir.path().join("s.redb")).expect("open");
    conformance(Arc::new(store)).await;
    let store = EmbeddedStore::open(&dir.path().join("s.redb")).expect("reopen");
    assert!(piccolo_master::store::Store::get(&store, &format!("{PREFIX}conf/b")).await.expect("get").is_some());
}

#[tokio::test]
async fn etcd_store_conforms() {
    let etcd = piccolo_tests::Etcd::start().await;
    let store = EtcdStore::connect(&[etcd.endpoint()], Duration::from_secs(5)).await.expect("connect");
    conformance(Arc::new(store)).await;
}

#[tokio::test]
async fn a_corrupt_embedded_store_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("s.redb");
    std::fs::write(&path, b"this is not a redb file at all, just some bytes").expect("write");
    let err = EmbeddedStore::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("move it aside"), "{err}");
}

#[tokio::test]
async fn an_unreachable_etcd_is_a_clear_error_not_a_hang() {
    let port = piccolo_tests::free_port();
    let started = std::time::Instant::now();
    let err =
        EtcdStore::connect(&[format!("http://127.0.0.1:{port}")], Duration::from_secs(1)).await.err().expect("refused");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(matches!(err, StoreError::Unavailable(_)), "{err}");
}
