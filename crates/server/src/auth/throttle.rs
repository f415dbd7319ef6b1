//! Failed sign-ins, counted per account and per address in a sliding window: past the limit,
//! sign-in is refused (429) until the oldest failure leaves the window.

use std::collections::HashMap;
use std::sync::Mutex;

/// The window failures are counted in, in seconds.
const WINDOW: i64 = 15 * 60;
/// Failures one account may have in the window.
const PER_ACCOUNT: usize = 5;
/// Failures one address may have in the window (an office may share one).
const PER_ADDRESS: usize = 20;
/// Keys kept before expired ones are swept, so the map cannot grow without end.
const SWEEP_AT: usize = 10_000;

/// Recent failures by key (`account:<e-mail>`, `address:<ip>`), as Unix seconds.
#[derive(Default)]
pub struct SignInThrottle(Mutex<HashMap<String, Vec<i64>>>);

impl SignInThrottle {
    /// `Err(seconds)` if either key is over its limit now.
    pub fn check(&self, email: &str, address: &str, now: i64) -> Result<(), u64> {
        let Ok(mut map) = self.0.lock() else {
            return Ok(());
        };
        let mut wait = 0;
        for (key, limit) in [
            (account(email), PER_ACCOUNT),
            (format!("address:{address}"), PER_ADDRESS),
        ] {
            if let Some(times) = map.get_mut(&key) {
                times.retain(|t| now - t < WINDOW);
                if times.len() >= limit {
                    wait = wait.max(times[times.len() - limit] + WINDOW - now);
                }
            }
        }
        if wait > 0 {
            Err(wait as u64)
        } else {
            Ok(())
        }
    }

    /// Counts a failed sign-in against both keys.
    pub fn failed(&self, email: &str, address: &str, now: i64) {
        let Ok(mut map) = self.0.lock() else { return };
        if map.len() >= SWEEP_AT {
            map.retain(|_, times| times.iter().any(|t| now - t < WINDOW));
        }
        for key in [account(email), format!("address:{address}")] {
            map.entry(key).or_default().push(now);
        }
    }

    /// A successful sign-in clears the account's failures (not the address's).
    pub fn succeeded(&self, email: &str) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(&account(email));
        }
    }
}

fn account(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_locks_after_five_failures_and_unlocks_after_the_window() {
        let throttle = SignInThrottle::default();
        for i in 0..5 {
            assert_eq!(throttle.check("A@example.com", "1.2.3.4", 100 + i), Ok(()));
            throttle.failed("a@example.com", "1.2.3.4", 100 + i);
        }
        assert_eq!(throttle.check("a@example.com", "5.6.7.8", 110), Err(890));
        assert_eq!(throttle.check("b@example.com", "1.2.3.4", 110), Ok(()));
        assert_eq!(
            throttle.check("a@example.com", "1.2.3.4", 100 + WINDOW),
            Ok(())
        );
        throttle.succeeded("a@example.com");
        assert_eq!(throttle.check("a@example.com", "1.2.3.4", 110), Ok(()));
    }

    #[test]
    fn an_address_locks_after_twenty_failures_across_accounts() {
        let throttle = SignInThrottle::default();
        for i in 0..20 {
            throttle.failed(&format!("user{i}@example.com"), "9.9.9.9", 100);
        }
        assert!(throttle.check("new@example.com", "9.9.9.9", 101).is_err());
        assert_eq!(throttle.check("new@example.com", "8.8.8.8", 101), Ok(()));
    }
}
