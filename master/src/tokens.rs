//! Bootstrap tokens (seed 001): `<id>.<secret>` with a TTL and an optional use
//! count, stored with the secret only as a SHA-256 hash. Consuming a use is a
//! compare-and-set on the store, so two masters (etcd) cannot over-spend one.
//! Revoked tokens stay as tombstones until they expire so the error can say
//! "revoked"; a sweeper deletes them a day after they expire (spent ones stay
//! listed as used-up until then).

use std::collections::HashMap;
use std::time::Duration;

use piccolo_common::names::{BootstrapToken, TOKEN_ID_LEN, TOKEN_SECRET_LEN};
use piccolo_common::time::now_ms;
use piccolo_proto::{TokenInfo, TokenRecord, TokenSpend};
use prost::Message;
use rand::Rng;
use thiserror::Error;

use crate::store::{PREFIX, SharedStore, StoreError, token_key};

/// Why a token was not accepted.
#[derive(Debug, Error)]
pub enum TokenError {
    #[error(
        "bootstrap token is malformed: expected <6 chars>.<16 chars> of [a-z0-9] as printed by `piccoloctl token create`"
    )]
    Malformed,
    #[error("bootstrap token {0} is not valid (unknown id or wrong secret); create one with `piccoloctl token create`")]
    Invalid(String),
    #[error("bootstrap token {id} expired {ago}s ago; create a new one with `piccoloctl token create`")]
    Expired { id: String, ago: i64 },
    #[error(
        "bootstrap token {id} has been used {used} of {max} times; create a new one with `piccoloctl token create`"
    )]
    UsedUp { id: String, used: u32, max: u32 },
    #[error("bootstrap token {0} was revoked; create a new one with `piccoloctl token create`")]
    Revoked(String),
    #[error("no bootstrap token with id {0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn sha256(s: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, s.as_bytes()).as_ref().to_vec()
}

fn random_chars(n: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..n).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// Token operations over the store.
#[derive(Clone)]
pub struct Tokens {
    store: SharedStore,
    default_ttl: Duration,
}

impl Tokens {
    pub fn new(store: SharedStore, default_ttl: Duration) -> Self {
        Self { store, default_ttl }
    }

