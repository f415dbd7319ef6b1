//! The sign-in form's rules: both fields are needed, and what the backend's answer means for
//! the partner (a field to fix, or a pause to wait out).

pub mod oidc;

use crate::text::i18n::t;
use api_types::{problem_code, FieldError, SignIn};

/// What the partner typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Credentials {
    /// Work e-mail.
    pub email: String,
    /// Password, exactly as typed (spaces count).
    pub password: String,
}

impl Credentials {
    /// The request, or the fields to fill in.
    pub fn validate(&self) -> Result<SignIn, Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(FieldError::new("email", &t("sign_in.enter_email")));
        } else if !email.contains('@') {
            errors.push(FieldError::new("email", &t("form.email_like")));
        }
        if self.password.is_empty() {
            errors.push(FieldError::new("password", &t("sign_in.enter_password")));
        }
        if errors.is_empty() {
            Ok(SignIn {
                email: email.to_owned(),
                password: self.password.clone(),
            })
        } else {
            Err(errors)
        }
    }
}

/// How a refused sign-in is shown: at the password field, or as a notice for the whole form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The e-mail and password do not match (said at the password, never which one is wrong).
    AtPassword(String),
    /// Anything else (a lockout with when to try again, the server unreachable): said above.
    Notice(String),
}

/// What a failed sign-in answer (status, problem code, message) tells the partner.
pub fn refusal(status: Option<u16>, code: Option<&str>, message: String) -> Refusal {
    match (status, code) {
        (Some(401), Some(problem_code::INVALID_CREDENTIALS)) => {
            Refusal::AtPassword(t("sign_in.no_match"))
        }
        _ => Refusal::Notice(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fields_are_needed_and_the_email_is_trimmed() {
        let empty = Credentials::default().validate().unwrap_err();
        let fields: Vec<_> = empty.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "password"]);
        let typed = Credentials {
            email: "  amelie@lumiere-cloud.fr ".into(),
            password: " secret ".into(),
        };
        let request = typed.validate().unwrap();
        assert_eq!(request.email, "amelie@lumiere-cloud.fr");
        assert_eq!(request.password, " secret ", "a password is taken as typed");
        let no_at = Credentials {
            email: "amelie".into(),
            password: "x".into(),
        };
        assert_eq!(no_at.validate().unwrap_err()[0].field, "email");
    }

    #[test]
    fn a_wrong_password_is_said_at_the_field_and_a_lockout_above() {
        assert!(matches!(
            refusal(Some(401), Some("invalid-credentials"), "x".into()),
            Refusal::AtPassword(_)
        ));
        assert_eq!(
            refusal(
                Some(429),
                Some("locked-out"),
                "Try again in 15 minutes.".into()
            ),
            Refusal::Notice("Try again in 15 minutes.".into())
        );
        assert_eq!(
            refusal(None, None, "offline".into()),
            Refusal::Notice("offline".into())
        );
    }
}
