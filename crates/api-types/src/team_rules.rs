//! The contract's rules for invitations and new accounts, shared by the app (before sending)
//! and the backend (which refuses with 422 at the same fields).

use crate::deal_rules::{check_email, check_length, Broken};
use crate::{AcceptInvitation, NewInvitation};

/// A person's name: 2 to 120 characters once trimmed.
pub const NAME_CHARS: (usize, usize) = (2, 120);
/// A password: 12 to 128 characters (spaces count; a passphrase is welcome).
pub const PASSWORD_CHARS: (usize, usize) = (12, 128);
/// Days an invitation link works.
pub const INVITATION_DAYS: i64 = 7;

/// Checks a password as typed (not trimmed: every character counts).
pub fn check_password(password: &str) -> Option<Broken> {
    let (min, max) = PASSWORD_CHARS;
    let rule = match password.chars().count() {
        0 => Some(crate::deal_rules::Rule::Missing),
        n if n < min || n > max => Some(crate::deal_rules::Rule::Length { min, max }),
        _ => None,
    };
    rule.map(|rule| Broken {
        field: "password",
        rule,
    })
}

/// Every rule for an invitation; the address counts as sent, spaces around it included.
pub fn check_invitation(invitation: &NewInvitation) -> Vec<Broken> {
    let too_long = invitation.email.chars().count() > 254;
    check_email(&invitation.email)
        .or(too_long.then_some(crate::deal_rules::Rule::NotAnEmail))
        .map(|rule| Broken {
            field: "email",
            rule,
        })
        .into_iter()
        .collect()
}

/// Every rule for accepting an invitation, in field order.
pub fn check_acceptance(acceptance: &AcceptInvitation) -> Vec<Broken> {
    check_length(&acceptance.name, NAME_CHARS)
        .map(|rule| Broken {
            field: "name",
            rule,
        })
        .into_iter()
        .chain(check_password(&acceptance.password))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserRole;

    #[test]
    fn invitations_need_an_email() {
        let invite = |email: &str| NewInvitation {
            email: email.into(),
            role: UserRole::Member,
        };
        assert_eq!(check_invitation(&invite("noor@example.com")), vec![]);
        assert_eq!(check_invitation(&invite("noor"))[0].field, "email");
        let padded = format!("\u{85}noor@example.com{}", " ".repeat(250));
        assert_eq!(check_invitation(&invite(&padded)).len(), 1);
    }

    #[test]
    fn passwords_count_every_character_and_names_are_trimmed() {
        let accept = |name: &str, password: &str| AcceptInvitation {
            token: "t".into(),
            name: name.into(),
            password: password.into(),
        };
        assert_eq!(
            check_acceptance(&accept("Noor Haddad", "twelve chars")),
            vec![]
        );
        let fields = |a: &AcceptInvitation| {
            check_acceptance(a)
                .iter()
                .map(|b| b.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(&accept(" N ", "eleven char")), ["name", "password"]);
        assert_eq!(fields(&accept("Noor", &"x".repeat(129))), ["password"]);
    }
}
