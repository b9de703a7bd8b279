//! Rotating the cluster CA in two steps, with an overlap in which both CAs
//! are trusted (`piccolo-master ca rotate`, then `piccolo-master ca finish`;
//! the master is restarted after each):
//!
//! 1. `rotate` makes the next CA in `ca-next/` (key 0600). From the next start
//!    the master still serves with a certificate from the current CA (what
//!    devices trust), accepts client certificates from both, signs every new
//!    node certificate (enrolment, renewal) with the next CA and hands out both
//!    CA certificates, so each agent picks up the next CA at its next renewal.
//!    `admin.conf` gets a certificate from the next CA and both CAs.
//! 2. `finish`, once every node has renewed (`piccoloctl get nodes -o wide`
//!    shows certificate expiries): the next CA becomes `ca.crt`/`ca.key`, the
//!    old key is deleted (its certificate is kept as `ca-old.crt`), and from
//!    the next start only the new CA is trusted. Devices pin the new
//!    `ca_cert_hash` from `piccoloctl cluster-info` to enrol.

use std::path::{Path, PathBuf};

use piccolo_common::credential::AdminCredential;
use thiserror::Error;

use crate::ca::{CA_CERT_FILE, CA_KEY_FILE, CaError, ClientKind, ClusterCa, write_private};

/// Directory of the next CA during a rotation.
pub const NEXT_DIR: &str = "ca-next";
/// The retired CA certificate after `finish`.
pub const OLD_CERT_FILE: &str = "ca-old.crt";

/// Why a rotation step was refused.
#[derive(Debug, Error)]
pub enum RotationError {
    #[error("{0}")]
    State(String),
    #[error(transparent)]
    Ca(#[from] CaError),
    #[error("cannot {action} {path}: {source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> RotationError + 'a {
    move |source| RotationError::Io { action, path: path.to_path_buf(), source }
}

/// The next CA, when a rotation is under way.
pub fn load_next(dir: &Path) -> Result<Option<ClusterCa>, CaError> {
    let next = dir.join(NEXT_DIR);
    if !next.join(CA_CERT_FILE).exists() && !next.join(CA_KEY_FILE).exists() {
        return Ok(None);
    }
    Ok(Some(ClusterCa::load_or_create(&next)?.0))
}

fn rewrite_admin_conf(dir: &Path, signer: &ClusterCa, trust_pem: &str) -> Result<(), RotationError> {
    let path = dir.join(crate::data_dir::ADMIN_CONF);
    let Ok(mut cred) = AdminCredential::load(&path) else { return Ok(()) };
    let issued =
        signer.issue_client_with_key(&cred.name, ClientKind::Admin, std::time::Duration::from_secs(365 * 86400))?;
    cred.cert = issued.cert_pem;
    cred.key = issued.key_pem.unwrap_or_default();
    cred.ca = trust_pem.to_string();
    write_private(&path, cred.to_toml().as_bytes())?;
    Ok(())
}

/// Step 1: makes the next CA. Returns what to do next.
pub fn rotate(dir: &Path) -> Result<String, RotationError> {
    if !dir.join(CA_CERT_FILE).exists() {
        return Err(RotationError::State(format!("{} has no cluster CA; start the master there first", dir.display())));
    }
    let next_dir = dir.join(NEXT_DIR);
    if next_dir.exists() {
        return Err(RotationError::State(format!(
            "a CA rotation is already under way ({} exists); run `piccolo-master ca finish` to complete it",
            next_dir.display()
        )));
    }
    let (current, _) = ClusterCa::load_or_create(dir)?;
    std::fs::create_dir(&next_dir).map_err(io("create", &next_dir))?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&next_dir, std::fs::Permissions::from_mode(0o700)).map_err(io("restrict", &next_dir))?;
    let (next, _) = ClusterCa::load_or_create(&next_dir)?;
    let next = next.with_extra_trust(current.cert_pem());
    rewrite_admin_conf(dir, &next, next.trust_pem())?;
    Ok("next CA created; restart the master, wait until every node has renewed its certificate, then run `piccolo-master ca finish` and restart it again".into())
}

/// Step 2: the next CA becomes the only one.
pub fn finish(dir: &Path) -> Result<String, RotationError> {
    let next_dir = dir.join(NEXT_DIR);
    if load_next(dir)?.is_none() {
        return Err(RotationError::State(
            "no CA rotation is under way; start one with `piccolo-master ca rotate`".into(),
        ));
    }
    let rename = |from: PathBuf, to: PathBuf| std::fs::rename(&from, &to).map_err(io("move", &from));
    rename(dir.join(CA_CERT_FILE), dir.join(OLD_CERT_FILE))?;
    let old_key = dir.join(CA_KEY_FILE);
    std::fs::remove_file(&old_key).map_err(io("delete", &old_key))?;
    rename(next_dir.join(CA_KEY_FILE), dir.join(CA_KEY_FILE))?;
    rename(next_dir.join(CA_CERT_FILE), dir.join(CA_CERT_FILE))?;
    std::fs::remove_dir(&next_dir).map_err(io("remove", &next_dir))?;
    let (ca, _) = ClusterCa::load_or_create(dir)?;
    rewrite_admin_conf(dir, &ca, ca.cert_pem())?;
    Ok("the new CA is now the only one; restart the master. Devices that did not renew must re-enrol; new devices pin the new ca_cert_hash (`piccoloctl cluster-info`)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotate_then_finish_swaps_the_ca_and_drops_the_old_key() {
        let dir = tempfile::tempdir().expect("tmp");
        let (old, _) = ClusterCa::load_or_create(dir.path()).expect("ca");
        assert!(finish(dir.path()).is_err(), "nothing to finish");
        rotate(dir.path()).expect("rotate");
        assert!(rotate(dir.path()).is_err(), "one rotation at a time");
        let next = load_next(dir.path()).expect("load").expect("next");
        assert_ne!(next.cert_pem(), old.cert_pem());
        finish(dir.path()).expect("finish");
        let (now, _) = ClusterCa::load_or_create(dir.path()).expect("ca");
        assert_eq!(now.cert_pem(), next.cert_pem());
        assert_eq!(std::fs::read_to_string(dir.path().join(OLD_CERT_FILE)).expect("old"), old.cert_pem());
        assert!(!dir.path().join(NEXT_DIR).exists());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(CA_KEY_FILE)).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
