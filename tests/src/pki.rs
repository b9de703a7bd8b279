//! A throwaway PKI for TLS tests of third-party servers (etcd): a CA, a
//! serving certificate for 127.0.0.1/localhost and a client certificate, as
//! PEM files in a directory.

use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
};

/// Paths of the files [`make`] wrote.
#[derive(Debug, Clone)]
pub struct Pki {
    pub ca: PathBuf,
    pub server_cert: PathBuf,
    pub server_key: PathBuf,
    pub client_cert: PathBuf,
    pub client_key: PathBuf,
}

fn leaf(issuer: &Issuer<'_, KeyPair>, cn: &str, sans: Vec<String>, server: bool) -> (String, String) {
    let key = KeyPair::generate().unwrap_or_else(|e| panic!("key: {e}"));
    let mut p = CertificateParams::new(sans).unwrap_or_else(|e| panic!("params: {e}"));
    p.distinguished_name.push(DnType::CommonName, cn);
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
    p.extended_key_usages = if server {
        vec![ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth]
    } else {
        vec![ExtendedKeyUsagePurpose::ClientAuth]
    };
    let cert = p.signed_by(&key, issuer).unwrap_or_else(|e| panic!("sign: {e}"));
    (cert.pem(), key.serialize_pem())
}

/// Writes a CA, a server and a client certificate into `dir`.
pub fn make(dir: &Path) -> Pki {
    let ca_key = KeyPair::generate().unwrap_or_else(|e| panic!("key: {e}"));
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap_or_else(|e| panic!("params: {e}"));
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "piccolo test CA");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_pem = ca.self_signed(&ca_key).unwrap_or_else(|e| panic!("self sign: {e}")).pem();
    let issuer = Issuer::new(ca, ca_key);
    let (server_cert, server_key) = leaf(&issuer, "etcd", vec!["127.0.0.1".into(), "localhost".into()], true);
    let (client_cert, client_key) = leaf(&issuer, "piccolo-master", Vec::new(), false);
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        p
    };
    Pki {
        ca: write("ca.crt", &ca_pem),
        server_cert: write("server.crt", &server_cert),
        server_key: write("server.key", &server_key),
        client_cert: write("client.crt", &client_cert),
        client_key: write("client.key", &client_key),
    }
}
