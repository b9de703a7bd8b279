//! The admin credential file (`admin.conf`): where the master is, the CA to
//! trust, and a client certificate with its key. Written by the master (mode
//! 0600), read by piccoloctl and the test harness.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::ConfigError;

/// Contents of `admin.conf`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminCredential {
    /// `HOST:PORT` of the master's API.
    pub endpoint: String,
    /// The other masters of the cluster (several masters on etcd), tried in
    /// order when `endpoint` does not answer. Kept current by the master that
    /// wrote the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<String>,
    /// Who this credential is (the certificate's CN).
    pub name: String,
    /// `admin` or `viewer`.
    pub role: String,
    /// The cluster CA certificate, PEM.
    pub ca: String,
    /// The client certificate, PEM.
    pub cert: String,
    /// The client key, PEM.
    pub key: String,
}

impl AdminCredential {
    /// Reads and parses a credential file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::Read { path: path.display().to_string(), reason: e.to_string() })?;
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.display().to_string(),
            reason: e.to_string().trim().replace('\n', " "),
        })
    }

    /// Every endpoint to try, in order (`endpoint` first).
    pub fn all_endpoints(&self) -> Vec<String> {
        let mut out = vec![self.endpoint.clone()];
        for e in &self.endpoints {
            if !out.contains(e) {
                out.push(e.clone());
            }
        }
        out
    }

    /// The TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}
