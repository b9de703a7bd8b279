//! Encoding and decoding of the messages every agent sends all day.

use criterion::{Criterion, criterion_group, criterion_main};
use piccolo_proto::AgentMessage;
use prost::Message;
use std::hint::black_box;

fn wire(c: &mut Criterion) {
    let hb = piccolo_benches::heartbeat(123_456);
    let status = piccolo_benches::status();
    println!("heartbeat payload: {} bytes; status payload: {} bytes", hb.encoded_len(), status.encoded_len());
    let mut buf = Vec::with_capacity(256);
    c.bench_function("heartbeat encode", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&hb).encode(&mut buf).ok();
        })
    });
    let hb_bytes = hb.encode_to_vec();
    c.bench_function("heartbeat decode", |b| b.iter(|| AgentMessage::decode(black_box(hb_bytes.as_slice())).ok()));
    c.bench_function("status encode", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&status).encode(&mut buf).ok();
        })
    });
    let st_bytes = status.encode_to_vec();
    c.bench_function("status decode", |b| b.iter(|| AgentMessage::decode(black_box(st_bytes.as_slice())).ok()));
}

criterion_group!(benches, wire);
criterion_main!(benches);
