//! The partner admin's team (`/team`) and invitations a teammate accepts (`/invitations`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{CertificationStatus, PartnerUser, UserRole};

/// `GET /team` (partner admins only): the company's people and the invitations still open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Everyone who can sign in for the company, admins first, then by name.
    pub members: Vec<TeamMember>,
    /// Invitations neither accepted, withdrawn nor expired, newest first.
    pub invitations: Vec<Invitation>,
}

/// One person on the team, with what an admin watches: certifications and courses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    /// Who, and their role.
    pub user: PartnerUser,
    /// Certifications they have earned (valid, expiring or expired), soonest expiry first.
    pub certifications: Vec<HeldCertification>,
    /// Courses they have started and not finished.
    pub courses_in_progress: Vec<CourseInProgress>,
    /// How many courses they have finished.
    pub courses_completed: u32,
}

/// A certification a member has earned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCertification {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Earned, expiring (within 60 days) or expired.
    pub status: CertificationStatus,
    /// When it stops being valid, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub expires_on: Option<NaiveDate>,
}

/// A course a member has started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseInProgress {
    /// The course's id.
    pub course_id: String,
    /// Its title.
    pub title: String,
    /// Modules finished.
    pub modules_done: u32,
    /// Modules in all.
    pub modules_total: u32,
}

/// An open invitation to join the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// Stable id (not the secret the link carries).
    pub id: String,
    /// Who was invited.
    pub email: String,
    /// The role they will have.
    pub role: UserRole,
    /// The admin who invited them.
    pub invited_by: String,
    /// When it was sent.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub created_at: DateTime<Utc>,
    /// When the link stops working.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub expires_at: DateTime<Utc>,
}

/// `POST /team/invitations`: who to invite, and as what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInvitation {
    /// Their work e-mail.
    pub email: String,
    /// Their role once they join.
    pub role: UserRole,
}

/// The answer to `POST /team/invitations`: the invitation, and its secret, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationCreated {
    /// The new invitation.
    pub invitation: Invitation,
    /// The single-use secret for the invitee's link (`<portal>/join#<token>`); never shown again.
    pub token: String,
}

/// `PUT /team/members/{user_id}/role`: a member's new role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChange {
    /// The role they get.
    pub role: UserRole,
}

/// `POST /invitations/lookup`: the secret from an invitation link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationToken {
    /// The secret after `#` in the link.
    pub token: String,
}

/// What an invitee sees before accepting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    /// The e-mail they will sign in with.
    pub email: String,
    /// The company they join.
    pub company_name: String,
    /// Their role.
    pub role: UserRole,
    /// The admin who invited them.
    pub invited_by: String,
    /// When the link stops working.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub expires_at: DateTime<Utc>,
}

/// `POST /invitations/accept`: the secret, and the new account's name and password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInvitation {
    /// The secret from the link.
    pub token: String,
    /// Their name as they write it.
    pub name: String,
    /// The password they choose.
    pub password: String,
}
