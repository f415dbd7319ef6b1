//! Command-line settings of the reference backend.

use std::path::PathBuf;

use crate::auth::{AuthMode, OidcSettings};
use crate::store::{Lifetimes, SeedSize};

/// A one-off task on the database: do it, print the outcome, stop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdminTask {
    /// `--set-password EMAIL`: that user's password, from `PORTAL_PASSWORD`.
    SetPassword(String),
    /// `--create-api-key NAME`: a key for an integration, printed once.
    CreateApiKey(String),
    /// `--add-channel-member "Name <email>"`: a channel team member, who signs in through the
    /// vendor's provider.
    AddChannelMember { name: String, email: String },
}

/// Where to listen and what to serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Socket address to listen on, e.g. `127.0.0.1:8080`.
    pub addr: String,
    /// Folder with the built portal (Trunk's `dist`).
    pub static_dir: PathBuf,
    /// Sub-path the portal is served under (`""` or e.g. `/portal`), matching Trunk's public URL.
    pub base_path: String,
    /// SQLite file; created and seeded on first start (env `PORTAL_DB`).
    pub db_path: PathBuf,
    /// How much demo data a new database gets.
    pub seed: SeedSize,
    /// Production (the default), or the demo with its demo accounts (`--demo`, loopback only).
    pub auth: AuthMode,
    /// How long a session lives unused (`--session-idle-minutes`) and at most (`--session-hours`).
    pub lifetimes: Lifetimes,
    /// A one-off task on the database instead of serving.
    pub task: Option<AdminTask>,
    /// The OpenID Connect provider whose access tokens are accepted (`--oidc-issuer` and
    /// `--oidc-audience`, or env `PORTAL_OIDC_ISSUER` and `PORTAL_OIDC_AUDIENCE`).
    pub oidc: Option<OidcSettings>,
}

impl Settings {
    /// How to call the server, shown on bad arguments.
    pub const USAGE: &'static str =
        "usage: portal-server [--addr HOST:PORT] [--static-dir DIR] [--base-path /PATH] [--db FILE]
       [--seed demo|large] [--demo [--allow-public-demo]]
       [--session-idle-minutes N] [--session-hours N]
       [--oidc-issuer URL --oidc-audience AUDIENCE]
   or: PORTAL_PASSWORD=... portal-server --db FILE --set-password EMAIL
   or: portal-server --db FILE --create-api-key NAME
   or: portal-server --db FILE --add-channel-member \"Name <email>\"";

    /// Reads `--flag value` pairs; anything unknown is an error, never ignored.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut settings = Settings {
            addr: "127.0.0.1:8080".into(),
            static_dir: PathBuf::from("dist"),
            base_path: String::new(),
            db_path: std::env::var_os("PORTAL_DB")
                .map_or_else(|| PathBuf::from("portal-demo.sqlite3"), PathBuf::from),
            seed: SeedSize::Demo,
            auth: AuthMode::Production,
            lifetimes: Lifetimes {
                idle: 60 * 60,
                absolute: 12 * 60 * 60,
            },
            task: None,
            oidc: None,
        };
        let mut public_demo = false;
        let (mut issuer, mut audience) = (
            std::env::var("PORTAL_OIDC_ISSUER")
                .ok()
                .filter(|v| !v.is_empty()),
            std::env::var("PORTAL_OIDC_AUDIENCE")
                .ok()
                .filter(|v| !v.is_empty()),
        );
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--addr" => settings.addr = value()?,
                "--static-dir" => settings.static_dir = PathBuf::from(value()?),
                "--base-path" => {
                    let path = value()?;
                    let trimmed = path.trim_end_matches('/');
                    if !trimmed.is_empty() && !trimmed.starts_with('/') {
                        return Err(format!("--base-path must start with /, got {path:?}"));
                    }
                    settings.base_path = trimmed.to_owned();
                }
                "--db" => settings.db_path = PathBuf::from(value()?),
                "--seed" => {
                    let seeds = [("demo", SeedSize::Demo), ("large", SeedSize::Large)];
                    settings.seed = choice("--seed", &value()?, &seeds)?;
                }
                "--demo" => settings.auth = AuthMode::Demo,
                "--allow-public-demo" => public_demo = true,
                "--session-idle-minutes" => settings.lifetimes.idle = minutes(&flag, &value()?, 1)?,
                "--session-hours" => settings.lifetimes.absolute = minutes(&flag, &value()?, 60)?,
                "--set-password" => settings.task = Some(AdminTask::SetPassword(value()?)),
                "--create-api-key" => settings.task = Some(AdminTask::CreateApiKey(value()?)),
                "--add-channel-member" => settings.task = Some(channel_member(&value()?)?),
                "--oidc-issuer" => issuer = Some(value()?),
                "--oidc-audience" => audience = Some(value()?),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        settings.oidc = match (issuer, audience) {
            (None, None) => None,
            (Some(issuer), Some(audience)) => {
                if !crate::auth::trusted_url(&issuer) {
                    return Err(format!(
                        "--oidc-issuer must be an https:// URL (or http:// on loopback), got {issuer:?}"
                    ));
                }
                Some(OidcSettings { issuer, audience })
            }
            _ => return Err("--oidc-issuer and --oidc-audience go together".into()),
        };
        if settings.auth == AuthMode::Demo && !public_demo && !is_loopback(&settings.addr) {
            return Err(format!(
                "--demo signs anyone in with a published password, so it listens only on loopback \
                 (127.0.0.1, ::1, localhost), not {}; add --allow-public-demo to force it",
                settings.addr
            ));
        }
        Ok(settings)
    }
}

