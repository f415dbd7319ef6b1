//! The team page and joining by invitation: the invite and join forms checked by the
//! contract's rules (from `api-types`) in a partner's words, the invitation link, and what on a
//! member needs the admin's attention.

use crate::text::i18n::{t, tr};
use api_types::team_rules::{check_acceptance, check_invitation, PASSWORD_CHARS};
use api_types::{
    AcceptInvitation, CertificationStatus, FieldError, NewInvitation, TeamMember, UserRole,
};

/// The roles an admin can give, in the order the form offers them, with their wire values.
pub const ROLES: [(UserRole, &str); 2] = [(UserRole::Member, "member"), (UserRole::Admin, "admin")];

/// The role with this wire value (a `<select>`'s value), if any.
pub fn role_from(value: &str) -> Option<UserRole> {
    ROLES.iter().find(|(_, v)| *v == value).map(|(r, _)| *r)
}

/// The invitation form as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteDraft {
    /// The teammate's e-mail.
    pub email: String,
    /// Their role's wire value.
    pub role: String,
}

impl Default for InviteDraft {
    fn default() -> Self {
        Self {
            email: String::new(),
            role: "member".into(),
        }
    }
}

impl InviteDraft {
    /// The invitation to send, or the fields to fix.
    pub fn validate(&self) -> Result<NewInvitation, Vec<FieldError>> {
        let invitation = NewInvitation {
            email: self.email.trim().to_owned(),
            role: role_from(&self.role).unwrap_or(UserRole::Member),
        };
        if check_invitation(&invitation).is_empty() {
            Ok(invitation)
        } else {
            Err(vec![FieldError::new("email", &t("team.invite_email"))])
        }
    }
}

/// The join form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinDraft {
    /// Their name as they write it.
    pub name: String,
    /// The password they choose, exactly as typed.
    pub password: String,
}

impl JoinDraft {
    /// The acceptance to send with the link's secret, or every field to fix.
    pub fn validate(&self, token: &str) -> Result<AcceptInvitation, Vec<FieldError>> {
        let acceptance = AcceptInvitation {
            token: token.to_owned(),
            name: self.name.trim().to_owned(),
            password: self.password.clone(),
        };
        let errors: Vec<FieldError> = check_acceptance(&acceptance)
            .into_iter()
            .map(|broken| match broken.field {
                "name" => FieldError::new("name", &t("join.name_length")),
                _ => FieldError::new("password", &password_hint()),
            })
            .collect();
        if errors.is_empty() {
            Ok(acceptance)
        } else {
            Err(errors)
        }
    }
}

/// What a good password is, said once for the hint and the error.
pub fn password_hint() -> String {
    let (min, max) = PASSWORD_CHARS;
    tr("join.password_hint", &[("min", &min), ("max", &max)])
}

/// The secret from an invitation link's fragment (`#<token>`): letters and digits only, so
/// nothing else in an address is ever sent as one.
pub fn invitation_token(fragment: &str) -> Option<String> {
    let token = fragment.strip_prefix('#').unwrap_or(fragment);
    ((16..=200).contains(&token.len()) && token.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| token.to_owned())
}

/// The link an invitee opens: the portal's join page with the secret after `#`.
pub fn invitation_link(origin: &str, base: &str, token: &str) -> String {
    format!("{origin}{}/join#{token}", base.trim_end_matches('/'))
}

/// Certifications of a member that have lapsed or lapse within 60 days: what an admin acts on.
pub fn attention(member: &TeamMember) -> usize {
    member
        .certifications
        .iter()
        .filter(|c| {
            matches!(
                c.status,
                CertificationStatus::Expiring | CertificationStatus::Expired
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{HeldCertification, PartnerUser};

    #[test]
    fn an_invitation_needs_an_email_and_keeps_the_role() {
        let draft = InviteDraft {
            email: " noor@lumiere-cloud.fr ".into(),
            role: "admin".into(),
        };
        let invitation = draft.validate().unwrap();
        assert_eq!(invitation.email, "noor@lumiere-cloud.fr");
        assert_eq!(invitation.role, UserRole::Admin);
        let errors = InviteDraft::default().validate().unwrap_err();
        assert_eq!(errors[0].field, "email");
    }

    #[test]
    fn joining_needs_a_name_and_a_long_enough_password() {
        let draft = JoinDraft {
            name: "  Noor Haddad ".into(),
            password: "short".into(),
        };
        let errors = draft.validate("t").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "password");
        let draft = JoinDraft {
            password: "a long passphrase".into(),
            ..draft
        };
        assert_eq!(draft.validate("t").unwrap().name, "Noor Haddad");
    }

    #[test]
    fn only_a_plain_token_is_read_from_the_fragment() {
        let token = "9c1f0e7a2b4d6c8e0f1a3b5c7d9e1f2a";
        assert_eq!(
            invitation_token(&format!("#{token}")).as_deref(),
            Some(token)
        );
        assert_eq!(invitation_token(""), None);
        assert_eq!(invitation_token("#short"), None);
        assert_eq!(invitation_token("#9c1f0e7a2b4d6c8e/../x?y=1"), None);
        assert_eq!(
            invitation_link("https://partners.example.com", "/portal/", token),
            format!("https://partners.example.com/portal/join#{token}")
        );
        assert_eq!(
            invitation_link("http://127.0.0.1:8080", "", token),
            format!("http://127.0.0.1:8080/join#{token}")
        );
    }

    #[test]
    fn expiring_and_expired_certifications_need_attention() {
        let held = |status| HeldCertification {
            id: "c".into(),
            name: "C".into(),
            status,
            expires_on: None,
        };
        let member = TeamMember {
            user: PartnerUser {
                id: "u".into(),
                name: "U".into(),
                email: "u@x.io".into(),
                role: UserRole::Member,
            },
            certifications: vec![
                held(CertificationStatus::Earned),
                held(CertificationStatus::Expiring),
                held(CertificationStatus::Expired),
            ],
            courses_in_progress: vec![],
            courses_completed: 0,
        };
        assert_eq!(attention(&member), 2);
        assert_eq!(role_from("admin"), Some(UserRole::Admin));
        assert_eq!(role_from("owner"), None);
    }
}
