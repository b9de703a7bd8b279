//! Connecting piccoloctl to the master with the admin credential.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect};
use piccolo_common::credential::AdminCredential;
use piccolo_common::tls::{Identity, client_config};
use piccolo_proto::api_server_service_client::ApiServerServiceClient;
use piccolo_proto::limits::{MAX_ADMIN_REQUEST_BYTES, MAX_MASTER_MESSAGE_BYTES};
use tonic::transport::Channel;

/// The admin API client.
pub type Client = ApiServerServiceClient<Channel>;

/// Loads the credential and connects.
pub async fn connect_admin(path: &Path, timeout: Duration) -> Result<Client, String> {
    let channel = connect_channel(path, timeout).await?;
    Ok(ApiServerServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_ADMIN_REQUEST_BYTES))
}

/// The mutual-TLS channel to the master (gRPC and REST share it).
pub async fn connect_channel(path: &Path, timeout: Duration) -> Result<Channel, String> {
    let cred = AdminCredential::load(path).map_err(|e| {
        format!("{e} (pass --admin-config FILE or set PICCOLO_ADMIN_CONFIG; the master writes DATA_DIR/admin.conf)")
    })?;
    let bad = |e: piccolo_common::TlsError| format!("admin credential {} is unusable: {e}", path.display());
    let ca = piccolo_common::pem::certs(&cred.ca).map_err(bad)?;
    let id = Identity::from_pem(&cred.cert, &cred.key).map_err(bad)?;
    let tls = client_config(&ca, Some(id)).map_err(bad)?;
    let opts = ConnectOptions { connect_timeout: timeout, ..Default::default() };
    // Several masters: the first that answers (admin.conf lists them all).
    let tls = Arc::new(tls);
    let mut failures = Vec::new();
    for endpoint in cred.all_endpoints() {
        match connect(&endpoint, tls.clone(), opts).await {
            Ok(ch) => return Ok(ch),
            Err(e) => failures.push(e.to_string()),
        }
    }
    Err(failures.join("; "))
}

/// What it takes to (re)connect: streaming commands reconnect after the
/// master restarts.
#[derive(Clone)]
pub struct Conn {
    pub path: std::path::PathBuf,
    pub timeout: Duration,
}

impl Conn {
    /// A fresh admin client.
    pub async fn client(&self) -> Result<Client, String> {
        connect_admin(&self.path, self.timeout.max(Duration::from_millis(100))).await
    }

    /// Reconnects after a lost stream, retrying with capped backoff until the
    /// master answers; says once on stderr what happened.
    pub async fn reconnect(&self, what: &str, why: &str) -> Client {
        piccolo_common::errln!("piccoloctl: {what}: lost the master ({why}); reconnecting");
        let mut delay = Duration::from_millis(250);
        loop {
            tokio::time::sleep(delay).await;
            if let Ok(c) = self.client().await {
                piccolo_common::errln!("piccoloctl: {what}: reconnected");
                return c;
            }
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }
}
