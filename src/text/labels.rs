//! Every wire enum in a partner's words (from the language's catalogue), and the [`Tone`] it is
//! shown in. Pages never spell these out themselves, so a word changes in one place.

use api_types::{
    CertificationStatus, CourseKind, DealStatus, DealStepKind, FeedbackCategory, FeedbackStatus,
    Level, OnboardingItemKind, OnboardingStatus, PartnerType, Period, TierLevel, UserRole,
};

use super::i18n::t;

/// How a status feels at a glance; each tone is a colour role in `style/tokens.css`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to act on.
    #[default]
    Neutral,
    /// Moving along.
    Info,
    /// Good news.
    Success,
    /// Needs attention soon.
    Warning,
    /// Failed, refused or lapsed.
    Danger,
}

impl Tone {
    /// Every tone, mildest first.
    pub const ALL: [Tone; 5] = [
        Self::Neutral,
        Self::Info,
        Self::Success,
        Self::Warning,
        Self::Danger,
    ];

    /// The CSS modifier: `pp-badge--{as_str}`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Neutral => "neutral",
            Self::Info => "info",
            Self::Success => "success",
            Self::Warning => "warning",
            Self::Danger => "danger",
        }
    }
}

/// A value a partner reads as a word, shown in a tone.
pub trait Label: Copy {
    /// The words, e.g. "More info requested", in the partner's language.
    fn label(self) -> String;
    /// The tone it is shown in.
    fn tone(self) -> Tone {
        Tone::Neutral
    }
}

/// Writes `Label` for a wire enum from one table of `variant => (catalogue key, tone)`.
macro_rules! labels {
    ($type:ty { $($variant:ident => ($key:literal, $tone:ident)),+ $(,)? }) => {
        impl Label for $type {
            fn label(self) -> String {
                t(match self { $(Self::$variant => $key),+ })
            }
            fn tone(self) -> Tone {
                match self { $(Self::$variant => Tone::$tone),+ }
            }
        }
    };
}

labels!(UserRole {
    Admin => ("user_role.admin", Neutral),
    Member => ("user_role.member", Neutral),
});

labels!(DealStatus {
    Submitted => ("deal_status.submitted", Neutral),
    UnderReview => ("deal_status.under_review", Info),
    MoreInfoRequested => ("deal_status.more_info_requested", Warning),
    Approved => ("deal_status.approved", Success),
    Rejected => ("deal_status.rejected", Danger),
    Won => ("deal_status.won", Success),
    Lost => ("deal_status.lost", Neutral),
    Expired => ("deal_status.expired", Danger),
    Withdrawn => ("deal_status.withdrawn", Neutral),
});

labels!(DealStepKind {
    Submitted => ("deal_step_kind.submitted", Neutral),
    ReviewStarted => ("deal_step_kind.review_started", Info),
    InformationRequested => ("deal_step_kind.information_requested", Warning),
    Answered => ("deal_step_kind.answered", Info),
    Approved => ("deal_step_kind.approved", Success),
    Rejected => ("deal_step_kind.rejected", Danger),
    Won => ("deal_step_kind.won", Success),
    Lost => ("deal_step_kind.lost", Neutral),
    Expired => ("deal_step_kind.expired", Danger),
    Withdrawn => ("deal_step_kind.withdrawn", Neutral),
    ExtensionRequested => ("deal_step_kind.extension_requested", Info),
    ExtensionGranted => ("deal_step_kind.extension_granted", Success),
    ExtensionRefused => ("deal_step_kind.extension_refused", Warning),
});

labels!(OnboardingStatus {
    Todo => ("onboarding_status.todo", Neutral),
    InProgress => ("onboarding_status.in_progress", Info),
    Done => ("onboarding_status.done", Success),
    Overdue => ("onboarding_status.overdue", Danger),
    Blocked => ("onboarding_status.blocked", Warning),
});

labels!(OnboardingItemKind {
    Task => ("onboarding_item_kind.task", Neutral),
    Course => ("onboarding_item_kind.course", Neutral),
    Document => ("onboarding_item_kind.document", Neutral),
    Profile => ("onboarding_item_kind.profile", Neutral),
});

labels!(CertificationStatus {
    NotStarted => ("certification_status.not_started", Neutral),
    InProgress => ("certification_status.in_progress", Info),
    Earned => ("certification_status.earned", Success),
    Expiring => ("certification_status.expiring", Warning),
    Expired => ("certification_status.expired", Danger),
});

labels!(CourseKind {
    Course => ("course_kind.course", Neutral),
    LearningPath => ("course_kind.learning_path", Neutral),
});

labels!(Level {
    Foundation => ("level.foundation", Neutral),
    Professional => ("level.professional", Neutral),
    Expert => ("level.expert", Neutral),
});

labels!(FeedbackStatus {
    Received => ("feedback_status.received", Neutral),
    Planned => ("feedback_status.planned", Info),
    Done => ("feedback_status.done", Success),
    Declined => ("feedback_status.declined", Warning),
});

labels!(FeedbackCategory {
    Program => ("feedback_category.program", Neutral),
    Product => ("feedback_category.product", Neutral),
    Portal => ("feedback_category.portal", Neutral),
    Support => ("feedback_category.support", Neutral),
    Other => ("feedback_category.other", Neutral),
});

labels!(PartnerType {
    Reseller => ("partner_type.reseller", Neutral),
    Msp => ("partner_type.msp", Neutral),
    Referral => ("partner_type.referral", Neutral),
    Distributor => ("partner_type.distributor", Neutral),
});

labels!(TierLevel {
    Registered => ("tier_level.registered", Neutral),
    Silver => ("tier_level.silver", Neutral),
    Gold => ("tier_level.gold", Neutral),
    Platinum => ("tier_level.platinum", Neutral),
});

labels!(Period {
    Month => ("period.month", Neutral),
    Quarter => ("period.quarter", Neutral),
    AllTime => ("period.all_time", Neutral),
});

/// A deal stage on Home, where "more info requested" is said as what it means for the partner.
pub fn deal_stage_on_home(status: DealStatus) -> String {
    match status {
        DealStatus::MoreInfoRequested => t("home.waiting_for_you"),
        other => other.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_partners_say_them() {
        assert_eq!(PartnerType::Msp.label(), "Managed service provider");
        assert_eq!(TierLevel::Platinum.label(), "Platinum");
    }

    #[test]
    fn every_deal_status_has_words_and_a_tone() {
        assert_eq!(DealStatus::MoreInfoRequested.label(), "More info requested");
        assert_eq!(DealStatus::Rejected.tone(), Tone::Danger);
        assert_eq!(
            deal_stage_on_home(DealStatus::MoreInfoRequested),
            "Waiting for you"
        );
        assert_eq!(deal_stage_on_home(DealStatus::Won), "Won");
        let classes: Vec<&str> = Tone::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(classes, ["neutral", "info", "success", "warning", "danger"]);
    }
}
