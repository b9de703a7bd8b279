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
    let params = EnrollParams {
        master: &cfg.master,
        token: &cfg.token,
        name: &name,
        ca_file: &cfg.ca_file,
        ca_cert_hash: &cfg.ca_cert_hash,
        facts,
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
    };
    piccolo_common::enroll::enroll(params, dir).await
}
