//! Passwords, hashed with Argon2id (the `argon2` crate's defaults: 19 MiB, two passes) and a
//! random salt each; checked in constant time.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::{AppError, AppResult};

/// The PHC string of `password` with a new salt.
pub fn hash_password(password: &str) -> AppResult<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Internal(format!("no randomness: {e}")))?;
    let salt = SaltString::encode_b64(&bytes)
        .map_err(|e| AppError::Internal(format!("cannot make a salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::Internal(format!("cannot hash a password: {e}")))
}

/// Whether `password` matches `hash`. Without a hash (an unknown e-mail, an account with no
/// password), one is checked anyway, so the answer takes as long and says nothing more.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    static DECOY: OnceLock<String> = OnceLock::new();
    let decoy =
        DECOY.get_or_init(|| hash_password("decoy password, never matches").unwrap_or_default());
    let (stored, real) = match hash {
        Some(hash) => (hash, true),
        None => (decoy.as_str(), false),
    };
    let matches = PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    });
    matches && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_matches_only_its_own_hash() {
        let hash = hash_password("partner-demo").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(!hash.contains("partner-demo"));
        assert!(verify_password("partner-demo", Some(&hash)));
        assert!(!verify_password("partner-dem0", Some(&hash)));
        assert!(!verify_password("partner-demo", None));
        assert!(!verify_password("partner-demo", Some("not a hash")));
        assert_ne!(
            hash,
            hash_password("partner-demo").unwrap(),
            "each hash has its own salt"
        );
    }
}
