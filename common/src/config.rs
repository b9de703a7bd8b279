//! Layered configuration shared by agent and master: a TOML file, then
//! `PICCOLO_<KEY>` environment variables, then command-line flags, merged into
//! one TOML table that the binary deserializes strictly (unknown keys are
//! errors that name the key). Also the duration syntax (`500ms`, `10s`, `5m`,
//! `24h`, `7d`) used in every config file.

use std::path::Path;
use std::time::Duration;

use thiserror::Error;
use toml::{Table, Value};

/// Exit code for configuration errors (EX_USAGE).
pub const EXIT_CONFIG: i32 = 64;

/// A configuration problem, always naming the key or file.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {reason}")]
    Read { path: String, reason: String },
    /// `reason` keeps toml's layout: the line, a caret under the fault, the message.
    #[error("config file {path} is not valid TOML:\n{reason}")]
    Parse { path: String, reason: String },
    #[error("config key `{key}`: {reason}")]
    Key { key: String, reason: String },
    #[error("config: {0}")]
    Other(String),
}

/// Reads a TOML file into a table.
pub fn read_file(path: &Path) -> Result<Table, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::Read { path: path.display().to_string(), reason: e.to_string() })?;
    text.parse::<Table>().map_err(|e| ConfigError::Parse {
        path: path.display().to_string(),
        reason: e.to_string().trim_end().to_string(),
    })
}

/// Parses an override value the way TOML would (numbers, booleans, arrays),
/// falling back to a plain string; comma lists become arrays for list keys.
fn parse_value(raw: &str, list: bool) -> Value {
    if list {
        return Value::Array(
            raw.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| Value::String(s.to_string())).collect(),
        );
    }
    match format!("v = {raw}").parse::<Table>() {
        Ok(mut t) => t.remove("v").unwrap_or_else(|| Value::String(raw.to_string())),
        Err(_) => Value::String(raw.to_string()),
    }
}

/// Applies `PICCOLO_<KEY>` variables for each of `keys` (list keys take
/// comma-separated values) on top of `table`.
pub fn apply_env(table: &mut Table, keys: &[&str], list_keys: &[&str]) {
    for key in keys {
        let var = format!("PICCOLO_{}", key.to_ascii_uppercase());
        if let Ok(raw) = std::env::var(&var) {
            table.insert((*key).to_string(), parse_value(&raw, list_keys.contains(key)));
        }
    }
}

/// Sets a flag's value on top of everything else.
pub fn set(table: &mut Table, key: &str, value: Value) {
    table.insert(key.to_string(), value);
}

/// The layers in order: the file (if any), then `PICCOLO_*` variables named in
/// `env_keys`, then flags; deserialized (not yet validated).
pub fn layered<T: serde::de::DeserializeOwned>(
    file: Option<&Path>,
    env_keys: &[&str],
    list_keys: &[&str],
    flags: Table,
) -> Result<T, ConfigError> {
    let mut table = match file {
        Some(path) => read_file(path)?,
        None => Table::new(),
    };
    apply_env(&mut table, env_keys, list_keys);
    for (k, v) in flags {
        set(&mut table, &k, v);
    }
    finish(table)
}

/// Deserializes the merged table, turning serde errors into key-naming errors.
pub fn finish<T: serde::de::DeserializeOwned>(table: Table) -> Result<T, ConfigError> {
    T::deserialize(Value::Table(table)).map_err(|e| ConfigError::Other(e.to_string().trim().replace('\n', " ")))
}

/// Parses `500ms`, `10s`, `5m`, `2h`, `7d` (a bare number means seconds).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("{s:?} is not a duration (use e.g. 500ms, 10s, 5m, 2h, 7d)"))?;
    let ms = match unit.trim() {
        "ms" => Some(n),
        "" | "s" => n.checked_mul(1000),
        "m" => n.checked_mul(60_000),
        "h" => n.checked_mul(3_600_000),
        "d" => n.checked_mul(86_400_000),
        _ => return Err(format!("{s:?} has an unknown unit (use ms, s, m, h or d)")),
    };
    ms.map(Duration::from_millis).ok_or_else(|| format!("{s:?} is too large"))
}

/// Formats a duration in the same syntax.
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(86_400_000) && ms > 0 {
        format!("{}d", ms / 86_400_000)
    } else if ms.is_multiple_of(3_600_000) && ms > 0 {
        format!("{}h", ms / 3_600_000)
    } else if ms.is_multiple_of(60_000) && ms > 0 {
        format!("{}m", ms / 60_000)
    } else if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else {
        format!("{ms}ms")
    }
}

/// serde helper: `#[serde(with = "piccolo_common::config::duration")]`.
pub mod duration {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Secs(u64),
        }
        match Raw::deserialize(d)? {
            Raw::Text(s) => super::parse_duration(&s).map_err(serde::de::Error::custom),
            Raw::Secs(n) => Ok(Duration::from_secs(n)),
        }
    }

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_duration(*d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86400)));
        assert!(parse_duration("ten").is_err());
        assert!(parse_duration("5 parsecs").is_err());
        for d in ["500ms", "10s", "5m", "2h", "7d"] {
            assert_eq!(format_duration(parse_duration(d).expect("ok")), d);
        }
    }

    #[test]
    fn override_values_parse_like_toml() {
        assert_eq!(parse_value("true", false), Value::Boolean(true));
        assert_eq!(parse_value("42", false), Value::Integer(42));
        assert_eq!(parse_value("10s", false), Value::String("10s".into()));
        assert_eq!(
            parse_value("http://a:1, http://b:2", true),
            Value::Array(vec![Value::String("http://a:1".into()), Value::String("http://b:2".into())])
        );
    }
}
