//! The program's words for a partner's type and tier, as partners read them.

use api_types::{PartnerType, TierLevel};

/// "Reseller", "Managed service provider", …
pub fn partner_type_label(kind: PartnerType) -> &'static str {
    match kind {
        PartnerType::Reseller => "Reseller",
        PartnerType::Msp => "Managed service provider",
        PartnerType::Referral => "Referral partner",
        PartnerType::Distributor => "Distributor",
    }
}

/// "Registered", "Silver", "Gold", "Platinum".
pub fn tier_label(tier: TierLevel) -> &'static str {
    match tier {
        TierLevel::Registered => "Registered",
        TierLevel::Silver => "Silver",
        TierLevel::Gold => "Gold",
        TierLevel::Platinum => "Platinum",
    }
}

/// "up 4 points since last month", "down 2 points…", "no change since last month".
pub fn score_change(change: i32) -> String {
    let points = |n: i32| {
        if n.abs() == 1 {
            "1 point".to_owned()
        } else {
            format!("{} points", n.abs())
        }
    };
    match change {
        0 => "no change since last month".into(),
        n if n > 0 => format!("up {} since last month", points(n)),
        n => format!("down {} since last month", points(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_partners_say_them() {
        assert_eq!(
            partner_type_label(PartnerType::Msp),
            "Managed service provider"
        );
        assert_eq!(tier_label(TierLevel::Platinum), "Platinum");
    }

    #[test]
    fn score_changes_are_words_not_signs() {
        assert_eq!(score_change(4), "up 4 points since last month");
        assert_eq!(score_change(-1), "down 1 point since last month");
        assert_eq!(score_change(0), "no change since last month");
    }
}
