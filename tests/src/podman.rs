//! A real Podman REST service for one test: its own temp dir, containers.conf
//! (runc, rlimits within the sandbox's, no network, events in a file of its
//! own), storage and socket, the local `localhost/busybox:latest` image made
//! from the static busybox, and the podman CLI on the same storage to run,
//! kill and stop containers. Dropping it kills the service and removes the
//! containers.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The image every helper runs.
pub const IMAGE: &str = "localhost/busybox:latest";

/// A Podman API service on a unix socket in a temp dir.
pub struct PodmanService {
    dir: tempfile::TempDir,
    socket: PathBuf,
    service: Option<Child>,
    /// Socket-activated: `systemd-socket-activate` holds the socket and
    /// starts `podman system service --time IDLE` on each first connection.
    activated: Option<u32>,
}

impl PodmanService {
    /// Prepared and serving.
    pub async fn start() -> Self {
        let mut p = Self::prepare().await;
        p.start_service().await;
        p
    }

    /// Config, storage and image ready, but no service yet: the socket does
    /// not exist until [`Self::start_service`].
    pub async fn prepare() -> Self {
        Self::prepare_with("").await
    }

    /// [`Self::prepare`] with more `[engine]` lines in containers.conf
    /// (e.g. `events_logfile_max_size = 4096`).
    pub async fn prepare_with(engine_extra: &str) -> Self {
        podman_binary(); // fails early, with what to install
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let d = dir.path().to_path_buf();
        let conf = format!(
            "[containers]\n\
             default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\n\
             netns = \"none\"\n\
             [engine]\n\
             runtime = \"runc\"\n\
             cgroup_manager = \"cgroupfs\"\n\
             tmp_dir = \"{tmp}\"\n\
             events_logger = \"file\"\n\
             events_logfile_path = \"{tmp}/events.log\"\n\
             {engine_extra}\n",
            tmp = d.join("tmp").display()
        );
        let storage = format!(
            "[storage]\ndriver = \"overlay\"\ngraphroot = \"{}\"\nrunroot = \"{}\"\n",
            d.join("root").display(),
            d.join("runroot").display()
        );
        write(&d.join("containers.conf"), &conf);
        write(&d.join("storage.conf"), &storage);
        let p = Self { socket: d.join("podman.sock"), dir, service: None, activated: None };
        if p.try_podman(&["image", "exists", IMAGE]).await.is_err() {
            p.import_busybox().await;
        }
        p
    }

    /// The API socket (absent until the service runs).
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Podman's event log (containers.conf `events_logfile_path`).
    pub fn events_file(&self) -> PathBuf {
        self.dir().join("tmp").join("events.log")
    }

    /// The agent's environment for this Podman: API socket and event log.
    pub fn agent_env(&self) -> Vec<(String, String)> {
        vec![
            ("PICCOLO_PODMAN_SOCKET".to_string(), self.socket().display().to_string()),
            ("PICCOLO_PODMAN_EVENTS_FILE".to_string(), self.events_file().display().to_string()),
        ]
    }

    /// Prepared, with the API socket held by `systemd-socket-activate` (as
    /// `podman.socket` does under systemd): each first connection starts
    /// `podman system service --time IDLE_SECS`, which exits after that
    /// long without a connection; the socket keeps listening meanwhile.
    pub async fn start_socket_activated(idle_secs: u32) -> Self {
        let mut p = Self::prepare().await;
        p.start_activation(idle_secs).await;
        p
    }

