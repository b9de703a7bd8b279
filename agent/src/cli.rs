//! The agent's command line: `run`, `check`, `help`, `--help` and
//! `--version`, parsed by hand. clap's derive parser cost the static aarch64
//! agent 131 KB for two subcommands and eleven flags (docs/PERFORMANCE.md,
//! "No clap, and the agent crate at z"); this module keeps its flags,
//! help texts, `--flag=value` / `-c value` / `-cvalue` forms and exit codes
//! (0 for help and version on stdout, 2 for a usage error on stderr).

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::PathBuf;

/// What the command line asked for.
#[derive(Debug, PartialEq)]
pub enum Cli {
    /// `piccolo-agent run ...`.
    Run(RunArgs),
    /// `piccolo-agent check ...`.
    Check(CheckArgs),
    /// Help or version text: print it on stdout and exit 0.
    Print(String),
}

/// `run`'s flags; `PICCOLO_*` variables and the config file fill the rest.
#[derive(Debug, Default, PartialEq)]
pub struct RunArgs {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub master: Option<String>,
    pub token: Option<String>,
    pub ca_file: Option<String>,
    pub ca_cert_hash: Option<String>,
    pub name: Option<String>,
}

/// `check`'s flags.
#[derive(Debug, PartialEq)]
pub struct CheckArgs {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub master: Option<String>,
    /// `table` (default) or `json`.
    pub output: String,
}

/// A usage error: printed on stderr with the usage line, exit code 2.
#[derive(Debug, PartialEq)]
pub struct UsageError {
    message: String,
    usage: &'static str,
}

/// The exit code of a usage error (clap's, kept).
pub const EXIT_USAGE: u8 = 2;

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}\n\nUsage: {}\n\nFor more information, try '--help'.", self.message, self.usage)
    }
}

impl std::error::Error for UsageError {}

const TOP_USAGE: &str = "piccolo-agent <COMMAND>";
const RUN_USAGE: &str = "piccolo-agent run [OPTIONS]";
const CHECK_USAGE: &str = "piccolo-agent check [OPTIONS]";

const TOP_HELP: &str = "Piccolo device agent

Usage: piccolo-agent <COMMAND>

Commands:
  run    Enrol (first run) and keep a session with the master
  check  Run the readiness checks the agent runs before it reports Ready; exits non-zero when a required check fails
  help   Print this message or the help of the given subcommand(s)

Options:
  -h, --help     Print help
  -V, --version  Print version
";

const RUN_HELP: &str = "Enrol (first run) and keep a session with the master

Usage: piccolo-agent run [OPTIONS]

Options:
  -c, --config <CONFIG>              TOML config file; `PICCOLO_*` variables and flags override it
      --data-dir <DATA_DIR>          Directory for the node key, certificates and offline buffer (default /var/lib/piccolo-agent)
      --master <MASTER>              The master's HOST:PORT, or several comma-separated (masters of one cluster)
      --token <TOKEN>                Bootstrap token (first enrolment only)
      --ca-file <CA_FILE>            The cluster CA certificate to trust at enrolment
      --ca-cert-hash <CA_CERT_HASH>  Pin of the cluster CA: sha256:<hex> (from `piccoloctl cluster-info`)
      --name <NAME>                  Node name (default: the hostname)
  -h, --help                         Print help
";

const CHECK_HELP: &str =
    "Run the readiness checks the agent runs before it reports Ready; exits non-zero when a required check fails

Usage: piccolo-agent check [OPTIONS]

Options:
  -c, --config <CONFIG>      TOML config file, the same one `run` takes
      --data-dir <DATA_DIR>  The agent's data directory whose disk is checked (default /var/lib/piccolo-agent)
      --master <MASTER>      Also check that this master accepts connections
  -o, --output <OUTPUT>      table (default) or json [default: table]
  -h, --help                 Print help
";

