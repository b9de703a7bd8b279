//! Piccolo's wire protocol: the prost messages and tonic services of package
//! `piccolo.v1`, generated from `proto/piccolo/v1/piccolo.proto` and committed
//! (see `tests/generated_code.rs`), plus small helpers for the types.
//!
//! # Layout
//! - `v1`: the generated code (messages, `node_agent_service_*`, `api_server_service_*`).
//! - [`limits`]: message size limits both sides set explicitly.
//! - [`display`]: human names of enum values used by the CLI and logs.
#![forbid(unsafe_code)]

pub mod display;
pub mod limits;

/// Generated code for package `piccolo.v1`.
#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod v1 {
    include!("gen/piccolo.v1.rs");
}

pub use v1::*;
