//! `-o`: how a command prints what it read. Tables for people; `json`,
//! `yaml` and `name` (`KIND/NAME` per line, kubectl's habit) for scripts.

use clap::ValueEnum;
use piccolo_common::out;
use serde_json::Value;

/// The `-o` values every listing command takes.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// Columns for people.
    Table,
    /// The table with more columns (nodes: address, arch, OS, kernel, usage,
    /// agent; containers: ID and start time); other kinds have no more to show.
    Wide,
    /// JSON, pretty-printed.
    Json,
    /// The same document as json, as YAML.
    Yaml,
    /// One KIND/NAME per line.
    Name,
}

impl Format {
    /// json, yaml or name: one structured value rather than a table.
    pub fn structured(self) -> bool {
        matches!(self, Format::Json | Format::Yaml | Format::Name)
    }
}

/// Prints `v` as `format` asks; `kind` prefixes names for `-o name`. Tables
/// are the caller's business: here `table`/`wide` fall back to JSON.
pub fn emit(format: Format, kind: &str, v: &Value) {
    match format {
        Format::Yaml => out!("{}", crate::yaml::to_string(v)),
        Format::Name => {
            for name in names(v) {
                out!("{kind}/{name}\n");
            }
        }
        _ => out!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default()),
    }
}

/// Prints one item of a stream (`--watch`): JSON on one line, a YAML
/// document, or its name.
pub fn emit_item(format: Format, kind: &str, v: &Value) {
    match format {
        Format::Yaml => out!("---\n{}", crate::yaml::to_string(v)),
        Format::Name => emit(format, kind, v),
        _ => out!("{}\n", serde_json::to_string(v).unwrap_or_default()),
    }
}

/// The names in a listing: each element's `name`, else `id`, `node` or `seq`.
fn names(v: &Value) -> Vec<String> {
    let one = |v: &Value| {
        ["name", "id", "node", "version", "seq"].iter().find_map(|k| match v.get(*k) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    match v {
        Value::Array(a) => a.iter().filter_map(one).collect(),
        Value::Object(o) => match one(v) {
            Some(n) => vec![n],
            // Grouped output ({group: [items]}): every item's name.
            None => o.values().flat_map(names).collect(),
        },
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::names;

    #[test]
    fn names_come_from_the_identifying_key() {
        assert_eq!(names(&json!([{"name": "a"}, {"id": "t1"}, {"node": "n"}])), ["a", "t1", "n"]);
        assert_eq!(names(&json!({"zone-a": [{"name": "a"}], "zone-b": [{"name": "b"}]})), ["a", "b"]);
        assert_eq!(names(&json!({"version": 7, "nodes": []})), ["7"]);
    }
}
