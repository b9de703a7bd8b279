//! First contact: the device enrols with the master through the shared client
//! enrolment (`piccolo_common::enroll`), with its own facts and name.

use std::path::Path;

pub use piccolo_common::enroll::EnrollError;
use piccolo_common::enroll::EnrollParams;

use crate::config::AgentConfig;
use crate::facts::node_facts;
use crate::identity::Identity;

/// Enrols this device and returns its new identity.
pub async fn enroll(cfg: &AgentConfig, dir: &Path) -> Result<Identity, EnrollError> {
    if cfg.token.is_empty() {
        return Err(EnrollError::Missing("no bootstrap token was given (--token or PICCOLO_TOKEN)"));
    }
    let facts = node_facts(dir);
    let name = if cfg.name.is_empty() {
        piccolo_common::names::node_name_from_hostname(&facts.hostname)
    } else {
        cfg.name.clone()
    };
    let ca_file = ca_file_for(cfg, dir);
    // Enrolment goes to the first master; any of a cluster's would do.
    let first = crate::masters::parse(&cfg.master).into_iter().next().unwrap_or_default();
    let params = EnrollParams {
        master: &first,
        token: &cfg.token,
        name: &name,
        ca_file: &ca_file,
        ca_cert_hash: &cfg.ca_cert_hash,
        facts,
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
    };
    piccolo_common::enroll::enroll(params, dir).await
}

/// The CA file to trust: the configured one; else, when no pin is configured
/// either, the `ca.crt` a previous enrolment left in the data dir (kept when
/// the node was removed). That CA was pinned once already, so re-enrolling
/// with a new token needs no new `--ca-cert-hash`.
fn ca_file_for(cfg: &AgentConfig, dir: &Path) -> String {
    if !cfg.ca_file.is_empty() || !cfg.ca_cert_hash.is_empty() {
        return cfg.ca_file.clone();
    }
    let kept = dir.join(piccolo_common::identity::CA_FILE);
    if kept.is_file() { kept.display().to_string() } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_ca_is_trusted_only_when_nothing_else_is_configured() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cfg = AgentConfig::default();
        assert_eq!(ca_file_for(&cfg, tmp.path()), "");
        let kept = tmp.path().join("ca.crt");
        std::fs::write(&kept, "pem").expect("write");
        assert_eq!(ca_file_for(&cfg, tmp.path()), kept.display().to_string());
        let pinned = AgentConfig { ca_cert_hash: "sha256:ab".into(), ..Default::default() };
        assert_eq!(ca_file_for(&pinned, tmp.path()), "");
        let file = AgentConfig { ca_file: "/etc/piccolo/ca.crt".into(), ..Default::default() };
        assert_eq!(ca_file_for(&file, tmp.path()), "/etc/piccolo/ca.crt");
    }
}
