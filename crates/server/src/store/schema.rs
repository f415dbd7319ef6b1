//! The SQLite schema, created when a database is opened.

/// Every table and index; `IF NOT EXISTS`, so opening an existing file changes nothing.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS companies (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, partner_type TEXT NOT NULL, country TEXT NOT NULL,
  region TEXT NOT NULL, currency TEXT NOT NULL, tier TEXT NOT NULL, joined_on TEXT NOT NULL,
  next_tier_json TEXT, engagement_json TEXT NOT NULL DEFAULT '{\"score\":0,\"change\":0,\"factors\":[]}');
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), name TEXT NOT NULL,
  email TEXT NOT NULL, role TEXT NOT NULL, token TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS credentials (
  user_id TEXT PRIMARY KEY REFERENCES users(id), password_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL, seen_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, company_id TEXT NOT NULL REFERENCES companies(id),
  email TEXT NOT NULL, role TEXT NOT NULL, invited_by TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, closed_at INTEGER, user_id TEXT);
CREATE TABLE IF NOT EXISTS onboarding_items (
  id TEXT NOT NULL, company_id TEXT NOT NULL, phase INTEGER NOT NULL, position INTEGER NOT NULL,
  title TEXT NOT NULL, description TEXT NOT NULL, kind TEXT NOT NULL, due_on TEXT NOT NULL,
  state TEXT NOT NULL, completed_by TEXT NOT NULL, completed_at TEXT, blocked_reason TEXT,
  links_json TEXT NOT NULL, observes TEXT, completes_when TEXT, PRIMARY KEY (company_id, id));
