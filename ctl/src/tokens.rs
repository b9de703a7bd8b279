//! `piccoloctl token create|list|revoke`: bootstrap tokens.

use piccolo_common::{out, outln};
use piccolo_proto::{CreateTokenRequest, ListTokensRequest, RevokeTokenRequest, TokenInfo};

use crate::cli::TokenCmd;
use crate::client::Client;
use crate::format::emit;
use crate::{Failure, output, parse_labels, rpc_err};

/// A token's state as people read it.
fn state(t: &TokenInfo, now: i64) -> &'static str {
    if t.revoked {
        "revoked"
    } else if now >= t.expires_at_ms {
        "expired"
    } else if t.max_uses > 0 && t.used >= t.max_uses {
        "used-up"
    } else {
        "valid"
    }
}

/// Runs a token subcommand.
pub async fn run(c: &mut Client, action: TokenCmd) -> Result<(), Failure> {
    match action {
        TokenCmd::Create { ttl, uses, labels, description } => {
            let ttl = piccolo_common::config::parse_duration(&ttl).map_err(|e| Failure(format!("--ttl: {e}"), 2))?;
            if ttl.as_secs() == 0 {
                return Err(Failure("--ttl must be at least 1s".into(), 2));
            }
            let req =
                CreateTokenRequest { ttl_seconds: ttl.as_secs(), uses, labels: parse_labels(&labels)?, description };
            let r = c.create_token(req).await.map_err(|s| rpc_err("token create", s))?.into_inner();
            outln!("{}", r.token);
        }
        TokenCmd::List { output: format } => {
            let tokens =
                c.list_tokens(ListTokensRequest {}).await.map_err(|s| rpc_err("token list", s))?.into_inner().tokens;
            if format.structured() {
                emit(format, "token", &serde_json::Value::Array(tokens.iter().map(output::token_json).collect()));
                return Ok(());
            }
            let now = piccolo_common::time::now_ms();
            let rows: Vec<Vec<String>> = tokens
                .iter()
                .map(|t| {
                    vec![
                        t.id.clone(),
                        state(t, now).into(),
                        output::time(t.expires_at_ms).unwrap_or_default(),
                        if t.max_uses == 0 {
                            format!("{}/unlimited", t.used)
                        } else {
                            format!("{}/{}", t.used, t.max_uses)
                        },
                        t.description.clone(),
                    ]
                })
                .collect();
            out!("{}", output::table(&["ID", "STATE", "EXPIRES", "USES", "DESCRIPTION"], &rows));
        }
        TokenCmd::Revoke { id } => {
            let r = c
                .revoke_token(RevokeTokenRequest { id: id.clone() })
                .await
                .map_err(|s| rpc_err(&format!("token revoke {id}"), s))?
                .into_inner();
            outln!("token {} revoked", r.info.map(|i| i.id).unwrap_or(id));
        }
    }
    Ok(())
}
