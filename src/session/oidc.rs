//! Signing in through the vendor's OpenID Connect provider, in the browser: the redirect with
//! PKCE, and on return the code exchanged for tokens at the provider's token endpoint. The
//! access token is kept in memory only; the one-time secrets of an attempt wait in this tab's
//! session storage while the partner is at the provider, and are removed when they return.

use gloo_net::http::Request;
use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

use crate::domain::sign_in::oidc::{
    authorization_url, base64url, check_id_token, endpoints, load_attempt, returned_code,
    save_attempt, token_request, tokens, Attempt, Endpoints,
};
use crate::platform::config::SignInProvider;
use crate::text::i18n::t;

/// Session storage key of the attempt under way.
const ATTEMPT: &str = "pp-oidc-attempt";

/// Goes to the provider to sign in; `redirect_uri` is this portal's sign-in page, and `next`
/// where to go after. Answers only on failure (on success the page is left).
pub async fn start(
    provider: &SignInProvider,
    redirect_uri: &str,
    next: &str,
) -> Result<(), String> {
    let endpoints = discover(provider).await?;
    let attempt = Attempt {
        state: random()?,
        nonce: random()?,
        verifier: random()?,
    };
    let challenge = base64url(&sha256(&attempt.verifier).await?);
    session_storage()?
        .set_item(ATTEMPT, &save_attempt(&attempt, &endpoints.token, next))
        .map_err(|_| unavailable())?;
    let url = authorization_url(
        &endpoints.authorization,
        &provider.client_id,
        redirect_uri,
        &provider.scopes,
        &attempt,
        &challenge,
    );
    web_sys::window()
        .ok_or_else(unavailable)?
        .location()
        .assign(&url)
        .map_err(|_| unavailable())
}

/// On return from the provider: the access token and where to go next, or what went wrong.
pub async fn finish(
    provider: &SignInProvider,
    redirect_uri: &str,
    code: Option<&str>,
    state: Option<&str>,
    error: Option<&str>,
) -> Result<(String, String), String> {
    let storage = session_storage()?;
    let saved = storage.get_item(ATTEMPT).ok().flatten().unwrap_or_default();
    // One attempt, one return: a reload or a replayed address cannot use it again.
    let _ = storage.remove_item(ATTEMPT);
    let loaded = load_attempt(&saved);
    let code = returned_code(
        code,
        state,
        error,
        loaded.as_ref().map(|(a, ..)| a.state.as_str()),
    )?;
    let Some((attempt, token_endpoint, next)) = loaded else {
        return Err(t("sign_in.not_started_here").into());
    };
    let answer = Request::post(&token_endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .body(token_request(
            &code,
            redirect_uri,
            &provider.client_id,
            &attempt.verifier,
        ))
        .map_err(|_| unreachable())?
        .send()
        .await
        .map_err(|_| unreachable())?;
    let text = answer.text().await.map_err(|_| unreachable())?;
    let Some((access, id_token)) = tokens(&text).filter(|_| answer.ok()) else {
        return Err(t("sign_in.provider_failed").into());
    };
    let now = (js_sys::Date::now() / 1000.0) as i64;
    check_id_token(
        &id_token,
        &provider.issuer,
        &provider.client_id,
        &attempt.nonce,
        now,
    )?;
    Ok((access, next))
}

async fn discover(provider: &SignInProvider) -> Result<Endpoints, String> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        provider.issuer.trim_end_matches('/')
    );
    let answer = Request::get(&url).send().await.map_err(|_| unreachable())?;
    let discovery = answer.text().await.map_err(|_| unreachable())?;
    endpoints(&discovery, &provider.issuer)
}

/// 32 random bytes from the browser's cryptographic generator, base64url.
fn random() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or_else(unavailable)?;
    Ok(base64url(&bytes))
}

async fn sha256(text: &str) -> Result<Vec<u8>, String> {
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(unavailable)?;
    let data = Uint8Array::from(text.as_bytes());
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", &data)
        .map_err(|_| unavailable())?;
    let digest = JsFuture::from(promise).await.map_err(|_| unavailable())?;
    Ok(Uint8Array::new(&digest).to_vec())
}

fn session_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .ok_or_else(unavailable)
}

fn unavailable() -> String {
    { t("sign_in.no_crypto") }.into()
}

fn unreachable() -> String {
    { t("sign_in.provider_unreachable") }.into()
}
