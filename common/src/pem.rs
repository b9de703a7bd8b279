//! Reading PEM certificates and keys, and certificate fingerprints.

use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::tls::TlsError;

/// Parses every certificate in a PEM document.
pub fn certs(pem: &str) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs: Vec<_> = rustls_pemfile::certs(&mut pem.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|e| TlsError::Pem(format!("unreadable certificate PEM: {e}")))?;
    if certs.is_empty() {
        return Err(TlsError::Pem("no certificate found in PEM".into()));
    }
    Ok(certs)
}

/// Parses the first private key (PKCS#8, SEC1 or PKCS#1) in a PEM document.
pub fn private_key(pem: &str) -> Result<PrivateKeyDer<'static>, TlsError> {
    rustls_pemfile::private_key(&mut pem.as_bytes())
        .map_err(|e| TlsError::Pem(format!("unreadable private key PEM: {e}")))?
        .ok_or_else(|| TlsError::Pem("no private key found in PEM".into()))
}

/// `sha256:<hex>` of a certificate's DER bytes: the form `--ca-cert-hash` takes.
pub fn fingerprint(der: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, der);
    format!("sha256:{}", hex::encode(digest.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_sha256_hex() {
        assert_eq!(fingerprint(b""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let err = certs("not a pem").expect_err("fails");
        assert!(err.to_string().contains("no certificate"), "{err}");
        assert!(private_key("nope").is_err());
    }
}
