//! The desired set on disk (`workloads.pb`): a CRC-32 of the protobuf bytes
//! then the bytes, written atomically (0600), so a device that reboots while
//! the master is unreachable runs its workloads again. A damaged file is set
//! aside (`workloads.pb.corrupt`) and reported; until the master sends the
//! set again the agent leaves its containers as they are.

use std::path::{Path, PathBuf};

use piccolo_proto::WorkloadSet;
use prost::Message;

const FILE: &str = "workloads.pb";

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// What was on disk.
#[derive(Debug)]
pub enum Loaded {
    None,
    Set(WorkloadSet),
    /// Damaged and set aside; the message says where.
    Corrupt(String),
}

pub fn load(dir: &Path) -> Loaded {
    let Ok(bytes) = std::fs::read(path(dir)) else { return Loaded::None };
    let decoded = (bytes.len() >= 4)
        .then(|| {
            let (crc, body) = bytes.split_at(4);
            let want = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]);
            (crc32fast::hash(body) == want).then(|| WorkloadSet::decode(body).ok()).flatten()
        })
        .flatten();
    match decoded {
        Some(s) => Loaded::Set(s),
        None => {
            let aside = dir.join(format!("{FILE}.corrupt"));
            let _ = std::fs::rename(path(dir), &aside);
            Loaded::Corrupt(format!(
                "{} was damaged (checksum or decoding failed); moved to {}; waiting for the master to send the workloads again",
                path(dir).display(),
                aside.display()
            ))
        }
    }
}

pub fn save(dir: &Path, set: &WorkloadSet) -> std::io::Result<()> {
    let body = set.encode_to_vec();
    let mut out = crc32fast::hash(&body).to_le_bytes().to_vec();
    out.extend_from_slice(&body);
    piccolo_common::files::write_private(&path(dir), &out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use piccolo_proto::WorkloadSpec;

    #[test]
    fn round_trip_and_corruption_set_aside() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(matches!(load(dir.path()), Loaded::None));
        let set =
            WorkloadSet { version: 7, workloads: vec![WorkloadSpec { name: "web".into(), ..Default::default() }] };
        save(dir.path(), &set).expect("save");
        assert!(matches!(load(dir.path()), Loaded::Set(s) if s == set));
        let mut bytes = std::fs::read(path(dir.path())).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        std::fs::write(path(dir.path()), bytes).expect("write");
        assert!(matches!(load(dir.path()), Loaded::Corrupt(m) if m.contains("moved to")));
        assert!(dir.path().join("workloads.pb.corrupt").exists());
        assert!(matches!(load(dir.path()), Loaded::None));
    }
}
