//! Console tokens: a bearer credential for browsers, read-only (viewer) and
//! short-lived. `pct1.<name>.<expires_at_ms>.<hmac>` signed with HMAC-SHA256
//! under a key kept in the data dir (`console.key`, 0600). Nothing is stored
//! per token; deleting the key file and restarting the master revokes them all.

use std::path::Path;
use std::time::Duration;

use piccolo_common::time::now_ms;
use ring::hmac;
use thiserror::Error;

/// The key file in the data dir.
pub const KEY_FILE: &str = "console.key";
const PREFIX: &str = "pct1";
/// The longest lifetime a console token may have.
pub const MAX_TTL: Duration = Duration::from_secs(30 * 86400);

/// Why a console token was refused or not made.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the console token is malformed (expected pct1.NAME.EXPIRY.SIGNATURE from `piccoloctl console token`)")]
    Malformed,
    #[error(
        "the console token's signature does not match this master (made by another master, or its key was replaced)"
    )]
    BadSignature,
    #[error("the console token expired; make a new one with `piccoloctl console token`")]
    Expired,
    #[error("token name {0:?} is not valid: use 1-63 characters of [a-z0-9-]")]
    BadName(String),
    #[error("token lifetime must be between 1 s and 30 days")]
    BadTtl,
    #[error("console key {path}: {reason}")]
    Key { path: String, reason: String },
}

/// Signs and checks console tokens.
pub struct ConsoleTokens {
    key: hmac::Key,
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl ConsoleTokens {
    /// From raw key bytes.
    pub fn from_key(bytes: &[u8]) -> Self {
        Self { key: hmac::Key::new(hmac::HMAC_SHA256, bytes) }
    }

    /// Loads `DATA_DIR/console.key`, creating it (32 random bytes, 0600) on first use.
    pub fn load_or_create(data_dir: &Path) -> Result<Self, TokenError> {
        let path = data_dir.join(KEY_FILE);
        let err = |reason: String| TokenError::Key { path: path.display().to_string(), reason };
        match std::fs::read(&path) {
            Ok(bytes) if bytes.len() >= 32 => Ok(Self::from_key(&bytes)),
            Ok(_) => Err(err("is shorter than 32 bytes; delete it and restart the master to make a new one".into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let bytes: [u8; 32] = rand::random();
                piccolo_common::files::write_private(&path, &bytes).map_err(|e| err(e.to_string()))?;
                Ok(Self::from_key(&bytes))
            }
            Err(e) => Err(err(e.to_string())),
        }
    }

    /// A token for `name` valid for `ttl`; returns it with its expiry (ms).
    pub fn issue(&self, name: &str, ttl: Duration) -> Result<(String, i64), TokenError> {
        if !valid_name(name) {
            return Err(TokenError::BadName(name.to_string()));
        }
        if ttl.is_zero() || ttl > MAX_TTL {
            return Err(TokenError::BadTtl);
        }
        let expires = now_ms().saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX));
        let payload = format!("{PREFIX}.{name}.{expires}");
        let tag = hmac::sign(&self.key, payload.as_bytes());
        Ok((format!("{payload}.{}", hex::encode(tag.as_ref())), expires))
    }

    /// The token's name when it is genuine and not expired.
    pub fn verify(&self, token: &str) -> Result<String, TokenError> {
        let (payload, sig) = token.rsplit_once('.').ok_or(TokenError::Malformed)?;
        let mut parts = payload.split('.');
        let (Some(PREFIX), Some(name), Some(expires), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let sig = hex::decode(sig).map_err(|_| TokenError::Malformed)?;
        hmac::verify(&self.key, payload.as_bytes(), &sig).map_err(|_| TokenError::BadSignature)?;
        let expires: i64 = expires.parse().map_err(|_| TokenError::Malformed)?;
        if expires <= now_ms() {
            return Err(TokenError::Expired);
        }
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn issue_and_verify() {
        let t = ConsoleTokens::from_key(&[7; 32]);
        let (tok, exp) = t.issue("ops-screen", Duration::from_secs(60)).unwrap();
        assert!(exp > now_ms());
        assert_eq!(t.verify(&tok).unwrap(), "ops-screen");
        let other = ConsoleTokens::from_key(&[8; 32]);
        assert_eq!(other.verify(&tok), Err(TokenError::BadSignature));
        let tampered = tok.replace("ops-screen", "admin");
        assert_eq!(t.verify(&tampered), Err(TokenError::BadSignature));
        assert_eq!(t.verify("nonsense"), Err(TokenError::Malformed));
        assert_eq!(t.verify("pct1.a.1.zz"), Err(TokenError::Malformed));
    }

    #[test]
    fn expired_and_bad_input() {
        let t = ConsoleTokens::from_key(&[7; 32]);
        let payload = format!("pct1.x.{}", now_ms() - 1);
        let tag = hmac::sign(&t.key, payload.as_bytes());
        assert_eq!(t.verify(&format!("{payload}.{}", hex::encode(tag.as_ref()))), Err(TokenError::Expired));
        assert!(matches!(t.issue("Bad Name", Duration::from_secs(1)), Err(TokenError::BadName(_))));
        assert_eq!(t.issue("ok", Duration::ZERO), Err(TokenError::BadTtl));
    }
}
