//! Access tokens from the vendor's OpenID Connect provider: a JWT is accepted only when its
//! signature verifies with a key from the provider's JWKS (an asymmetric algorithm, never
//! `none` or a shared secret), and its issuer, audience and expiry are right. Keys are fetched
//! on first use and again when a token names a key not seen yet (at most once a minute).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// The provider a backend trusts: who issues tokens, and the audience they must be for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OidcSettings {
    /// The issuer's URL exactly as its tokens' `iss` says it (`https://`, or `http://` on
    /// loopback for tests).
    pub issuer: String,
    /// The `aud` an access token for this API carries.
    pub audience: String,
}

/// Who a valid token speaks for: its `email` claim if it has one, else its subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity(pub String);

/// The algorithms a provider may sign with: public-key ones only.
const ALGORITHMS: [Algorithm; 9] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

/// The soonest the keys are fetched again for an unknown key id.
const REFETCH_AFTER: Duration = Duration::from_secs(60);

/// Verifies access tokens against one provider.
pub struct Oidc {
    settings: OidcSettings,
    client: reqwest::Client,
    keys: Mutex<Option<(JwkSet, Instant)>>,
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    email: Option<String>,
}

impl Oidc {
    /// A verifier for `settings`; fails on an issuer that is neither HTTPS nor loopback HTTP.
    pub fn new(settings: OidcSettings) -> Result<Self, String> {
        if !trusted_url(&settings.issuer) {
            return Err(format!(
                "the OpenID issuer must be an https:// URL (or http:// on loopback), got {:?}",
                settings.issuer
            ));
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("cannot make an HTTP client: {e}"))?;
        Ok(Self {
            settings,
            client,
            keys: Mutex::new(None),
        })
    }

    /// Whom a token speaks for, if it is a valid access token of this provider for this API.
    pub async fn verify(&self, token: &str) -> Option<Identity> {
        let header = decode_header(token).ok()?;
        if !ALGORITHMS.contains(&header.alg) {
            return None;
        }
        let key = self.key(header.kid.as_deref()).await?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        let claims = decode::<Claims>(token, &key, &validation).ok()?.claims;
        Some(Identity(claims.email.unwrap_or(claims.sub)))
    }

    /// The key with this id (or the only key, for a token that names none).
    async fn key(&self, kid: Option<&str>) -> Option<DecodingKey> {
        let find = |set: &JwkSet| -> Option<DecodingKey> {
            let jwk = match kid {
                Some(kid) => set.find(kid),
                None if set.keys.len() == 1 => set.keys.first(),
                None => None,
            }?;
            DecodingKey::from_jwk(jwk).ok()
        };
        let stale = {
            let keys = self.keys.lock().ok()?;
            if let Some(key) = keys.as_ref().and_then(|(set, _)| find(set)) {
                return Some(key);
            }
            keys.as_ref()
                .is_none_or(|(_, at)| at.elapsed() >= REFETCH_AFTER)
        };
        if !stale {
            return None;
        }
        match self.fetch_keys().await {
            Ok(set) => {
                let key = find(&set);
                *self.keys.lock().ok()? = Some((set, Instant::now()));
                key
            }
            Err(error) => {
                eprintln!("portal-server: cannot read the OpenID provider's keys: {error}");
                None
            }
        }
    }

    async fn fetch_keys(&self) -> Result<JwkSet, String> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.settings.issuer.trim_end_matches('/')
        );
        let discovery: Discovery = self.get_json(&url).await?;
        if discovery.issuer != self.settings.issuer {
            return Err(format!(
                "the provider calls itself {:?}, not {:?}",
                discovery.issuer, self.settings.issuer
            ));
        }
        if !trusted_url(&discovery.jwks_uri) {
            return Err(format!("untrusted jwks_uri {:?}", discovery.jwks_uri));
        }
        self.get_json(&discovery.jwks_uri).await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, String> {
        let response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| format!("{url}: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("{url}: HTTP {}", response.status()));
        }
        response.json().await.map_err(|e| format!("{url}: {e}"))
    }
}

/// HTTPS anywhere, or plain HTTP to a loopback address (a provider started by the tests).
pub fn trusted_url(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::trusted_url;

    #[test]
    fn only_https_or_loopback_http_is_trusted() {
        assert!(trusted_url("https://id.example.com/realms/partners"));
        assert!(trusted_url("http://127.0.0.1:9000"));
        assert!(trusted_url("http://localhost:9000/oidc"));
        assert!(!trusted_url("http://id.example.com"));
        assert!(!trusted_url("http://127.0.0.1.evil.example/"));
        assert!(!trusted_url("ftp://127.0.0.1/"));
    }
}
