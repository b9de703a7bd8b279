//! Label selectors for `get nodes -l ...`: `k=v`, `k==v`, `k!=v`, `k` (has
//! the label), `!k` (lacks it); a comma means "and".

use std::collections::HashMap;

/// One requirement.
#[derive(Debug, PartialEq, Eq)]
enum Req {
    Eq(String, String),
    Ne(String, String),
    Has(String),
    Lacks(String),
}

/// A parsed selector (all requirements must hold).
#[derive(Debug, Default)]
pub struct Selector(Vec<Req>);

fn key(k: &str, whole: &str) -> Result<String, String> {
    let k = k.trim();
    if k.is_empty() || k.contains(['=', '!', ' ']) {
        return Err(format!("selector {whole:?}: {k:?} is not a label key (use k=v, k!=v, k or !k, joined by commas)"));
    }
    Ok(k.to_string())
}

impl Selector {
    /// Parses `zone=a,role!=cloud,gpu`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut reqs = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let r = if let Some((k, v)) = part.split_once("!=") {
                Req::Ne(key(k, s)?, v.trim().to_string())
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                Req::Eq(key(k, s)?, v.trim().to_string())
            } else if let Some(k) = part.strip_prefix('!') {
                Req::Lacks(key(k, s)?)
            } else {
                Req::Has(key(part, s)?)
            };
            reqs.push(r);
        }
        if reqs.is_empty() {
            return Err(format!("selector {s:?} is empty (use k=v, k!=v, k or !k, joined by commas)"));
        }
        Ok(Self(reqs))
    }

    /// Whether `labels` satisfy every requirement.
    pub fn matches(&self, labels: &HashMap<String, String>) -> bool {
        self.0.iter().all(|r| match r {
            Req::Eq(k, v) => labels.get(k) == Some(v),
            Req::Ne(k, v) => labels.get(k) != Some(v),
            Req::Has(k) => labels.contains_key(k),
            Req::Lacks(k) => !labels.contains_key(k),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn selectors() {
        let l: HashMap<String, String> =
            [("zone", "a"), ("role", "edge")].into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert!(Selector::parse("zone=a").unwrap().matches(&l));
        assert!(Selector::parse("zone==a, role!=cloud").unwrap().matches(&l));
        assert!(!Selector::parse("zone=a,role=cloud").unwrap().matches(&l));
        assert!(Selector::parse("role").unwrap().matches(&l));
        assert!(!Selector::parse("!role").unwrap().matches(&l));
        assert!(Selector::parse("region!=eu").unwrap().matches(&l));
        assert!(Selector::parse("").is_err());
        assert!(Selector::parse("=a").is_err());
    }
}
