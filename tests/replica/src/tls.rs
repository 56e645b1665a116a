//! A self-signed certificate made at start, and the rustls configuration that serves it.

use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// The names the certificate is valid for: the real dashboard hosts (reached through host
/// mapping) and the loopback address.
pub const SUBJECT_ALT_NAMES: [&str; 4] = [
    "dashboard.sosonlinebackup.com",
    "dashboard.infrascale.com",
    "localhost",
    "127.0.0.1",
];

/// A rustls server configuration with a fresh self-signed certificate. The ring provider is
/// named explicitly, so this works whatever other rustls provider features the test binary
/// happens to enable.
pub fn server_config() -> anyhow::Result<Arc<rustls::ServerConfig>> {
    let names: Vec<String> = SUBJECT_ALT_NAMES.iter().map(|s| s.to_string()).collect();
    let certified = rcgen::generate_simple_self_signed(names)?;
    let cert: CertificateDer<'static> = certified.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
