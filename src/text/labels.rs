//! Every wire enum in a partner's words, and the [`Tone`] it is shown in. Pages never spell
//! these out themselves, so a word changes in one place (and, later, per language).

use api_types::{
    CertificationStatus, CourseKind, DealStatus, DealStepKind, FeedbackCategory, FeedbackStatus,
    Level, OnboardingItemKind, OnboardingStatus, PartnerType, Period, TierLevel, UserRole,
};

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
    /// The words, e.g. "More info requested".
    fn label(self) -> &'static str;
    /// The tone it is shown in.
    fn tone(self) -> Tone {
        Tone::Neutral
    }
}

/// Writes `Label` for a wire enum from one table of `variant => (words, tone)`.
macro_rules! labels {
    ($type:ty { $($variant:ident => ($words:literal, $tone:ident)),+ $(,)? }) => {
        impl Label for $type {
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $words),+ }
            }
            fn tone(self) -> Tone {
                match self { $(Self::$variant => Tone::$tone),+ }
            }
        }
    };
}

labels!(UserRole {
    Admin => ("Partner admin", Neutral),
    Member => ("Member", Neutral),
});

labels!(DealStatus {
    Submitted => ("Submitted", Neutral),
    UnderReview => ("Under review", Info),
    MoreInfoRequested => ("More info requested", Warning),
    Approved => ("Approved", Success),
    Rejected => ("Rejected", Danger),
    Won => ("Won", Success),
    Lost => ("Lost", Neutral),
    Expired => ("Expired", Danger),
    Withdrawn => ("Withdrawn", Neutral),
});

labels!(DealStepKind {
    Submitted => ("Registered", Neutral),
    ReviewStarted => ("Review started", Info),
    InformationRequested => ("Question from the channel team", Warning),
    Answered => ("You answered", Info),
    Approved => ("Approved", Success),
    Rejected => ("Not accepted", Danger),
    Won => ("Won", Success),
    Lost => ("Lost", Neutral),
    Expired => ("Protection ended", Danger),
    Withdrawn => ("Withdrawn", Neutral),
    ExtensionRequested => ("Extension requested", Info),
    ExtensionGranted => ("Protection extended", Success),
    ExtensionRefused => ("Extension refused", Warning),
});

labels!(OnboardingStatus {
    Todo => ("To do", Neutral),
    InProgress => ("In progress", Info),
    Done => ("Done", Success),
    Overdue => ("Overdue", Danger),
    Blocked => ("Blocked", Warning),
});

labels!(OnboardingItemKind {
    Task => ("Task", Neutral),
    Course => ("Course", Neutral),
    Document => ("Document", Neutral),
    Profile => ("Profile", Neutral),
});

labels!(CertificationStatus {
    NotStarted => ("Not started", Neutral),
    InProgress => ("In progress", Info),
    Earned => ("Earned", Success),
    Expiring => ("Expiring", Warning),
    Expired => ("Expired", Danger),
});

labels!(CourseKind {
    Course => ("Course", Neutral),
    LearningPath => ("Learning path", Neutral),
});

labels!(Level {
    Foundation => ("Foundation", Neutral),
    Professional => ("Professional", Neutral),
    Expert => ("Expert", Neutral),
});

labels!(FeedbackStatus {
    Received => ("Received", Neutral),
    Planned => ("Planned", Info),
    Done => ("Done", Success),
    Declined => ("Declined", Warning),
});

labels!(FeedbackCategory {
    Program => ("The partner program", Neutral),
    Product => ("Products", Neutral),
    Portal => ("This portal", Neutral),
    Support => ("Support and the channel team", Neutral),
    Other => ("Something else", Neutral),
});

labels!(PartnerType {
    Reseller => ("Reseller", Neutral),
    Msp => ("Managed service provider", Neutral),
    Referral => ("Referral partner", Neutral),
    Distributor => ("Distributor", Neutral),
});

labels!(TierLevel {
    Registered => ("Registered", Neutral),
    Silver => ("Silver", Neutral),
    Gold => ("Gold", Neutral),
    Platinum => ("Platinum", Neutral),
});

labels!(Period {
    Month => ("This month", Neutral),
    Quarter => ("This quarter", Neutral),
    AllTime => ("All time", Neutral),
});

/// A deal stage on Home, where "more info requested" is said as what it means for the partner.
pub fn deal_stage_on_home(status: DealStatus) -> &'static str {
    match status {
        DealStatus::MoreInfoRequested => "Waiting for you",
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