/// A flag that takes a value: its long name and optional short letter.
type Flag = (&'static str, Option<char>);

const RUN_FLAGS: [Flag; 7] = [
    ("config", Some('c')),
    ("data-dir", None),
    ("master", None),
    ("token", None),
    ("ca-file", None),
    ("ca-cert-hash", None),
    ("name", None),
];

const CHECK_FLAGS: [Flag; 4] = [("config", Some('c')), ("data-dir", None), ("master", None), ("output", Some('o'))];

/// Parses the arguments after the program name.
pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Result<Cli, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err(UsageError {
            message: "'piccolo-agent' requires a subcommand but one was not provided".into(),
            usage: TOP_USAGE,
        });
    };
    match first.to_str() {
        Some("run") => {
            let Some(v) = flags(args, &RUN_FLAGS, RUN_USAGE)? else { return Ok(Cli::Print(RUN_HELP.into())) };
            let [config, data_dir, master, token, ca_file, ca_cert_hash, name] = v;
            Ok(Cli::Run(RunArgs {
                config: config.map(PathBuf::from),
                data_dir: data_dir.map(PathBuf::from),
                master: text(master, "master", RUN_USAGE)?,
                token: text(token, "token", RUN_USAGE)?,
                ca_file: text(ca_file, "ca-file", RUN_USAGE)?,
                ca_cert_hash: text(ca_cert_hash, "ca-cert-hash", RUN_USAGE)?,
                name: text(name, "name", RUN_USAGE)?,
            }))
        }
        Some("check") => {
            let Some(v) = flags(args, &CHECK_FLAGS, CHECK_USAGE)? else { return Ok(Cli::Print(CHECK_HELP.into())) };
            let [config, data_dir, master, output] = v;
            Ok(Cli::Check(CheckArgs {
                config: config.map(PathBuf::from),
                data_dir: data_dir.map(PathBuf::from),
                master: text(master, "master", CHECK_USAGE)?,
                output: text(output, "output", CHECK_USAGE)?.unwrap_or_else(|| "table".into()),
            }))
        }
        Some("help") => Ok(Cli::Print(
            match args.next().as_deref().and_then(OsStr::to_str) {
                None => TOP_HELP,
                Some("run") => RUN_HELP,
                Some("check") => CHECK_HELP,
                Some(other) => {
                    return Err(UsageError { message: format!("unrecognized subcommand '{other}'"), usage: TOP_USAGE });
                }
            }
            .into(),
        )),
        Some("-h" | "--help") => Ok(Cli::Print(TOP_HELP.into())),
        Some("-V" | "--version") => Ok(Cli::Print(format!("piccolo-agent {}\n", env!("CARGO_PKG_VERSION")))),
        _ => {
            let what = first.to_string_lossy();
            let message = if what.starts_with('-') {
                format!("unexpected argument '{what}' found")
            } else {
                format!("unrecognized subcommand '{what}'")
            };
            Err(UsageError { message, usage: TOP_USAGE })
        }
    }
}

/// Reads a subcommand's flags into one slot per entry of `spec`; `None` when
/// `-h`/`--help` was given.
fn flags<const N: usize>(
    mut args: impl Iterator<Item = OsString>,
    spec: &[Flag; N],
    usage: &'static str,
) -> Result<Option<[Option<OsString>; N]>, UsageError> {
    let err = |message: String| UsageError { message, usage };
    let mut out: [Option<OsString>; N] = std::array::from_fn(|_| None);
    while let Some(arg) = args.next() {
        let Some(s) = arg.to_str() else {
            return Err(err(format!("unexpected argument '{}' found", arg.to_string_lossy())));
        };
        if s == "-h" || s == "--help" {
            return Ok(None);
        }
        // --name=value, --name value, -cvalue, -c=value, -c value.
        let (index, inline) = if let Some(long) = s.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            (spec.iter().position(|(l, _)| *l == name), inline)
        } else if let Some(short) = s.strip_prefix('-').and_then(|r| r.chars().next()) {
            let rest = &s[1 + short.len_utf8()..];
            let inline = (!rest.is_empty()).then(|| rest.strip_prefix('=').unwrap_or(rest));
            (spec.iter().position(|(_, c)| *c == Some(short)), inline)
        } else {
            (None, None)
        };
        let Some(i) = index else {
            return Err(err(format!("unexpected argument '{s}' found")));
        };
        let value = match inline {
            Some(v) => OsString::from(v),
            None => match args.next() {
                Some(v) if !v.to_str().is_some_and(|v| v.starts_with('-') && v.len() > 1) => v,
                _ => return Err(err(format!("a value is required for '{}' but none was supplied", shown(spec[i])))),
            },
        };
        if out[i].is_some() {
            return Err(err(format!("the argument '{}' cannot be used multiple times", shown(spec[i]))));
        }
        out[i] = Some(value);
    }
    Ok(Some(out))
}

