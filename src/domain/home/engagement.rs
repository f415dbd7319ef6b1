//! The engagement score's change since last month, in words rather than signs.

use crate::text::format::counted;

/// "up 4 points since last month", "down 2 points…", "no change since last month".
pub fn score_change(change: i32) -> String {
    let points = |n: i32| counted(i64::from(n), "point", "points");
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
    fn score_changes_are_words_not_signs() {
        assert_eq!(score_change(4), "up 4 points since last month");
        assert_eq!(score_change(-1), "down 1 point since last month");
        assert_eq!(score_change(0), "no change since last month");
    }
}