    /// Creates a token; returns its full text (shown once) and its info.
    pub async fn create(
        &self,
        ttl: Option<Duration>,
        uses: u32,
        labels: HashMap<String, String>,
        description: String,
    ) -> Result<(String, TokenInfo), TokenError> {
        let ttl = ttl.unwrap_or(self.default_ttl);
        loop {
            let token = BootstrapToken { id: random_chars(TOKEN_ID_LEN), secret: random_chars(TOKEN_SECRET_LEN) };
            let now = now_ms();
            let info = TokenInfo {
                id: token.id.clone(),
                created_at_ms: now,
                expires_at_ms: now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX)),
                max_uses: uses,
                used: 0,
                revoked: false,
                labels: labels.clone(),
                description: description.clone(),
            };
            let record =
                TokenRecord { info: Some(info.clone()), secret_sha256: sha256(&token.secret), spent: Vec::new() };
            if self.store.put_if(&token_key(&token.id), None, record.encode_to_vec()).await?.is_some() {
                return Ok((token.to_string(), info));
            }
            // Id collision (1 in 2 billion): draw again.
        }
    }

    async fn load(&self, id: &str) -> Result<Option<(TokenRecord, u64)>, TokenError> {
        let key = token_key(id);
        match self.store.get(&key).await? {
            None => Ok(None),
            Some(v) => {
                let rec = TokenRecord::decode(v.value.as_slice())
                    .map_err(|e| StoreError::Decode { key, reason: e.to_string() })?;
                Ok(Some((rec, v.version)))
            }
        }
    }

    /// Checks a token and spends one use for the device with key
    /// `key_sha256`. Returns the token's info (labels). The same device
    /// asking again (its earlier attempt spent a use and left no node
    /// behind, or its answer was lost) is not charged a second use, even
    /// when the token is used up; an empty key is always charged.
    pub async fn consume(&self, token: &str, key_sha256: &str) -> Result<TokenInfo, TokenError> {
        let parsed = BootstrapToken::parse(token).map_err(|_| TokenError::Malformed)?;
        loop {
            let Some((mut rec, version)) = self.load(&parsed.id).await? else {
                return Err(TokenError::Invalid(parsed.id));
            };
            let expected = rec.secret_sha256.clone();
            let got = sha256(&parsed.secret);
            // Comparing SHA-256 digests: timing reveals nothing usable about the secret.
            if expected != got {
                return Err(TokenError::Invalid(parsed.id));
            }
            let info = rec.info.get_or_insert_with(Default::default);
            if info.revoked {
                return Err(TokenError::Revoked(parsed.id));
            }
            let now = now_ms();
            if now >= info.expires_at_ms {
                return Err(TokenError::Expired { id: parsed.id, ago: (now - info.expires_at_ms) / 1000 });
            }
            if !key_sha256.is_empty()
                && rec.spent.iter().any(|s| s.key_sha256 == key_sha256 && now - s.at_ms < RETRY_WINDOW_MS)
            {
                return Ok(info.clone());
            }
            if info.max_uses > 0 && info.used >= info.max_uses {
                return Err(TokenError::UsedUp { id: parsed.id, used: info.used, max: info.max_uses });
            }
            info.used += 1;
            let info = info.clone();
            if !key_sha256.is_empty() {
                rec.spent.push(TokenSpend { key_sha256: key_sha256.to_string(), at_ms: now });
                let extra = rec.spent.len().saturating_sub(SPENT_KEPT);
                rec.spent.drain(..extra);
            }
            if self.store.put_if(&token_key(&parsed.id), Some(version), rec.encode_to_vec()).await?.is_some() {
                return Ok(info);
            }
            // Someone else spent a use concurrently: re-read and re-check.
        }
    }

    /// Gives back one use spent by [`Tokens::consume`] for an enrolment
    /// whose node record could not be written: the device's retry must not
    /// find its token used up by an attempt that left nothing behind.
    pub async fn refund(&self, token: &str, key_sha256: &str) -> Result<(), TokenError> {
        let parsed = BootstrapToken::parse(token).map_err(|_| TokenError::Malformed)?;
        loop {
            let Some((mut rec, version)) = self.load(&parsed.id).await? else { return Ok(()) };
            let Some(at) = rec.spent.iter().rposition(|s| s.key_sha256 == key_sha256) else { return Ok(()) };
            rec.spent.remove(at);
            let info = rec.info.get_or_insert_with(Default::default);
            info.used = info.used.saturating_sub(1);
            if self.store.put_if(&token_key(&parsed.id), Some(version), rec.encode_to_vec()).await?.is_some() {
                return Ok(());
            }
        }
    }

    /// Every token (without secrets).
    pub async fn list(&self) -> Result<Vec<TokenInfo>, TokenError> {
        let mut out = Vec::new();
        for (key, v) in self.store.list(&format!("{PREFIX}tokens/")).await? {
            let rec = TokenRecord::decode(v.value.as_slice())
                .map_err(|e| StoreError::Decode { key, reason: e.to_string() })?;
            out.push(rec.info.unwrap_or_default());
        }
        Ok(out)
    }

    /// Revokes a token by id (a whole token is accepted too).
    pub async fn revoke(&self, id_or_token: &str) -> Result<TokenInfo, TokenError> {
        let id = id_or_token.split('.').next().unwrap_or_default().to_string();
        loop {
            let Some((mut rec, version)) = self.load(&id).await? else {
                return Err(TokenError::NotFound(id));
            };
            let info = rec.info.get_or_insert_with(Default::default);
            info.revoked = true;
            let info = info.clone();
            if self.store.put_if(&token_key(&id), Some(version), rec.encode_to_vec()).await?.is_some() {
                return Ok(info);
            }
        }
    }

    /// Deletes tokens that expired (revoked ones included) or are spent.
    pub async fn sweep(&self) -> Result<usize, TokenError> {
        self.sweep_at(now_ms()).await
    }

    /// [`Self::sweep`] as if it were `now`: a token goes once it expired
    /// [`KEEP_AFTER_EXPIRY_MS`] ago. A spent one stays listed (as used-up)
    /// until then too, so `token list` can show what enrolled; it can no
    /// longer be used either way.
    pub async fn sweep_at(&self, now: i64) -> Result<usize, TokenError> {
        let mut removed = 0;
        for info in self.list().await? {
            if now >= info.expires_at_ms + KEEP_AFTER_EXPIRY_MS && self.store.delete(&token_key(&info.id)).await? {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// How many of the latest uses a token remembers (`TokenRecord.spent`): a
/// retry comes seconds after its first attempt, not 64 enrolments later.
const SPENT_KEPT: usize = 64;

/// How long after a use the same device is not charged again. Short: a
/// device removed or revoked later must come back with a new token.
const RETRY_WINDOW_MS: i64 = 120_000;

/// How long an expired or spent token stays in `token list`.
pub const KEEP_AFTER_EXPIRY_MS: i64 = 24 * 3600 * 1000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EmbeddedStore;
    use std::sync::Arc;

    async fn tokens() -> (Tokens, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tmp");
        let store = EmbeddedStore::open(&dir.path().join("s.redb")).expect("store");
        (Tokens::new(Arc::new(store), Duration::from_secs(600)), dir)
    }

    #[tokio::test]
    async fn token_lifecycle() {
        let (t, _dir) = tokens().await;
        let (tok, info) = t.create(None, 2, HashMap::new(), String::new()).await.expect("create");
        assert!(BootstrapToken::parse(&tok).is_ok());
        assert_eq!(info.max_uses, 2);
        t.consume(&tok, "k1").await.expect("first use");
        t.consume(&tok, "k2").await.expect("second use");
        assert!(matches!(t.consume(&tok, "k3").await, Err(TokenError::UsedUp { used: 2, max: 2, .. })));
        let again = t.consume(&tok, "k1").await.expect("the device that spent a use asks again");
        assert_eq!(again.used, 2, "not charged twice");
        t.refund(&tok, "k2").await.unwrap();
        t.refund(&tok, "k2").await.unwrap();
        assert!(matches!(t.consume(&tok, "k2").await, Ok(TokenInfo { used: 2, .. })), "given back once, spent again");
        assert!(matches!(t.consume(&tok, "").await, Err(TokenError::UsedUp { used: 2, max: 2, .. })));
        // Spent, it stays listed (used-up) until a day after it expires.
        assert_eq!(t.sweep().await.expect("sweep"), 0);
        assert_eq!(t.list().await.expect("list").len(), 1);
        assert_eq!(t.sweep_at(info.expires_at_ms + KEEP_AFTER_EXPIRY_MS).await.expect("sweep"), 1);
        assert!(t.list().await.expect("list").is_empty());
    }

    #[tokio::test]
    async fn wrong_secret_revoked_and_expired_are_distinct_errors() {
        let (t, _dir) = tokens().await;
        let (tok, info) = t.create(None, 0, HashMap::new(), String::new()).await.expect("create");
        let wrong = format!("{}.{}", info.id, "0".repeat(16));
        assert!(matches!(t.consume(&wrong, "k").await, Err(TokenError::Invalid(_))));
        assert!(matches!(t.consume("nope", "k").await, Err(TokenError::Malformed)));
        t.revoke(&info.id).await.expect("revoke");
        assert!(matches!(t.consume(&tok, "k1").await, Err(TokenError::Revoked(_))));
        let (short, _) =
            t.create(Some(Duration::from_millis(1)), 0, HashMap::new(), String::new()).await.expect("create");
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert!(matches!(t.consume(&short, "k").await, Err(TokenError::Expired { .. })));
        let stored = t.store.list(&format!("{PREFIX}tokens/")).await.expect("list");
        for (_, v) in stored {
            let rec = TokenRecord::decode(v.value.as_slice()).expect("decode");
            assert_eq!(rec.secret_sha256.len(), 32, "only the hash is stored");
        }
    }
}