    /// Starts socket activation on [`Self::socket`]. The outer activator
    /// hands the listening socket to a loop that runs one inner activator
    /// per service life, so the socket outlives every service (the inner one
    /// takes the socket from `LISTEN_FDS`, which needs `LISTEN_PID` = its pid).
    pub async fn start_activation(&mut self, idle_secs: u32) {
        assert!(self.service.is_none(), "the Podman service is already running");
        let activate = socket_activate_binary();
        let _ = std::fs::remove_file(&self.socket);
        let log = self.log_file();
        let err = log.try_clone().unwrap_or_else(|e| panic!("dup log: {e}"));
        // systemd-socket-activate passes on only the variables named with -E.
        let keep = "-E PATH -E CONTAINERS_CONF -E CONTAINERS_STORAGE_CONF";
        let inner = format!(
            "LISTEN_PID=$$ exec {} {keep} {} --runtime runc system service --time {idle_secs}",
            activate.display(),
            podman_binary().display()
        );
        let lp = format!("while :; do sh -c '{inner}'; done");
        let mut cmd = Command::new(&activate);
        cmd.env("CONTAINERS_CONF", self.dir().join("containers.conf"))
            .env("CONTAINERS_STORAGE_CONF", self.dir().join("storage.conf"))
            .stdin(Stdio::null())
            .args(["-E", "PATH", "-E", "CONTAINERS_CONF", "-E", "CONTAINERS_STORAGE_CONF", "-l"])
            .arg(&self.socket)
            .args(["sh", "-c", &lp])
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err))
            .process_group(0);
        let child = cmd.spawn().unwrap_or_else(|e| panic!("spawn systemd-socket-activate: {e}"));
        self.activated = Some(child.id());
        self.service = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.socket.exists() {
            assert!(Instant::now() < deadline, "systemd-socket-activate did not listen in 10 s: {}", self.log());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The process that stays for the service's whole life: the service
    /// itself, or with socket activation the loop that starts each one (and
    /// reaps it, so its children's CPU time counts the services that ended).
    pub fn service_pid(&self) -> Option<u32> {
        self.service.as_ref().map(Child::id)
    }

    /// PIDs of the `conmon` monitors of this Podman's containers (Podman's
    /// own cost per container, counted apart from the agent's).
    pub fn conmon_processes(&self) -> Vec<u32> {
        let dir = self.dir().to_string_lossy().into_owned();
        let Ok(procs) = std::fs::read_dir("/proc") else { return Vec::new() };
        procs
            .flatten()
            .filter_map(|p| p.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
            .filter(|pid| {
                let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
                let args: Vec<String> =
                    cmd.split(|&b| b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
                args.first().is_some_and(|a| a.ends_with("conmon")) && args.iter().any(|a| a.contains(&dir))
            })
            .collect()
    }

    /// PIDs of Podman API services running for this Podman now (socket
    /// activated or not).
    pub fn api_processes(&self) -> Vec<u32> {
        let Some(group) = self.service.as_ref().map(Child::id) else { return Vec::new() };
        let Ok(procs) = std::fs::read_dir("/proc") else { return Vec::new() };
        procs
            .flatten()
            .filter_map(|p| p.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
            .filter(|&pid| {
                let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
                let args: Vec<&[u8]> = cmd.split(|&b| b == 0).collect();
                let is_service = args.first().is_some_and(|a| a.ends_with(b"podman"))
                    && args.windows(2).any(|w| w[0] == b"system" && w[1] == b"service");
                is_service && (pid == group || process_group(pid) == Some(group))
            })
            .collect()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The podman CLI on this storage and config.
    pub fn cli(&self) -> Command {
        let mut c = Command::new(podman_binary());
        c.env("CONTAINERS_CONF", self.dir().join("containers.conf"))
            .env("CONTAINERS_STORAGE_CONF", self.dir().join("storage.conf"))
            .stdin(Stdio::null());
        c
    }

    /// Runs the CLI off the async thread; stdout (trimmed) or stderr. A
    /// command still running after [`CLI_DEADLINE`] is killed and the test
    /// panics with the processes of its storage and the service's log,
    /// rather than hanging the suite.
    pub async fn try_podman(&self, args: &[&str]) -> Result<String, String> {
        let mut cmd = self.cli();
        cmd.args(args);
        let what = format!("podman {}", args.join(" "));
        let out = {
            let label = what.clone();
            let run = tokio::task::spawn_blocking(move || output_within(cmd, CLI_DEADLINE, &label));
            // The thread itself bounds the child; this bounds the thread (a
            // fork that never returns, as under an emulator's deadlock).
            match tokio::time::timeout(CLI_DEADLINE + Duration::from_secs(10), run).await {
                Ok(joined) => joined.unwrap_or_else(|e| panic!("{what}: {e}")),
                Err(_) => Err(format!("{what}: the thread running it did not return")),
            }
        };
        let out = out.unwrap_or_else(|e| {
            panic!("{e}\nprocesses of this storage:\n{}\nservice log:\n{}", self.processes(), self.log())
        });
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(format!("{what}: {}: {}", out.status, String::from_utf8_lossy(&out.stderr).trim()))
        }
    }

    /// `ps` lines of the processes whose command line names this service's dir.
    fn processes(&self) -> String {
        let dir = self.dir().to_string_lossy().into_owned();
        let out = Command::new("ps").args(["-eo", "pid,ppid,stat,etimes,wchan:24,args"]).output();
        out.map(|o| {
            String::from_utf8_lossy(&o.stdout).lines().filter(|l| l.contains(&dir)).collect::<Vec<_>>().join("\n")
        })
        .unwrap_or_default()
    }

    /// Runs the CLI and panics with its stderr when it fails.
    pub async fn podman(&self, args: &[&str]) -> String {
        self.try_podman(args).await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// `busybox sleep 600` named `name`, stopped within 1 s (sleep ignores
    /// SIGTERM as PID 1); its id.
    pub async fn run_container(&self, name: &str) -> String {
        self.run_container_with(name, &[], &["/bin/sleep", "600"]).await
    }

    /// `podman run -d --name NAME EXTRA... IMAGE CMD...`; its id.
    pub async fn run_container_with(&self, name: &str, extra: &[&str], cmd: &[&str]) -> String {
        let mut args = vec!["run", "-d", "--name", name, "--stop-timeout", "1"];
        args.extend_from_slice(extra);
        args.push(IMAGE);
        args.extend_from_slice(cmd);
        self.podman(&args).await
    }

    /// `podman kill NAME` (SIGKILL).
    pub async fn kill(&self, name: &str) {
        self.podman(&["kill", name]).await;
    }

    pub async fn stop(&self, name: &str) {
        self.podman(&["stop", "-t", "1", name]).await;
    }

    pub async fn start_container(&self, name: &str) {
        self.podman(&["start", name]).await;
    }

    /// `podman inspect --format FORMAT NAME`.
    pub async fn inspect(&self, name: &str, format: &str) -> String {
        self.podman(&["inspect", "--format", format, name]).await
    }

    /// Starts `podman system service` on [`Self::socket`] and waits until it
    /// accepts connections. A stale socket from a killed service is removed first.
    pub async fn start_service(&mut self) {
        assert!(self.service.is_none(), "the Podman service is already running");
        let _ = std::fs::remove_file(&self.socket);
        let log = self.log_file();
        let err = log.try_clone().unwrap_or_else(|e| panic!("dup log: {e}"));
        let mut cmd = self.cli();
        cmd.args(["system", "service", "--time", "0"])
            .arg(format!("unix://{}", self.socket.display()))
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err));
        self.service = Some(cmd.spawn().unwrap_or_else(|e| panic!("spawn podman system service: {e}")));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if std::os::unix::net::UnixStream::connect(&self.socket).is_ok() {
                return;
            }
            if let Some(Ok(Some(status))) = self.service.as_mut().map(|c| c.try_wait()) {
                panic!("podman system service exited ({status}): {}", self.log());
            }
            if Instant::now() > deadline {
                panic!("podman system service did not listen on {} in 30 s: {}", self.socket.display(), self.log());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGKILL the service (containers keep running; the socket file stays).
    /// Socket-activated: the activator, its loop and any service it started.
    pub fn kill_service(&mut self) {
        if let Some(mut c) = self.service.take() {
            if self.activated.take().is_some() {
                let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", c.id())]).status();
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Kills the service and starts it again on the same socket.
    pub async fn restart_service(&mut self) {
        self.kill_service();
        self.start_service().await;
    }

    /// The service's output so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    fn log_file(&self) -> std::fs::File {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .unwrap_or_else(|e| panic!("podman service log: {e}"))
    }

    fn log_path(&self) -> PathBuf {
        self.dir().join("service.log")
    }

    async fn import_busybox(&self) {
        let busybox =
            ["/bin/busybox", "/usr/bin/busybox"].into_iter().map(Path::new).find(|p| p.exists()).unwrap_or_else(|| {
                panic!("busybox is not installed: run `make test-deps` (apt-get install busybox-static)")
            });
        let root = self.dir().join("image");
        let bin = root.join("bin");
        std::fs::create_dir_all(&bin).unwrap_or_else(|e| panic!("mkdir {}: {e}", bin.display()));
        std::fs::copy(busybox, bin.join("busybox")).unwrap_or_else(|e| panic!("copy busybox: {e}"));
        for applet in ["sh", "sleep"] {
            std::os::unix::fs::symlink("busybox", bin.join(applet)).unwrap_or_else(|e| panic!("symlink {applet}: {e}"));
        }
        let tar = self.dir().join("image.tar");
        let out = Command::new("tar")
            .arg("-C")
            .arg(&root)
            .arg("-cf")
            .arg(&tar)
            .arg(".")
            .output()
            .unwrap_or_else(|e| panic!("tar: {e}"));
        assert!(out.status.success(), "tar: {}", String::from_utf8_lossy(&out.stderr));
        let tar = tar.to_string_lossy().into_owned();
        self.podman(&["import", "--quiet", &tar, IMAGE]).await;
    }
}

impl Drop for PodmanService {
    fn drop(&mut self) {
        self.kill_service();
        // Containers outlive the service (conmon); removing them also
        // unmounts their layers.
        let mut rm = self.cli();
        rm.args(["rm", "--all", "--force", "--time", "0"]);
        if let Err(e) = output_within(rm, CLI_DEADLINE, "podman rm --all --force") {
            eprintln!("{e}\nprocesses of this storage:\n{}", self.processes());
        }
        // A `podman container cleanup` that conmon starts when a container
        // exits can open the store after `rm` and leave the storage's own
        // bind mount behind: wait for those, then unmount what is left so
        // the temp dir can go.
        let dir = self.dir().to_string_lossy().into_owned();
        let deadline = Instant::now() + Duration::from_secs(10);
        while processes_mentioning(&dir) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        for m in mounts_under(&dir) {
            let _ = Command::new("umount").arg("--lazy").arg(&m).stderr(Stdio::null()).status();
        }
    }
}

/// How long one podman CLI call may take (a `podman run` under load takes a
/// few seconds; one stuck on a lock never ends).
pub const CLI_DEADLINE: Duration = Duration::from_secs(120);

/// `cmd.output()`, but the child is killed once `deadline` has passed and an
/// error says so. Output goes to files, so a chatty child never blocks on a
/// full pipe while we poll.
fn output_within(mut cmd: Command, deadline: Duration, what: &str) -> Result<std::process::Output, String> {
    let out = tempfile::tempfile().map_err(|e| format!("{what}: temp file: {e}"))?;
    let err = tempfile::tempfile().map_err(|e| format!("{what}: temp file: {e}"))?;
    let (out_r, err_r) = (out.try_clone(), err.try_clone());
    let mut child = cmd
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    let until = Instant::now() + deadline;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{what}: still running after {deadline:?}; killed"));
            }
            Err(e) => return Err(format!("{what}: wait: {e}")),
        }
    };
    let read = |f: std::io::Result<std::fs::File>| -> Vec<u8> {
        use std::io::{Read, Seek};
        let mut buf = Vec::new();
        if let Ok(mut f) = f {
            let _ = f.seek(std::io::SeekFrom::Start(0)).and_then(|_| f.read_to_end(&mut buf));
        }
        buf
    };
    Ok(std::process::Output { status, stdout: read(out_r), stderr: read(err_r) })
}

/// Whether another process has `needle` on its command line.
fn processes_mentioning(needle: &str) -> bool {
    let me = std::process::id().to_string();
    let Ok(procs) = std::fs::read_dir("/proc") else { return false };
    procs.flatten().any(|p| {
        let name = p.file_name();
        let name = name.to_string_lossy();
        name.bytes().all(|b| b.is_ascii_digit())
            && name != me
            && std::fs::read(p.path().join("cmdline"))
                .is_ok_and(|c| c.split(|&b| b == 0).any(|arg| String::from_utf8_lossy(arg).contains(needle)))
    })
}

/// Mount points under `dir`, deepest first.
fn mounts_under(dir: &str) -> Vec<String> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let prefix = format!("{dir}/");
    let mut points: Vec<String> =
        info.lines().filter_map(|l| l.split(' ').nth(4)).filter(|p| p.starts_with(&prefix)).map(String::from).collect();
    points.sort_by_key(|p| std::cmp::Reverse(p.len()));
    points
}

/// The process group of `pid` (field 5 of /proc/PID/stat).
fn process_group(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; it ends at the last ')'.
    stat.rsplit_once(')')?.1.split_whitespace().nth(2)?.parse().ok()
}

/// Path of `systemd-socket-activate` (Debian's systemd package).
pub fn socket_activate_binary() -> PathBuf {
    for p in ["/usr/bin/systemd-socket-activate", "/bin/systemd-socket-activate"] {
        if Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    panic!("systemd-socket-activate is not installed: run `make test-deps` (apt-get install systemd)")
}

/// Path of the podman binary.
pub fn podman_binary() -> PathBuf {
    for p in ["/usr/bin/podman", "/usr/local/bin/podman"] {
        if Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    panic!("podman is not installed: run `make test-deps` (apt-get install podman runc busybox-static)")
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}
