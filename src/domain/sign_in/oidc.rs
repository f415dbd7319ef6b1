//! The pure parts of signing in through the vendor's OpenID Connect provider (Authorization
//! Code flow with PKCE): the addresses and bodies sent, the provider's answer on return, and
//! the checks on its ID token (issuer, audience, nonce, expiry). The ID token comes straight
//! from the token endpoint over TLS, which OpenID Connect Core (3.1.3.7) accepts in place of
//! checking its signature; the backend checks every access token's signature itself.

use crate::text::i18n::{t, tr};
use api_types::encode;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5), as PKCE and JWTs use it.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url without padding; `None` on any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|a| *a == c)? as u32;
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// What the provider's discovery document tells the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// Where the partner signs in.
    pub authorization: String,
    /// Where the code is exchanged for tokens.
    pub token: String,
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
}

/// The endpoints from `/.well-known/openid-configuration` (its text), if it is this issuer's.
pub fn endpoints(discovery: &str, issuer: &str) -> Result<Endpoints, String> {
    let discovery: Discovery =
        serde_json::from_str(discovery).map_err(|_| t("sign_in.no_discovery"))?;
    if discovery.issuer != issuer {
        return Err(t("sign_in.other_issuer"));
    }
    Ok(Endpoints {
        authorization: discovery.authorization_endpoint,
        token: discovery.token_endpoint,
    })
}

/// The token endpoint's answer (its text): the access token and the ID token, if both came.
pub fn tokens(answer: &str) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Tokens {
        access_token: String,
        id_token: String,
    }
    let tokens: Tokens = serde_json::from_str(answer).ok()?;
    Some((tokens.access_token, tokens.id_token))
}

/// The secrets one sign-in carries from the redirect to the return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Ties the return to this browser's request (against forged returns).
    pub state: String,
    /// Ties the ID token to this request (against replayed tokens).
    pub nonce: String,
    /// The PKCE verifier; only its SHA-256 leaves with the redirect.
    pub verifier: String,
}

/// The provider's sign-in address for an attempt; `challenge` is base64url(SHA-256(verifier)).
pub fn authorization_url(
    endpoint: &str,
    client_id: &str,
    redirect_uri: &str,
    scopes: &str,
    attempt: &Attempt,
    challenge: &str,
) -> String {
    let pairs = [
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", redirect_uri),
        ("scope", scopes),
        ("state", &attempt.state),
        ("nonce", &attempt.nonce),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ];
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    let joiner = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{joiner}{}", query.join("&"))
}

/// The form body that exchanges the code for tokens.
pub fn token_request(code: &str, redirect_uri: &str, client_id: &str, verifier: &str) -> String {
    format!(
        "grant_type=authorization_code&code={}&redirect_uri={}&client_id={}&code_verifier={}",
        encode(code),
        encode(redirect_uri),
        encode(client_id),
        encode(verifier)
    )
}

/// The code from the provider's return, if its `state` is the attempt's under way (if any);
/// else what went wrong.
pub fn returned_code(
    code: Option<&str>,
    state: Option<&str>,
    error: Option<&str>,
    expected_state: Option<&str>,
) -> Result<String, String> {
    if let Some(error) = error {
        return Err(match error {
            "access_denied" => t("sign_in.cancelled"),
            other => tr("sign_in.provider_refused", &[("why", &other)]),
        });
    }
    match (code, state) {
        (Some(code), Some(state)) if Some(state) == expected_state => Ok(code.to_owned()),
        _ => Err(t("sign_in.not_started_here")),
    }
}

/// An ID token's claims that the portal checks.
#[derive(Deserialize)]
struct Claims {
    iss: String,
    aud: Audience,
    nonce: Option<String>,
    exp: i64,
}

/// `aud`: one client id, or several.
struct Audience(Vec<String>);

