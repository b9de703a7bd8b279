//! The device's identity in its data dir (key, certificate, CA, name): the
//! shared implementation in `piccolo_common::identity`, which child masters
//! use for their parent link too.

pub use piccolo_common::identity::*;
