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
  links_json TEXT NOT NULL, PRIMARY KEY (company_id, id));
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
";

/// What `PRAGMA user_version` says a database has: 2 added the search index and the ranks,
/// 3 the removal of a user (`users.removed_at`).
const VERSION: i64 = 3;

/// Creates what is missing and brings a database from an older build up to date.
pub fn create(conn: &rusqlite::Connection) -> Result<(), String> {
    let upgrade = || -> crate::error::AppResult<()> {
        conn.execute_batch(SCHEMA)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
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
