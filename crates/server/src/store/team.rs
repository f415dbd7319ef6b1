//! A company's people for its partner admins (`/team`), and invitations: created by an admin,
//! accepted once by the invitee (who becomes a user with a password and a session).

use api_types::{
    CertificationRequirement, CourseInProgress, HeldCertification, Invitation, InvitationDetails,
    PartnerUser, Team, TeamMember, UserRole,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::training::certification_status;
use super::{parse_text, to_text, Caller, Store};
use crate::error::AppResult;

/// A new invitation, as the handler made it (the secret only as its hash).
pub struct InvitationDraft<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub email: &'a str,
    pub role: UserRole,
    pub now: i64,
    pub expires_at: i64,
}

/// A new account from an accepted invitation, with its first session.
pub struct Joining<'a> {
    pub token_hash: &'a str,
    pub user_id: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub session_hash: &'a str,
    pub now: i64,
}

/// Why an invitation was not created or accepted.
#[derive(Debug, PartialEq, Eq)]
pub enum InvitationRefused {
    /// The e-mail already belongs to someone who can sign in.
    AlreadyHasAccount,
    /// Unknown, used, withdrawn or expired.
    Ended,
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn invitation(row: &Row) -> rusqlite::Result<Invitation> {
    Ok(Invitation {
        id: row.get("id")?,
        email: row.get("email")?,
        role: parse_text(&row.get::<_, String>("role")?).unwrap_or(UserRole::Member),
        invited_by: row.get("invited_by")?,
        created_at: instant(row.get("created_at")?),
        expires_at: instant(row.get("expires_at")?),
    })
}

/// Whether someone who can sign in already has this e-mail.
fn has_account(conn: &Connection, email: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1 COLLATE NOCASE AND removed_at IS NULL)",
        [email],
        |r| r.get(0),
    )
}

/// The company's members (or only `user_id`), admins first, then by name.
fn members(
    conn: &Connection,
    company_id: &str,
    user_id: Option<&str>,
    today: NaiveDate,
) -> AppResult<Vec<TeamMember>> {
    let mut statement = conn.prepare(
        "SELECT id, name, email, role FROM users
         WHERE company_id = ?1 AND removed_at IS NULL AND (?2 IS NULL OR id = ?2)
         ORDER BY role, name",
    )?;
    let mut rows = statement.query(params![company_id, user_id])?;
    let mut members = Vec::new();
    while let Some(row) = rows.next()? {
        let user = PartnerUser {
            id: row.get("id")?,
            name: row.get("name")?,
            email: row.get("email")?,
            role: parse_text(&row.get::<_, String>("role")?)?,
        };
        members.push(member(conn, user, today)?);
    }
    Ok(members)
}

/// One member's certifications earned and courses started.
fn member(conn: &Connection, user: PartnerUser, today: NaiveDate) -> AppResult<TeamMember> {
    let mut statement = conn.prepare(
        "SELECT id, name, earned_on, expires_on, requirements_json FROM certifications
         WHERE user_id = ?1 AND earned_on IS NOT NULL ORDER BY expires_on IS NULL, expires_on, name",
    )?;
    let mut rows = statement.query([&user.id])?;
    let mut certifications = Vec::new();
    while let Some(row) = rows.next()? {
        let requirements: Vec<CertificationRequirement> =
            serde_json::from_str(&row.get::<_, String>("requirements_json")?)?;
        let day = |column: &str| -> AppResult<Option<NaiveDate>> {
            row.get::<_, Option<String>>(column)?
                .map(|d| parse_text(&d))
                .transpose()
        };
        let (earned_on, expires_on) = (day("earned_on")?, day("expires_on")?);
        certifications.push(HeldCertification {
            id: row.get("id")?,
            name: row.get("name")?,
            status: certification_status(earned_on, expires_on, &requirements, today),
            expires_on,
        });
    }
    let mut statement = conn.prepare(
        "SELECT c.id, c.title, p.modules_done, c.modules_total FROM course_progress p
         JOIN courses c ON c.id = p.course_id WHERE p.user_id = ?1 AND p.modules_done > 0
         ORDER BY c.position",
    )?;
    let mut rows = statement.query([&user.id])?;
    let (mut courses_in_progress, mut courses_completed) = (Vec::new(), 0);
    while let Some(row) = rows.next()? {
        let (done, total): (u32, u32) = (row.get("modules_done")?, row.get("modules_total")?);
        if done >= total {
            courses_completed += 1;
        } else {
            courses_in_progress.push(CourseInProgress {
                course_id: row.get("id")?,
                title: row.get("title")?,
                modules_done: done,
                modules_total: total,
            });
        }
    }
    Ok(TeamMember {
        user,
        certifications,
        courses_in_progress,
        courses_completed,
    })
}

impl Store {
    /// The caller's company: its members and its open invitations.
    pub fn team(&self, caller: &Caller, now: i64) -> AppResult<Team> {
        let conn = self.reader()?;
        let members = members(&conn, &caller.company_id, None, instant(now).date_naive())?;
        let mut statement = conn.prepare(
            "SELECT id, email, role, invited_by, created_at, expires_at FROM invitations
             WHERE company_id = ?1 AND closed_at IS NULL AND expires_at > ?2
             ORDER BY created_at DESC, id",
        )?;
        let invitations = statement
            .query_map(params![caller.company_id, now], invitation)?
            .collect::<Result<_, _>>()?;
        Ok(Team {
            members,
            invitations,
        })
    }

