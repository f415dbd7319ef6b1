//! An older database file upgrades in place: a file made by an earlier build (user_version 2,
//! without the columns and tables added since (money's among them), customer keys of the old kind) is brought up to
//! date when the server opens it, keeping every deal.

use portal_server::{open_seeded, SeedSize};
use rusqlite::Connection;

#[test]
fn a_database_from_an_older_build_is_upgraded_in_place() {
    let dir = std::env::temp_dir().join(format!("portal-upgrade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.sqlite3");
    let _ = std::fs::remove_file(&path);
    drop(open_seeded(&path, SeedSize::Demo).unwrap());
    let deals_before: i64;
    {
        // Made to look as an early build left it.
        let old = Connection::open(&path).unwrap();
        deals_before = old
            .query_row("SELECT COUNT(*) FROM deals", [], |r| r.get(0))
            .unwrap();
        old.execute_batch(
            "ALTER TABLE users DROP COLUMN removed_at;
             ALTER TABLE deal_events DROP COLUMN step;
             ALTER TABLE deal_events DROP COLUMN protection_ends_on;
             DROP TABLE products;
             ALTER TABLE onboarding_items DROP COLUMN observes;
             ALTER TABLE onboarding_items DROP COLUMN completes_when;
             ALTER TABLE tiers DROP COLUMN rebate_bp;
             DROP TABLE earnings;
             DROP TABLE payouts;
             UPDATE deals SET customer_key = 'old:' || customer_key;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = open_seeded(&path, SeedSize::Demo);
    assert!(store.is_ok(), "{:?}", store.err());
    drop(store);
    let new = Connection::open(&path).unwrap();
    let version: i64 = new
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 9);
    let column = |table: &str, name: &str| -> bool {
        new.query_row(
            "SELECT COUNT(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            [table, name],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(column("users", "removed_at"));
    assert!(column("tiers", "rebate_bp") && column("earnings", "payout_seq"));
    assert!(column("payouts", "paid_on"));
    assert!(column("funds", "expires_on") && column("fund_requests", "claim_file"));
    assert!(column("onboarding_items", "observes") && column("onboarding_items", "completes_when"));
    assert!(column("deal_events", "step") && column("deal_events", "protection_ends_on"));
    let products: i64 = new
        .query_row("SELECT COUNT(*) FROM products", [], |r| r.get(0))
        .unwrap();
    assert!(products > 0, "the catalogue is back");
    let deals: i64 = new
        .query_row("SELECT COUNT(*) FROM deals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(deals, deals_before, "every deal kept");
    let stale: i64 = new
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE customer_key LIKE 'old:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0, "every customer key made again");
    let _ = std::fs::remove_dir_all(&dir);
}
