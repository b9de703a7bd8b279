//! `-o yaml`: JSON values written as block-style YAML 1.2. Strings that YAML
//! would read as something else (numbers, booleans, `null`, leading
//! indicators, `: `, ` #`) are written double-quoted, which is JSON's own
//! escaping and valid YAML, so `yaml.safe_load` gives back the `-o json` value.

use serde_json::Value;

/// The YAML document for `v`, ending in a newline.
pub fn to_string(v: &Value) -> String {
    let mut out = String::new();
    match v {
        Value::Array(a) if !a.is_empty() => seq(&mut out, a, 0),
        Value::Object(o) if !o.is_empty() => map(&mut out, o, 0),
        _ => {
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn map(out: &mut String, o: &serde_json::Map<String, Value>, indent: usize) {
    let mut first = true;
    for (k, v) in o {
        if !first {
            pad(out, indent);
        }
        first = false;
        out.push_str(&string(k));
        out.push(':');
        nested(out, v, indent + 2);
    }
}

fn seq(out: &mut String, a: &[Value], indent: usize) {
    let mut first = true;
    for v in a {
        if !first {
            pad(out, indent);
        }
        first = false;
        out.push_str("- ");
        match v {
            Value::Object(o) if !o.is_empty() => map(out, o, indent + 2),
            Value::Array(inner) if !inner.is_empty() => seq(out, inner, indent + 2),
            _ => {
                out.push_str(&scalar(v));
                out.push('\n');
            }
        }
    }
}

/// The value after `key:`: inline for scalars and empty collections, else on
/// the following lines, indented.
fn nested(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push('\n');
            pad(out, indent);
            map(out, o, indent);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            pad(out, indent);
            seq(out, a, indent);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

fn string(s: &str) -> String {
    if plain_is_safe(s) { s.to_string() } else { Value::String(s.to_string()).to_string() }
}

/// A plain (unquoted) scalar reads back as this same string.
fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    let reserved = matches!(
        s.to_ascii_lowercase().as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf" | "-.inf" | "+.inf"
    );
    !reserved
        && !first.is_ascii_digit()
        && !"-+.?:,[]{}#&*!|>'\"%@`= ".contains(first)
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && s.chars().all(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::to_string;

    #[test]
    fn nested_values_are_block_style() {
        let v = json!([{"name": "n1", "labels": {"zone": "a"}, "ips": ["10.0.0.1"], "empty": [], "none": null}]);
        assert_eq!(
            to_string(&v),
            "- empty: []\n  ips:\n    - \"10.0.0.1\"\n  labels:\n    zone: a\n  name: n1\n  none: null\n"
        );
    }

    #[test]
    fn strings_that_would_change_type_are_quoted() {
        for s in ["true", "1.5", "", "-", "a: b", "x #y", "null", "NO", "line\nbreak", "2026-01-01T00:00:00Z"] {
            let out = to_string(&json!({ "k": s }));
            assert!(out.starts_with("k: \""), "{s:?} -> {out}");
        }
        assert_eq!(to_string(&json!({"k": "Ready"})), "k: Ready\n");
    }
}
