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

    /// The TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}
