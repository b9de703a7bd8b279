//! The node state machine step (`piccolo_master::lifecycle::next`), which runs
//! under the registry lock for every heartbeat and status report.

use criterion::{Criterion, criterion_group, criterion_main};
use piccolo_master::lifecycle::{Input, next};
use piccolo_proto::NodeState;
use std::hint::black_box;

fn lifecycle(c: &mut Criterion) {
    // The common case: a Ready node heartbeats and nothing changes.
    c.bench_function("lifecycle: Ready + heartbeat (no change)", |b| {
        b.iter(|| next(black_box(NodeState::Ready), black_box(&Input::Alive { ready: true })))
    });
    c.bench_function("lifecycle: Initializing + heartbeat -> Ready", |b| {
        b.iter(|| next(black_box(NodeState::Initializing), black_box(&Input::Alive { ready: true })))
    });
    c.bench_function("lifecycle: Ready + connection lost -> NotReady", |b| {
        b.iter(|| next(black_box(NodeState::Ready), black_box(&Input::ConnectionLost)))
    });
    let failed = Input::ReadinessFailed("ReadinessFailed: disk".into());
    c.bench_function("lifecycle: Ready + readiness failed -> NotReady", |b| {
        b.iter(|| next(black_box(NodeState::Ready), black_box(&failed)))
    });
}

criterion_group!(benches, lifecycle);
criterion_main!(benches);