    /// One member of the caller's company, if there is one with that id.
    pub fn team_member(
        &self,
        caller: &Caller,
        user_id: &str,
        now: i64,
    ) -> AppResult<Option<TeamMember>> {
        let conn = self.reader()?;
        let today = instant(now).date_naive();
        Ok(members(&conn, &caller.company_id, Some(user_id), today)?.pop())
    }

    /// Invites someone to the caller's company; an open invitation for the same e-mail is
    /// replaced (its link stops working).
    pub fn create_invitation(
        &self,
        caller: &Caller,
        draft: &InvitationDraft,
    ) -> AppResult<Result<Invitation, InvitationRefused>> {
        self.write(|tx| {
            if has_account(tx, draft.email)? {
                return Ok(Err(InvitationRefused::AlreadyHasAccount));
            }
            tx.execute(
                "UPDATE invitations SET closed_at = ?3
                 WHERE company_id = ?1 AND email = ?2 COLLATE NOCASE AND closed_at IS NULL",
                params![caller.company_id, draft.email, draft.now],
            )?;
            tx.execute(
                "INSERT INTO invitations (id, token_hash, company_id, email, role, invited_by, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    draft.id,
                    draft.token_hash,
                    caller.company_id,
                    draft.email,
                    to_text(&draft.role),
                    caller.name,
                    draft.now,
                    draft.expires_at
                ],
            )?;
            Ok(Ok(tx.query_row(
                "SELECT * FROM invitations WHERE id = ?1",
                [draft.id],
                invitation,
            )?))
        })
    }

    /// Withdraws one of the caller's company's open invitations; false if there is none.
    pub fn withdraw_invitation(&self, caller: &Caller, id: &str, now: i64) -> AppResult<bool> {
        Ok(self.conn()?.execute(
            "UPDATE invitations SET closed_at = ?3 WHERE id = ?1 AND company_id = ?2 AND closed_at IS NULL",
            params![id, caller.company_id, now],
        )? == 1)
    }

    /// Gives a member of the caller's company another role; false if there is no such member.
    pub fn set_role(&self, caller: &Caller, user_id: &str, role: UserRole) -> AppResult<bool> {
        Ok(self.conn()?.execute(
            "UPDATE users SET role = ?3 WHERE id = ?1 AND company_id = ?2 AND removed_at IS NULL",
            params![user_id, caller.company_id, to_text(&role)],
        )? == 1)
    }

    /// Removes a member of the caller's company: they can no longer sign in, their sessions
    /// end now; what they did (deals, feedback) stays. False if there is no such member.
    pub fn remove_member(&self, caller: &Caller, user_id: &str, now: i64) -> AppResult<bool> {
        self.write(|tx| {
            let removed = tx.execute(
                "UPDATE users SET removed_at = ?3, token = NULL
                 WHERE id = ?1 AND company_id = ?2 AND removed_at IS NULL",
                params![user_id, caller.company_id, now],
            )? == 1;
            if removed {
                tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
                tx.execute("DELETE FROM credentials WHERE user_id = ?1", [user_id])?;
            }
            Ok(removed)
        })
    }

    /// What an open invitation's link offers, for the invitee.
    pub fn invitation_details(
        &self,
        token_hash: &str,
        now: i64,
    ) -> AppResult<Option<InvitationDetails>> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT i.email, i.role, i.invited_by, i.expires_at, c.name AS company_name
                 FROM invitations i JOIN companies c ON c.id = i.company_id
                 WHERE i.token_hash = ?1 AND i.closed_at IS NULL AND i.expires_at > ?2",
                params![token_hash, now],
                |r| {
                    Ok(InvitationDetails {
                        email: r.get("email")?,
                        company_name: r.get("company_name")?,
                        role: parse_text(&r.get::<_, String>("role")?).unwrap_or(UserRole::Member),
                        invited_by: r.get("invited_by")?,
                        expires_at: instant(r.get("expires_at")?),
                    })
                },
            )
            .optional()?)
    }

    /// Accepts an open invitation once: the invitee becomes a user with a password, the
    /// invitation closes, and their first session starts.
    pub fn accept_invitation(
        &self,
        joining: &Joining,
    ) -> AppResult<Result<Caller, InvitationRefused>> {
        self.write(|tx| {
            let open = tx
                .query_row(
                    "SELECT company_id, email, role FROM invitations
                     WHERE token_hash = ?1 AND closed_at IS NULL AND expires_at > ?2",
                    params![joining.token_hash, joining.now],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    },
                )
                .optional()?;
            let Some((company_id, email, role)) = open else {
                return Ok(Err(InvitationRefused::Ended));
            };
            if has_account(tx, &email)? {
                return Ok(Err(InvitationRefused::AlreadyHasAccount));
            }
            tx.execute(
                "INSERT INTO users (id, company_id, name, email, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    joining.user_id,
                    company_id,
                    joining.name.trim(),
                    email,
                    role
                ],
            )?;
            tx.execute(
                "INSERT INTO credentials (user_id, password_hash) VALUES (?1, ?2)",
                params![joining.user_id, joining.password_hash],
            )?;
            tx.execute(
                "UPDATE invitations SET closed_at = ?2, user_id = ?3 WHERE token_hash = ?1",
                params![joining.token_hash, joining.now, joining.user_id],
            )?;
            Ok(Ok(super::sessions::insert_session(
                tx,
                joining.user_id,
                joining.session_hash,
                joining.now,
            )?))
        })
    }
}