impl<'de> Deserialize<'de> for Audience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Audience;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a client id or a list of them") // text: for serde
            }
            fn visit_str<E: serde::de::Error>(self, one: &str) -> Result<Audience, E> {
                Ok(Audience(vec![one.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut many: A) -> Result<Audience, A::Error> {
                let mut all = Vec::new();
                while let Some(one) = many.next_element::<String>()? {
                    all.push(one);
                }
                Ok(Audience(all))
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}

/// Checks an ID token's claims: this issuer, this client, this attempt's nonce, not expired.
pub fn check_id_token(
    id_token: &str,
    issuer: &str,
    client_id: &str,
    nonce: &str,
    now: i64,
) -> Result<(), String> {
    let claims = id_token
        .split('.')
        .nth(1)
        .and_then(base64url_decode)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| serde_json::from_str::<Claims>(&text).ok());
    let ok = claims.is_some_and(|c| {
        c.iss == issuer
            && c.aud.0.iter().any(|a| a == client_id)
            && c.nonce.as_deref() == Some(nonce)
            && c.exp > now
    });
    ok.then_some(()).ok_or_else(|| t("sign_in.untrusted"))
}

/// What waits in session storage during an attempt: its secrets, the token endpoint and where
/// to go next, one per line (none of them holds a line break).
pub fn save_attempt(attempt: &Attempt, token_endpoint: &str, next: &str) -> String {
    [
        &attempt.state,
        &attempt.nonce,
        &attempt.verifier,
        token_endpoint,
        next,
    ]
    .map(|s| s.replace('\n', ""))
    .join("\n")
}

/// The attempt, token endpoint and next path from [`save_attempt`]'s text.
pub fn load_attempt(text: &str) -> Option<(Attempt, String, String)> {
    let mut lines = text.split('\n').map(str::to_owned);
    let mut line = || lines.next();
    let attempt = Attempt {
        state: line()?,
        nonce: line()?,
        verifier: line()?,
    };
    Some((attempt, line()?, line()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn base64url_round_trips_and_matches_rfc_7636() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", &[0xfb, 0xff, 0xfe]] {
            assert_eq!(base64url_decode(&base64url(bytes)).unwrap(), bytes);
        }
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        // RFC 7636, appendix B: the verifier's SHA-256, encoded.
        let digest = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120,
            173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(
            base64url(&digest),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(base64url_decode("a=b"), None);
    }

    fn attempt() -> Attempt {
        Attempt {
            state: "s1".into(),
            nonce: "n1".into(),
            verifier: "v1".into(),
        }
    }

    #[test]
    fn the_redirect_carries_the_challenge_and_never_the_verifier() {
        let url = authorization_url(
            "https://id.example.com/auth",
            "portal",
            "https://p.example.com/sign-in",
            "openid email",
            &attempt(),
            "CH",
        );
        assert_eq!(
            url,
            "https://id.example.com/auth?response_type=code&client_id=portal&redirect_uri=https%3A%2F%2Fp.example.com%2Fsign-in&scope=openid%20email&state=s1&nonce=n1&code_challenge=CH&code_challenge_method=S256"
        );
        assert!(!url.contains("v1"));
        assert!(token_request("c", "r", "portal", "v1").ends_with("code_verifier=v1"));
    }

    #[test]
    fn a_return_counts_only_with_this_attempts_state() {
        assert_eq!(
            returned_code(Some("c"), Some("s1"), None, Some("s1")),
            Ok("c".into())
        );
        assert!(returned_code(Some("c"), Some("forged"), None, Some("s1")).is_err());
        assert!(
            returned_code(Some("c"), Some("s1"), None, None).is_err(),
            "no attempt under way"
        );
        assert!(returned_code(None, Some("s1"), Some("access_denied"), None)
            .unwrap_err()
            .contains("cancelled"));
    }

    #[test]
    fn the_id_token_must_name_this_issuer_client_and_nonce_and_be_fresh() {
        let token = |claims: Value| format!("h.{}.sig", base64url(claims.to_string().as_bytes()));
        let good = json!({"iss": "https://id", "aud": ["portal"], "nonce": "n1", "exp": 200});
        assert_eq!(
            check_id_token(&token(good.clone()), "https://id", "portal", "n1", 100),
            Ok(())
        );
        for (field, value) in [
            ("iss", json!("https://evil")),
            ("aud", json!("other")),
            ("nonce", json!("n2")),
            ("exp", json!(50)),
        ] {
            let mut claims = good.clone();
            claims[field] = value;
            assert!(
                check_id_token(&token(claims), "https://id", "portal", "n1", 100).is_err(),
                "{field}"
            );
        }
        assert!(check_id_token("not a jwt", "https://id", "portal", "n1", 100).is_err());
        let discovery = json!({"issuer": "https://id", "authorization_endpoint": "https://id/a", "token_endpoint": "https://id/t"}).to_string();
        assert_eq!(
            endpoints(&discovery, "https://id").unwrap().token,
            "https://id/t"
        );
        assert!(endpoints(&discovery, "https://other").is_err());
        assert_eq!(
            tokens(r#"{"access_token":"a","id_token":"i","expires_in":600}"#),
            Some(("a".into(), "i".into()))
        );
        assert_eq!(tokens(r#"{"error":"invalid_grant"}"#), None);
        let saved = save_attempt(&attempt(), "https://id/t", "/deals?q=a");
        assert_eq!(
            load_attempt(&saved),
            Some((attempt(), "https://id/t".into(), "/deals?q=a".into()))
        );
        assert_eq!(load_attempt("s1\nn1"), None);
    }
}
