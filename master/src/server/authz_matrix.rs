//! The authorization matrix: what each kind of caller gets from the front
//! door for every rule of [`super::authz`], through the gRPC or the REST
//! door. One function ([`answer`]) renders the docs' table
//! (docs/RELIABILITY.md) and drives the call-by-call test through both doors
//! (`master/tests/authz.rs`).

use super::auth::Role;
use super::authz::{Access, Decision, REST_ROUTES, Rule, Service, TABLE, decide, rule_of};

/// The kinds of caller the authorization matrix covers (the docs' table and
/// `master/tests/authz.rs` are both generated from [`answer`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallerKind {
    Admin,
    Viewer,
    /// A browser with a console token (REST door only).
    ConsoleToken,
    /// A node certificate calling about itself.
    OwnNode,
    /// A node certificate of another node (admin calls naming a node).
    OtherNode,
    /// An admin certificate signed by the cluster CA, past its expiry.
    ExpiredAdmin,
    /// A node whose certificate was revoked.
    RevokedNode,
    /// A node that was removed from the cluster.
    RemovedNode,
    NoCertificate,
    /// A certificate signed by another CA.
    ForeignCa,
}

/// Every caller kind, in the docs' column order.
pub const CALLER_KINDS: &[CallerKind] = &[
    CallerKind::Admin,
    CallerKind::Viewer,
    CallerKind::ConsoleToken,
    CallerKind::OwnNode,
    CallerKind::OtherNode,
    CallerKind::ExpiredAdmin,
    CallerKind::RevokedNode,
    CallerKind::RemovedNode,
    CallerKind::NoCertificate,
    CallerKind::ForeignCa,
];

impl CallerKind {
    pub fn label(self) -> &'static str {
        match self {
            CallerKind::Admin => "admin",
            CallerKind::Viewer => "viewer",
            CallerKind::ConsoleToken => "console token",
            CallerKind::OwnNode => "node (own)",
            CallerKind::OtherNode => "node (other)",
            CallerKind::ExpiredAdmin => "expired admin",
            CallerKind::RevokedNode => "revoked node",
            CallerKind::RemovedNode => "removed node",
            CallerKind::NoCertificate => "no certificate",
            CallerKind::ForeignCa => "foreign CA",
        }
    }
}

/// What a caller gets from the front door.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The handler runs (its own answer may still be an error, never these two).
    Allowed,
    /// gRPC `Unauthenticated`, HTTP 401.
    Unauthenticated,
    /// gRPC `PermissionDenied`, HTTP 403.
    PermissionDenied,
    /// The TLS handshake fails: no request is made (so no audit line).
    TlsRefused,
    /// This door has no such credential (console tokens are REST only).
    NotApplicable,
}

impl Answer {
    fn cell(self) -> &'static str {
        match self {
            Answer::Allowed => "yes",
            Answer::Unauthenticated => "401 / Unauthenticated",
            Answer::PermissionDenied => "403 / PermissionDenied",
            Answer::TlsRefused => "TLS refused",
            Answer::NotApplicable => "-",
        }
    }
}

fn answer_of(d: Decision) -> Answer {
    match d {
        Decision::Allow => Answer::Allowed,
        Decision::NeedCertificate => Answer::Unauthenticated,
        Decision::WrongRole => Answer::PermissionDenied,
    }
}

/// The front door's answer to `kind` calling `rule` through the REST door
/// (`rest`) or the gRPC door.
pub fn answer(rule: &Rule, kind: CallerKind, rest: bool) -> Answer {
    let open = matches!(rule.access, Access::Token | Access::Public);
    let as_role = |role: Option<Role>| answer_of(decide(rule.access, role.as_ref()));
    match kind {
        CallerKind::ForeignCa => Answer::TlsRefused,
        CallerKind::ConsoleToken if !rest => Answer::NotApplicable,
        CallerKind::Admin => as_role(Some(Role::Admin)),
        CallerKind::Viewer | CallerKind::ConsoleToken => as_role(Some(Role::Viewer)),
        CallerKind::OwnNode | CallerKind::OtherNode => as_role(Some(Role::Node)),
        CallerKind::NoCertificate => as_role(None),
        CallerKind::ExpiredAdmin => match as_role(Some(Role::Admin)) {
            Answer::Allowed if !open => Answer::Unauthenticated,
            a => a,
        },
        CallerKind::RevokedNode | CallerKind::RemovedNode => match as_role(Some(Role::Node)) {
            Answer::Allowed if !open => Answer::PermissionDenied,
            a => a,
        },
    }
}

/// The matrix as Markdown, as it appears in docs/RELIABILITY.md: every gRPC
/// call and every REST route against every caller kind.
pub fn render_markdown() -> String {
    let kinds: Vec<CallerKind> = CALLER_KINDS.iter().copied().filter(|k| *k != CallerKind::ForeignCa).collect();
    let mut out = String::from("| door | call | ");
    for k in &kinds {
        out.push_str(k.label());
        out.push_str(" | ");
    }
    out.push_str("audited |\n| --- | --- |");
    out.push_str(&" --- |".repeat(kinds.len() + 1));
    out.push('\n');
    let mut row = |door: &str, call: String, rule: &Rule, rest: bool| {
        out.push_str(&format!("| {door} | {call} |"));
        for k in &kinds {
            let mut cell = answer(rule, *k, rest).cell().to_string();
            if cell == "yes" && rule.access == Access::Node {
                cell = "yes (acts on itself)".into();
            } else if cell == "yes" && rule.access == Access::Token {
                cell = "yes (with a bootstrap token)".into();
            }
            out.push_str(&format!(" {cell} |"));
        }
        out.push_str(if rule.mutation { " yes |\n" } else { " refusals |\n" });
    };
    for r in TABLE.iter().filter(|r| r.service != Service::Web) {
        row("gRPC", format!("{}/{}", r.service.label(), r.rpc), r, false);
    }
    for route in REST_ROUTES {
        if let Some(r) = rule_of(route) {
            row("REST", format!("`{} {}` ({})", route.method, route.path, r.rpc), r, true);
        }
    }
    out
}