/// `--data-dir <DATA_DIR>`, as the help text shows a flag.
fn shown((long, _): Flag) -> String {
    format!("--{long} <{}>", long.to_uppercase().replace('-', "_"))
}

/// A flag's value as UTF-8 text.
fn text(v: Option<OsString>, long: &'static str, usage: &'static str) -> Result<Option<String>, UsageError> {
    v.map(|v| {
        v.into_string()
            .map_err(|v| UsageError { message: format!("invalid UTF-8 in --{long}: {}", v.to_string_lossy()), usage })
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cli, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn run_takes_every_flag_in_every_form() {
        let got = p(&[
            "run",
            "-c",
            "/etc/a.toml",
            "--data-dir=/d",
            "--master",
            "m1:7443,m2:7443",
            "--token",
            "T",
            "--ca-file",
            "ca.crt",
            "--ca-cert-hash=sha256:ab",
            "--name",
            "dev-1",
        ]);
        assert_eq!(
            got,
            Ok(Cli::Run(RunArgs {
                config: Some("/etc/a.toml".into()),
                data_dir: Some("/d".into()),
                master: Some("m1:7443,m2:7443".into()),
                token: Some("T".into()),
                ca_file: Some("ca.crt".into()),
                ca_cert_hash: Some("sha256:ab".into()),
                name: Some("dev-1".into()),
            }))
        );
        assert_eq!(p(&["run"]), Ok(Cli::Run(RunArgs::default())));
        let Ok(Cli::Run(a)) = p(&["run", "-c/x.toml"]) else { panic!("-cVALUE") };
        assert_eq!(a.config, Some("/x.toml".into()));
        let Ok(Cli::Run(a)) = p(&["run", "-c=/y.toml"]) else { panic!("-c=VALUE") };
        assert_eq!(a.config, Some("/y.toml".into()));
    }

    #[test]
    fn check_defaults_to_a_table() {
        let want = |output: &str, master: Option<&str>| {
            Ok(Cli::Check(CheckArgs {
                config: None,
                data_dir: None,
                master: master.map(Into::into),
                output: output.into(),
            }))
        };
        assert_eq!(p(&["check"]), want("table", None));
        assert_eq!(p(&["check", "-o", "json", "--master", "h:1"]), want("json", Some("h:1")));
        assert_eq!(p(&["check", "--output=json"]), want("json", None));
    }

    #[test]
    fn help_and_version_are_printed() {
        for args in [&["--help"][..], &["-h"], &["help"]] {
            assert!(matches!(p(args), Ok(Cli::Print(t)) if t.contains("Commands:")), "{args:?}");
        }
        for args in [&["run", "--help"][..], &["run", "--master", "x", "-h"], &["help", "run"]] {
            assert!(matches!(p(args), Ok(Cli::Print(t)) if t.contains("Directory for the node key")), "{args:?}");
        }
        assert!(matches!(p(&["check", "--help"]), Ok(Cli::Print(t)) if t.contains("[default: table]")));
        assert_eq!(p(&["--version"]), Ok(Cli::Print(format!("piccolo-agent {}\n", env!("CARGO_PKG_VERSION")))));
        assert_eq!(p(&["-V"]), p(&["--version"]));
    }

    #[test]
    fn usage_errors_say_what_was_wrong() {
        let e = |args: &[&str]| p(args).expect_err("usage error").to_string();
        assert!(e(&[]).contains("requires a subcommand"));
        assert!(e(&["serve"]).contains("unrecognized subcommand 'serve'"));
        assert!(e(&["run", "--bogus"]).starts_with("error: unexpected argument '--bogus' found"));
        assert!(e(&["run", "--bogus"]).contains("Usage: piccolo-agent run [OPTIONS]"));
        assert!(e(&["run", "--output", "json"]).contains("'--output'"), "check's flag is not run's");
        assert!(e(&["run", "--master"]).contains("a value is required for '--master <MASTER>'"));
        assert!(e(&["run", "--master", "--token", "t"]).contains("a value is required for '--master <MASTER>'"));
        assert!(e(&["run", "--name", "a", "--name", "b"]).contains("'--name <NAME>' cannot be used multiple times"));
        assert!(e(&["check", "stray"]).contains("unexpected argument 'stray'"));
        assert!(e(&["help", "nope"]).contains("unrecognized subcommand 'nope'"));
    }
}
