//! The store's deal helpers: cursors and customer keys.

use super::*;

#[test]
fn one_customer_is_one_key_however_it_is_typed() {
    let key = customer_key("Müller GmbH");
    assert_eq!(key, "müllergmbh");
    for variant in [
        "Mu\u{308}ller GmbH",
        "MÜLLER GMBH",
        "ＭＵ\u{308}ＬＬＥＲ　ＧｍｂＨ",
        "müller-gmbh.",
    ] {
        assert_eq!(customer_key(variant), key, "{variant:?}");
    }
    assert_ne!(customer_key("Muller GmbH"), key);
}

#[test]
fn cursors_round_trip_and_reject_tampering() {
    let cursor = encode_cursor(json!("2026-11-02T14:05:00Z"), "DR-2026-00042");
    assert_eq!(
        decode_cursor(&cursor, DealSortKey::UpdatedAt).unwrap(),
        (json!("2026-11-02T14:05:00Z"), "DR-2026-00042".into())
    );
    assert!(
        decode_cursor(&cursor, DealSortKey::Value).is_err(),
        "a text cursor cannot page a numeric sort"
    );
    assert!(decode_cursor("zz", DealSortKey::UpdatedAt).is_err());
    assert!(decode_cursor("abc", DealSortKey::UpdatedAt).is_err());
    assert!(decode_cursor(&encode_cursor(json!(5), "x")[2..], DealSortKey::Value).is_err());
    assert_eq!(
        decode_cursor(&encode_cursor(json!(5), "DR-1"), DealSortKey::Value)
            .unwrap()
            .0,
        json!(5)
    );
}

proptest::proptest! {
    /// Any text as a cursor, hex or not, answers a page position or a 400, never a panic; and
    /// the customer key of any name is computed without one.
    #[test]
    fn any_cursor_or_name_is_read_or_refused(
        text in proptest::prelude::any::<String>(),
        hex in "[0-9a-f]{0,400}",
        sort in proptest::sample::select(DealSortKey::ALL.to_vec()),
    ) {
        let _ = decode_cursor(&text, sort);
        let _ = decode_cursor(&hex, sort);
        let _ = customer_key(&text);
    }
}
