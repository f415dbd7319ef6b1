//! Command-line settings of the reference backend.

use std::path::PathBuf;

use crate::auth::AuthMode;
use crate::store::SeedSize;

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
    /// Whether requests without credentials act as the demo partner.
    pub auth: AuthMode,
}

impl Settings {
    /// How to call the server, shown on bad arguments.
    pub const USAGE: &'static str =
        "usage: portal-server [--addr HOST:PORT] [--static-dir DIR] [--base-path /PATH]";

    /// Reads `--flag value` pairs; anything unknown is an error, never ignored.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut settings = Settings {
            addr: "127.0.0.1:8080".into(),
            static_dir: PathBuf::from("dist"),
            base_path: String::new(),
            db_path: std::env::var_os("PORTAL_DB")
                .map_or_else(|| PathBuf::from("portal-demo.sqlite3"), PathBuf::from),
            seed: SeedSize::Demo,
            auth: AuthMode::Demo,
        };
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
                "--auth" => {
                    let modes = [("demo", AuthMode::Demo), ("required", AuthMode::Required)];
                    settings.auth = choice("--auth", &value()?, &modes)?;
                }
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        Ok(settings)
    }
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
            "--auth",
            "required",
        ])
        .unwrap();
        assert_eq!(s.db_path, std::path::PathBuf::from("/tmp/x.sqlite3"));
        assert_eq!((s.seed, s.auth), (SeedSize::Large, AuthMode::Required));
        assert!(parse(&["--seed", "huge"]).is_err());
        assert!(parse(&["--auth", "none"]).is_err());
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
