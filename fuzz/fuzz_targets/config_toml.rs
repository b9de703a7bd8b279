//! The master's and the agent's TOML config files: parsed, deserialised and
//! validated (the first byte picks which).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Ok(table) = text.parse::<toml::Table>() else { return };
    if which % 2 == 0 {
        if let Ok(c) = piccolo_common::config::finish::<piccolo_master::config::MasterConfig>(table) {
            let _ = c.validate();
            let _ = c.cert_names();
        }
    } else if let Ok(c) = piccolo_common::config::finish::<piccolo_agent::config::AgentConfig>(table) {
        let _ = c.validate();
    }
});
