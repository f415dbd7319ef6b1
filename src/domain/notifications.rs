//! The notification feed in a partner's words: what each entry says and where it leads.

use api_types::{Notification, NotificationKind, SubjectKind};

use crate::text::i18n::{tn, tr};
use crate::text::labels::Tone;

/// One line saying what happened, naming its subject as the backend wrote it.
pub fn headline(entry: &Notification) -> String {
    let title = &entry.subject.title;
    let reference = &entry.subject.id;
    let key = match entry.kind {
        NotificationKind::DealQuestion => "notice.deal_question",
        NotificationKind::DealApproved => "notice.deal_approved",
        NotificationKind::DealRejected => "notice.deal_rejected",
        NotificationKind::DealWon => "notice.deal_won",
        NotificationKind::DealLost => "notice.deal_lost",
        NotificationKind::ExtensionGranted => "notice.extension_granted",
        NotificationKind::ExtensionRefused => "notice.extension_refused",
        NotificationKind::ProtectionEnding => "notice.protection_ending",
        NotificationKind::FeedbackReply => "notice.feedback_reply",
        NotificationKind::CourseCompleted => "notice.course_completed",
        NotificationKind::CertificationGranted => "notice.certification_granted",
        NotificationKind::CertificationRevoked => "notice.certification_revoked",
        NotificationKind::CertificationExpiring => "notice.certification_expiring",
        NotificationKind::SurveyPublished => "notice.survey_published",
        NotificationKind::OnboardingVerified => "notice.onboarding_verified",
        NotificationKind::OnboardingSentBack => "notice.onboarding_sent_back",
        NotificationKind::EarningDeclined => "notice.earning_declined",
        NotificationKind::PayoutSent => "notice.payout_sent",
        NotificationKind::PayoutPaid => "notice.payout_paid",
        NotificationKind::FundApproved => "notice.fund_approved",
        NotificationKind::FundDeclined => "notice.fund_declined",
        NotificationKind::FundPaid => "notice.fund_paid",
    };
    tr(key, &[("title", title), ("reference", reference)])
}

/// How the entry feels at a glance.
pub fn tone(kind: NotificationKind) -> Tone {
    use NotificationKind::*;
    match kind {
        DealQuestion
        | ProtectionEnding
        | CertificationExpiring
        | ExtensionRefused
        | OnboardingSentBack => Tone::Warning,
        DealRejected | CertificationRevoked | EarningDeclined | FundDeclined => Tone::Danger,
        DealApproved | DealWon | ExtensionGranted | CourseCompleted | CertificationGranted
        | OnboardingVerified | PayoutPaid | FundApproved | FundPaid => Tone::Success,
        DealLost | FeedbackReply | SurveyPublished | PayoutSent => Tone::Info,
    }
}

/// The in-app path of the entry's subject.
pub fn path(entry: &Notification) -> String {
    match entry.subject.kind {
        SubjectKind::Deal => format!("/deals/{}", entry.subject.id),
        SubjectKind::Feedback => "/feedback".into(),
        SubjectKind::Course | SubjectKind::Certification => "/training".into(),
        SubjectKind::Survey => format!("/feedback/surveys/{}", entry.subject.id),
        SubjectKind::OnboardingItem => "/onboarding".into(),
        // Until the portal shows money, the entry itself says what happened and why.
        SubjectKind::Earning | SubjectKind::Payout | SubjectKind::FundRequest => {
            "/notifications".into()
        }
    }
}

/// "3 unread" for the header link's name; nothing when all is read.
pub fn unread_phrase(unread: u32) -> Option<String> {
    (unread > 0).then(|| tn("notifications.unread", unread.into(), &[]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::Subject;

    fn entry(kind: NotificationKind, subject: SubjectKind, id: &str, title: &str) -> Notification {
        Notification {
            id: "n-1".into(),
            kind,
            subject: Subject {
                kind: subject,
                id: id.into(),
                title: title.into(),
            },
            note: None,
            created_at: "2026-11-24T09:00:00Z".parse().unwrap(),
            read: false,
        }
    }

    #[test]
    fn each_entry_says_what_happened_and_leads_to_its_subject() {
        let question = entry(
            NotificationKind::DealQuestion,
            SubjectKind::Deal,
            "DR-2026-00042",
            "Müller Logistik GmbH",
        );
        assert_eq!(
            headline(&question),
            "The channel team has a question about Müller Logistik GmbH (DR-2026-00042)"
        );
        assert_eq!(path(&question), "/deals/DR-2026-00042");
        assert_eq!(tone(question.kind), Tone::Warning);
        let reply = entry(
            NotificationKind::FeedbackReply,
            SubjectKind::Feedback,
            "fb-9",
            "Export deals",
        );
        assert_eq!(
            headline(&reply),
            "The channel team answered your feedback “Export deals”"
        );
        assert_eq!(path(&reply), "/feedback");
        let survey = entry(
            NotificationKind::SurveyPublished,
            SubjectKind::Survey,
            "s-pulse",
            "Pulse",
        );
        assert_eq!(path(&survey), "/feedback/surveys/s-pulse");
        assert_eq!(
            path(&entry(
                NotificationKind::CourseCompleted,
                SubjectKind::Course,
                "c",
                "C"
            )),
            "/training"
        );
    }

    #[test]
    fn the_unread_count_is_words_or_nothing() {
        assert_eq!(unread_phrase(0), None);
        assert_eq!(unread_phrase(3).as_deref(), Some("3 unread"));
    }
}
