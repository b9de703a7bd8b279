//! Names and formats every side must agree on: node names, bootstrap tokens,
//! and the certificate subject that carries a caller's role.

use thiserror::Error;

/// Organization (O=) of node certificates.
pub const NODE_ORG: &str = "piccolo:node";
/// Organization (O=) of admin certificates.
pub const ADMIN_ORG: &str = "piccolo:admin";
/// Organization (O=) of read-only viewer certificates.
pub const VIEWER_ORG: &str = "piccolo:viewer";

/// What is wrong with a name or token a user gave.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum NameError {
    #[error(
        "node name {0:?} is invalid: use 1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit"
    )]
    NodeName(String),
    #[error("token is malformed: expected <6 chars>.<16 chars> of [a-z0-9] (as printed by `piccoloctl token create`)")]
    TokenFormat,
}

/// Checks a node name: a DNS label (RFC 1123), lower case.
pub fn validate_node_name(name: &str) -> Result<(), NameError> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if ok { Ok(()) } else { Err(NameError::NodeName(name.to_string())) }
}

/// Turns a hostname into a valid node name (lower case, invalid characters to '-').
pub fn node_name_from_hostname(hostname: &str) -> String {
    let mut s: String = hostname
        .split('.')
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '-' }
        })
        .collect();
    s.truncate(63);
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "node".to_string() } else { s }
}

/// Length of a token id.
pub const TOKEN_ID_LEN: usize = 6;
/// Length of a token secret.
pub const TOKEN_SECRET_LEN: usize = 16;

/// A bootstrap token split into its public id and its secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootstrapToken {
    pub id: String,
    pub secret: String,
}

impl BootstrapToken {
    /// Parses `<id>.<secret>`.
    pub fn parse(token: &str) -> Result<Self, NameError> {
        let (id, secret) = token.trim().split_once('.').ok_or(NameError::TokenFormat)?;
        let valid =
            |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if valid(id, TOKEN_ID_LEN) && valid(secret, TOKEN_SECRET_LEN) {
            Ok(Self { id: id.to_string(), secret: secret.to_string() })
        } else {
            Err(NameError::TokenFormat)
        }
    }

    /// Checks a token id on its own (for `token revoke ID`).
    pub fn is_valid_id(id: &str) -> bool {
        id.len() == TOKEN_ID_LEN && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }
}

impl std::fmt::Display for BootstrapToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.id, self.secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_names() {
        for good in ["a", "node-1", "rpi4", &"x".repeat(63)] {
            assert_eq!(validate_node_name(good), Ok(()), "{good}");
        }
        for bad in ["", "-a", "a-", "A", "a_b", "a.b", &"x".repeat(64)] {
            assert!(validate_node_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hostnames_become_valid_names() {
        assert_eq!(node_name_from_hostname("My_Host.local"), "my-host");
        assert_eq!(node_name_from_hostname("---"), "node");
        assert_eq!(validate_node_name(&node_name_from_hostname(&"Ab".repeat(80))), Ok(()));
    }

    #[test]
    fn tokens() {
        let t = BootstrapToken::parse("abc123.0123456789abcdef").expect("valid");
        assert_eq!(t.id, "abc123");
        assert_eq!(t.to_string(), "abc123.0123456789abcdef");
        for bad in [
            "abc123",
            "abc12.0123456789abcdef",
            "ABC123.0123456789abcdef",
            "abc123.0123456789abcdeg!",
            "abc123.0123456789abcde",
        ] {
            assert_eq!(BootstrapToken::parse(bad), Err(NameError::TokenFormat), "{bad}");
        }
    }
}