/// `Dana Whitfield <dana@vendor.example>` as a name and an e-mail.
fn channel_member(value: &str) -> Result<AdminTask, String> {
    let parsed = value
        .trim()
        .strip_suffix('>')
        .and_then(|rest| rest.split_once('<'))
        .map(|(name, email)| (name.trim(), email.trim()))
        .filter(|(name, email)| {
            !name.is_empty() && api_types::deal_rules::check_email(email).is_none()
        });
    match parsed {
        Some((name, email)) => Ok(AdminTask::AddChannelMember {
            name: name.into(),
            email: email.into(),
        }),
        None => Err(format!(
            "--add-channel-member needs \"Name <email>\", got {value:?}"
        )),
    }
}

/// `value` as a whole number of `unit` minutes, in seconds.
fn minutes(flag: &str, value: &str, unit: i64) -> Result<i64, String> {
    match value.parse::<i64>() {
        Ok(n) if (1..=100_000).contains(&n) => Ok(n * unit * 60),
        _ => Err(format!("{flag} needs a whole number from 1, got {value:?}")),
    }
}

/// Whether `addr` (HOST:PORT) is a loopback address.
fn is_loopback(addr: &str) -> bool {
    let host = addr.rsplit_once(':').map_or(addr, |(host, _)| host);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The value of `flag` among `choices` by name, or a message listing them.
fn choice<T: Copy>(flag: &str, given: &str, choices: &[(&str, T)]) -> Result<T, String> {
    choices
        .iter()
        .find(|(name, _)| *name == given)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
            format!("{flag} must be {}, got {given:?}", names.join(" or "))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Settings, String> {
        Settings::from_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_serve_dist_on_loopback() {
        let s = parse(&[]).unwrap();
        assert_eq!(s.addr, "127.0.0.1:8080");
        assert_eq!(s.base_path, "");
    }

    #[test]
    fn base_path_is_normalised_and_checked() {
        assert_eq!(
            parse(&["--base-path", "/portal/"]).unwrap().base_path,
            "/portal"
        );
        assert_eq!(parse(&["--base-path", "/"]).unwrap().base_path, "");
        assert!(parse(&["--base-path", "portal"]).is_err());
    }

    #[test]
    fn data_flags_are_read_and_checked() {
        let s = parse(&[
            "--db",
            "/tmp/x.sqlite3",
            "--seed",
            "large",
            "--demo",
            "--session-idle-minutes",
            "5",
        ])
        .unwrap();
        assert_eq!(s.db_path, std::path::PathBuf::from("/tmp/x.sqlite3"));
        assert_eq!((s.seed, s.auth), (SeedSize::Large, AuthMode::Demo));
        assert_eq!(s.lifetimes.idle, 300);
        assert!(parse(&["--seed", "huge"]).is_err());
        assert!(parse(&["--session-hours", "0"]).is_err());
    }

    #[test]
    fn production_is_the_default_and_the_demo_stays_on_loopback() {
        assert_eq!(parse(&[]).unwrap().auth, AuthMode::Production);
        for addr in [
            "127.0.0.1:8080",
            "[::1]:80",
            "localhost:3000",
            "127.5.0.1:1",
        ] {
            assert_eq!(
                parse(&["--demo", "--addr", addr]).unwrap().auth,
                AuthMode::Demo,
                "{addr}"
            );
        }
        for addr in [
            "0.0.0.0:8080",
            "192.168.1.4:80",
            "[::]:8080",
            "portal.example.com:443",
        ] {
            let error = parse(&["--addr", addr, "--demo"]).unwrap_err();
            assert!(error.contains("only on loopback"), "{addr}: {error}");
            assert!(parse(&["--addr", addr, "--demo", "--allow-public-demo"]).is_ok());
            assert_eq!(parse(&["--addr", addr]).unwrap().auth, AuthMode::Production);
        }
    }

    #[test]
    fn one_off_tasks_are_read_with_their_values() {
        assert_eq!(
            parse(&["--create-api-key", "CRM sync"]).unwrap().task,
            Some(AdminTask::CreateApiKey("CRM sync".into()))
        );
        assert_eq!(
            parse(&[
                "--add-channel-member",
                " Dana Whitfield <dana@vendor.example> "
            ])
            .unwrap()
            .task,
            Some(AdminTask::AddChannelMember {
                name: "Dana Whitfield".into(),
                email: "dana@vendor.example".into()
            })
        );
        for bad in [
            "dana@vendor.example",
            "<dana@vendor.example>",
            "Dana <dana>",
        ] {
            assert!(parse(&["--add-channel-member", bad]).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_and_incomplete_flags_are_errors() {
        assert_eq!(
            parse(&["--port"]).unwrap_err(),
            "unknown argument \"--port\""
        );
        assert_eq!(parse(&["--addr"]).unwrap_err(), "--addr needs a value");
    }
}