CREATE TABLE IF NOT EXISTS courses (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, level TEXT NOT NULL,
  modules_total INTEGER NOT NULL, minutes_per_module INTEGER NOT NULL, url TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS course_progress (
  user_id TEXT NOT NULL, course_id TEXT NOT NULL, modules_done INTEGER NOT NULL, PRIMARY KEY (user_id, course_id));
CREATE TABLE IF NOT EXISTS recommendations (
  user_id TEXT NOT NULL, course_id TEXT NOT NULL, reason TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS certifications (
  id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, earned_on TEXT,
  expires_on TEXT, requirements_json TEXT NOT NULL, recertification TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (user_id, id));
CREATE TABLE IF NOT EXISTS badges (
  id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, earned_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deals (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, company_id TEXT NOT NULL,
  customer_company TEXT NOT NULL, customer_key TEXT NOT NULL, contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL, contact_phone TEXT, country TEXT NOT NULL, value_minor INTEGER NOT NULL,
  currency TEXT NOT NULL, value_usd INTEGER NOT NULL, search_text TEXT NOT NULL, expected_close_on TEXT NOT NULL, products_json TEXT NOT NULL, notes TEXT,
  status TEXT NOT NULL, protection_expires_on TEXT, submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deals_by_update ON deals (company_id, updated_at, reference);
CREATE INDEX IF NOT EXISTS deals_by_customer ON deals (customer_key);
-- Tier progress and engagement count a company's deals by status and by registration day.
CREATE INDEX IF NOT EXISTS deals_by_status ON deals (company_id, status, updated_at);
CREATE INDEX IF NOT EXISTS deals_by_submission ON deals (company_id, submitted_at);
-- Substring search over the caller's deals, kept in step with the deals by triggers.
CREATE VIRTUAL TABLE IF NOT EXISTS deals_search USING fts5(
  search_text, content='deals', content_rowid='seq', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS deals_search_insert AFTER INSERT ON deals BEGIN
  INSERT INTO deals_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS deals_search_delete AFTER DELETE ON deals BEGIN
  INSERT INTO deals_search (deals_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER IF NOT EXISTS deals_search_update AFTER UPDATE OF search_text ON deals BEGIN
  INSERT INTO deals_search (deals_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
  INSERT INTO deals_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TABLE IF NOT EXISTS deal_products (deal_seq INTEGER NOT NULL, product TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deal_products_by_product ON deal_products (product, deal_seq);
CREATE TABLE IF NOT EXISTS deal_events (
  deal_seq INTEGER NOT NULL, position INTEGER NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, note TEXT, PRIMARY KEY (deal_seq, position));
CREATE TABLE IF NOT EXISTS idempotency_keys (
  company_id TEXT NOT NULL, key TEXT NOT NULL, body_json TEXT NOT NULL, reference TEXT NOT NULL,
  PRIMARY KEY (company_id, key));
CREATE TABLE IF NOT EXISTS scores (
  board_id TEXT NOT NULL, period TEXT NOT NULL, company_id TEXT NOT NULL, score INTEGER NOT NULL,
  previous_score INTEGER, badges_json TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (board_id, period, company_id));
CREATE INDEX IF NOT EXISTS scores_by_score ON scores (board_id, period, score DESC);
CREATE TABLE IF NOT EXISTS ranks (
  board_id TEXT NOT NULL, period TEXT NOT NULL, segment TEXT NOT NULL, position INTEGER NOT NULL,
  company_id TEXT NOT NULL, rank INTEGER NOT NULL, previous_rank INTEGER,
  PRIMARY KEY (board_id, period, segment, position)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ranks_by_company ON ranks (board_id, period, segment, company_id);
CREATE TABLE IF NOT EXISTS score_history (
  board_id TEXT NOT NULL, period TEXT NOT NULL, company_id TEXT NOT NULL, position INTEGER NOT NULL,
  label TEXT NOT NULL, score INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS surveys (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, due_on TEXT NOT NULL,
  questions_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS survey_responses (
  survey_id TEXT NOT NULL, user_id TEXT NOT NULL, answers_json TEXT NOT NULL, submitted_at TEXT NOT NULL,
  PRIMARY KEY (survey_id, user_id));
CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,
  body TEXT NOT NULL, status TEXT NOT NULL, submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  reply_json TEXT);
-- What changed for a company's people; `user_id` set when it concerns one person only.
CREATE TABLE IF NOT EXISTS notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, user_id TEXT, kind TEXT NOT NULL,
  subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, subject_title TEXT NOT NULL, note TEXT,
  created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notifications_by_company ON notifications (company_id, seq);
CREATE TABLE IF NOT EXISTS notification_reads (
  user_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (user_id, seq)) WITHOUT ROWID;
-- The program's tiers in order, each with what it requires (`program::RequirementSpec`) and gives.
-- `rebate_bp`: the share of a won deal's value earned at the tier, in basis points.
CREATE TABLE IF NOT EXISTS tiers (
  level TEXT PRIMARY KEY, position INTEGER NOT NULL, requirements_json TEXT NOT NULL,
  benefits_json TEXT NOT NULL, rebate_bp INTEGER NOT NULL DEFAULT 0);
-- The products deals are registered for; a retired one (`active` 0) stays on its deals.
CREATE TABLE IF NOT EXISTS products (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, active INTEGER NOT NULL, position INTEGER NOT NULL);
-- Idempotency keys of feedback submissions, per person: a retry answers the stored item.
CREATE TABLE IF NOT EXISTS feedback_keys (
  user_id TEXT NOT NULL, key TEXT NOT NULL, body_json TEXT NOT NULL, feedback_id TEXT NOT NULL,
  PRIMARY KEY (user_id, key)) WITHOUT ROWID;
-- The program's promises, one row.
CREATE TABLE IF NOT EXISTS program_policies (
  id INTEGER PRIMARY KEY CHECK (id = 1), review_business_days INTEGER NOT NULL, protection_days INTEGER NOT NULL);
INSERT OR IGNORE INTO program_policies (id, review_business_days, protection_days) VALUES (1, 2, 90);
-- What partners earn, one row per line (`earnings.rs`); `source` says what earned it
-- (`deal:DR-…`, `spiff:<program>:DR-…`, `certification:<user>:<id>`), once per company.
CREATE TABLE IF NOT EXISTS earnings (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, source TEXT NOT NULL,
  kind TEXT NOT NULL, status TEXT NOT NULL, amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency TEXT NOT NULL, deal_reference TEXT, program TEXT, certificate_id TEXT,
  earned_at TEXT NOT NULL, expected_payout_on TEXT, payout_seq INTEGER, declined_reason TEXT,
  UNIQUE (company_id, source));
CREATE INDEX IF NOT EXISTS earnings_by_payout ON earnings (payout_seq);
CREATE TABLE IF NOT EXISTS payouts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL, started_on TEXT NOT NULL, expected_on TEXT NOT NULL, paid_on TEXT);
CREATE INDEX IF NOT EXISTS payouts_by_company ON payouts (company_id, seq);
-- Marketing and co-op funds; a request holds its latest claim (the proof file inline, 1 MiB at most).
CREATE TABLE IF NOT EXISTS funds (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL, allocated_minor INTEGER NOT NULL,
  starts_on TEXT NOT NULL, expires_on TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS funds_by_company ON funds (company_id);
CREATE TABLE IF NOT EXISTS fund_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, fund_seq INTEGER NOT NULL REFERENCES funds(seq),
  company_id TEXT NOT NULL, created_by TEXT NOT NULL, status TEXT NOT NULL, activity TEXT NOT NULL,
  starts_on TEXT, ends_on TEXT, amount_minor INTEGER, expected_outcome TEXT NOT NULL,
  declined_reason TEXT, updated_at TEXT NOT NULL, submitted_at TEXT, claim_status TEXT,
  claimed_minor INTEGER, claim_approved_minor INTEGER, claim_reason TEXT, claim_link TEXT,
  claim_file_name TEXT, claim_media_type TEXT, claim_file BLOB, claim_submitted_at TEXT,
  claim_paid_on TEXT);
CREATE INDEX IF NOT EXISTS fund_requests_by_company ON fund_requests (company_id, updated_at);
-- The vendor's side: keys for integrations (stored as SHA-256) and channel team members, who
-- sign in through the vendor's OpenID Connect provider.
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE TABLE IF NOT EXISTS channel_team (
  email TEXT PRIMARY KEY COLLATE NOCASE, name TEXT NOT NULL, removed_at INTEGER);
";

/// What `PRAGMA user_version` says a database has: 2 added the search index and the ranks,
/// 3 the removal of a user (`users.removed_at`), 4 the step of each deal event and the
/// protection it set or asked for, the program's tiers, and surveys' audiences and closing,
/// 5 the product catalogue in the database (it was compiled in), 6 customer keys under NFKC
/// and case folding (`deals::customer_key`), 7 onboarding steps that complete themselves
/// (`onboarding_items.observes`, `completes_when`), 8 money (`earnings`, `payouts`, and each
/// tier's `rebate_bp`, 0 until the channel team sets it).
const VERSION: i64 = 9;

/// Creates what is missing and brings a database from an older build up to date.
pub fn create(conn: &rusqlite::Connection) -> Result<(), String> {
    let upgrade = || -> crate::error::AppResult<()> {
        conn.execute_batch(SCHEMA)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let no_tiers: bool = conn.query_row("SELECT COUNT(*) = 0 FROM tiers", [], |r| r.get(0))?;
        let seeded: bool =
            conn.query_row("SELECT COUNT(*) > 0 FROM companies", [], |r| r.get(0))?;
        if version < 4 && no_tiers && seeded {
            super::seed::partners::seed_tiers(conn)?;
        }
        if version < 6 {
            let deals: Vec<(i64, String)> = conn
                .prepare("SELECT seq, customer_company FROM deals")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let mut rekey = conn.prepare("UPDATE deals SET customer_key = ?2 WHERE seq = ?1")?;
            for (seq, name) in deals {
                rekey.execute(rusqlite::params![seq, super::deals::customer_key(&name)])?;
            }
        }
        if version < 5 && seeded {
            super::seed::deals::seed_products(conn)?;
        }
        if !has_column(conn, "tiers", "rebate_bp")? {
            conn.execute(
                "ALTER TABLE tiers ADD COLUMN rebate_bp INTEGER NOT NULL DEFAULT 0",
                [],
            )?;
        }
        if !has_column(conn, "onboarding_items", "observes")? {
            conn.execute_batch(
                "ALTER TABLE onboarding_items ADD COLUMN observes TEXT;
                 ALTER TABLE onboarding_items ADD COLUMN completes_when TEXT;",
            )?;
        }
        if !has_column(conn, "surveys", "audience_json")? {
            conn.execute_batch(
                "ALTER TABLE surveys ADD COLUMN audience_json TEXT NOT NULL DEFAULT '{}';
                 ALTER TABLE surveys ADD COLUMN closed_at TEXT;",
            )?;
        }
        if version < 4 && !has_column(conn, "deal_events", "step")? {
            conn.execute("ALTER TABLE deal_events ADD COLUMN step TEXT", [])?;
            conn.execute(
                "ALTER TABLE deal_events ADD COLUMN protection_ends_on TEXT",
                [],
            )?;
        }
        if version < 3 {
            conn.execute("ALTER TABLE users ADD COLUMN removed_at INTEGER", [])?;
        }
        if version < 2 {
            conn.execute(
                "INSERT INTO deals_search (deals_search) VALUES ('rebuild')",
                [],
            )?;
            super::leaderboards::refresh_ranks(conn)?;
        }
        conn.pragma_update(None, "user_version", VERSION)?;
        Ok(())
    };
    upgrade().map_err(|e| format!("cannot create or upgrade the schema: {e:?}"))
}

fn has_column(conn: &rusqlite::Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}
