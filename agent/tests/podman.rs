//! The Podman module against a real Podman service: one service with its own
//! storage per test, busybox containers, waits by deadline only.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_agent::podman::{
    MonitorConfig, MonitorHandle, MonitorUpdate, Podman, PodmanError, spawn_monitor, spawn_monitor_with,
};
use piccolo_proto::Container;
use piccolo_tests::podman::{self as kit, PodmanService};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

/// A monitor under test with its receiving end.
struct Watch {
    rx: mpsc::Receiver<MonitorUpdate>,
    handle: MonitorHandle,
    task: JoinHandle<()>,
    shutdown: watch::Sender<bool>,
}

impl Watch {
    /// Follows the service's event log file, as the agent does by default.
    fn start(svc: &PodmanService) -> Self {
        Self::start_with(svc.socket(), Some(svc.events_file()))
    }

    /// Holds the API's event stream open (`podman_events_file = ""`).
    fn start_stream(socket: &std::path::Path) -> Self {
        Self::start_with(socket, None)
    }

    fn start_with(socket: &std::path::Path, events_file: Option<std::path::PathBuf>) -> Self {
        let (tx, rx) = mpsc::channel(64);
        let (shutdown, shutdown_rx) = watch::channel(false);
        let cfg = MonitorConfig {
            backoff_min: Duration::from_millis(50),
            backoff_max: Duration::from_millis(200),
            events_file,
        };
        let (handle, task) = spawn_monitor_with(Podman::new(socket), cfg, tx, shutdown_rx);
        Self { rx, handle, task, shutdown }
    }

    /// The next update matching `f`, skipping others; panics after `timeout`.
    async fn next<T>(&mut self, what: &str, timeout: Duration, mut f: impl FnMut(&MonitorUpdate) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut seen = Vec::new();
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(u)) => {
                    if let Some(v) = f(&u) {
                        return v;
                    }
                    seen.push(u);
                }
                Ok(None) => panic!("monitor ended while waiting for {what}; seen: {seen:#?}"),
                Err(_) => panic!("timed out after {timeout:?} waiting for {what}; seen: {seen:#?}"),
            }
        }
    }

    async fn snapshot(&mut self, what: &str, f: impl Fn(&[Container]) -> bool) -> Vec<Container> {
        self.next(what, Duration::from_secs(20), |u| match u {
            MonitorUpdate::Snapshot(list) if f(list) => Some(list.clone()),
            _ => None,
        })
        .await
    }

    async fn stop(self) {
        let _ = self.shutdown.send(true);
        tokio::time::timeout(Duration::from_secs(2), self.task)
            .await
            .unwrap_or_else(|_| panic!("monitor did not stop within 2 s of shutdown"))
            .unwrap();
    }
}

fn find<'a>(list: &'a [Container], name: &str) -> Option<&'a Container> {
    list.iter().find(|c| c.name == name)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

/// Polls `podman.list()` until `f` holds for the named container.
async fn wait_listed(podman: &Podman, name: &str, what: &str, f: impl Fn(&Container) -> bool) -> Container {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let list = podman.list().await.unwrap();
        match find(&list, name) {
            Some(c) if f(c) => return c.clone(),
            last => {
                if Instant::now() > deadline {
                    panic!("timed out waiting for {name} to be {what}; last: {last:?}");
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn list_shows_running_and_exited_containers() {
    let svc = PodmanService::start().await;
    let before = now_ms() - 1000;
    let id = svc.run_container("web").await;
    svc.run_container_with("job", &[], &["/bin/sh", "-c", "exit 3"]).await;
    let podman = Podman::new(svc.socket());
    podman.ping().await.unwrap();

    // Memory use comes from Podman's stats, which lag the start by a moment.
    let web =
        wait_listed(&podman, "web", "running with memory use", |c| c.state == "running" && c.memory_bytes > 0).await;
    assert_eq!(web.id, id);
    assert_eq!(web.image, kit::IMAGE);
    assert!(web.started_at_ms >= before - 1000 && web.started_at_ms <= now_ms(), "{web:?}");
    assert_eq!((web.health.as_str(), web.exit_code, web.restart_count), ("", 0, 0));

    let job = wait_listed(&podman, "job", "exited", |c| c.state == "exited").await;
    assert_eq!((job.exit_code, job.memory_bytes), (3, 0), "{job:?}");
}

#[tokio::test]
async fn a_killed_container_is_reported_within_one_second() {
    let svc = PodmanService::start().await;
    let id = svc.run_container("victim").await;
    let mut w = Watch::start(&svc);
    w.snapshot("a snapshot with victim running", |l| find(l, "victim").is_some_and(|c| c.state == "running")).await;

    let t0 = Instant::now();
    svc.kill("victim").await;
    let ev = w
        .next("victim's died event", Duration::from_secs(5), |u| match u {
            MonitorUpdate::Event(e) if e.action == "died" && e.name == "victim" => Some(e.clone()),
            _ => None,
        })
        .await;
    let took = t0.elapsed();
    eprintln!("died event {took:?} after the kill");
    assert!(took < Duration::from_secs(1), "died event after {took:?}");
    assert_eq!((ev.id.as_str(), ev.exit_code, ev.image.as_str()), (id.as_str(), 137, kit::IMAGE));
    assert!((ev.time_ms - now_ms()).abs() < 5000, "{ev:?}");
    w.stop().await;
}

#[tokio::test]
async fn a_container_whose_process_dies_is_reported_within_one_second() {
    let svc = PodmanService::start().await;
    svc.run_container("crasher").await;
    let mut w = Watch::start(&svc);
    w.snapshot("a snapshot with crasher running", |l| find(l, "crasher").is_some_and(|c| c.state == "running")).await;
    let pid = svc.inspect("crasher", "{{.State.Pid}}").await;

    // No podman command involved: the process just dies, as in a crash.
    let t0 = Instant::now();
    let st = std::process::Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(st.success());
    w.next("crasher's died event", Duration::from_secs(5), |u| match u {
        MonitorUpdate::Event(e) if e.action == "died" && e.name == "crasher" => Some(()),
        _ => None,
    })
    .await;
    let took = t0.elapsed();
    eprintln!("died event {took:?} after the kill");
    assert!(took < Duration::from_secs(1), "died event after {took:?}");
    w.stop().await;
}

#[tokio::test]
async fn restart_stop_and_start_work_and_show_in_the_list() {
    let svc = PodmanService::start().await;
    svc.run_container("app").await;
    let podman = Podman::new(svc.socket());
    wait_listed(&podman, "app", "running", |c| c.state == "running").await;
    let pid = svc.inspect("app", "{{.State.Pid}}").await;

    podman.action("app", "restart").await.unwrap();
    wait_listed(&podman, "app", "running", |c| c.state == "running").await;
    assert_ne!(svc.inspect("app", "{{.State.Pid}}").await, pid, "restart gives a new process");

    podman.action("app", "stop").await.unwrap();
    let stopped = wait_listed(&podman, "app", "exited", |c| c.state == "exited").await;
    assert_eq!(stopped.memory_bytes, 0);
    // Stopping a stopped container is not an error.
    podman.action("app", "stop").await.unwrap();

    podman.action("app", "start").await.unwrap();
    wait_listed(&podman, "app", "running", |c| c.state == "running").await;
    podman.action("app", "start").await.unwrap();
}

#[tokio::test]
async fn unknown_container_action_or_name_gives_a_clear_error() {
    let svc = PodmanService::start().await;
    let podman = Podman::new(svc.socket());

    let e = podman.action("nosuch", "restart").await.unwrap_err();
    assert!(matches!(e, PodmanError::NoSuchContainer(ref n) if n == "nosuch"), "{e:?}");
    assert!(e.to_string().contains("no such container \"nosuch\""), "{e}");

    svc.run_container("real").await;
    let e = podman.action("real", "explode").await.unwrap_err();
    assert!(matches!(e, PodmanError::UnknownAction(_)), "{e:?}");
    assert!(e.to_string().contains("use start, stop or restart"), "{e}");

    let e = podman.action("../../images/json", "stop").await.unwrap_err();
    assert!(matches!(e, PodmanError::InvalidName(_)), "{e:?}");
}

#[tokio::test]
async fn absent_podman_is_reported_then_picked_up_when_it_starts() {
    let mut svc = PodmanService::prepare().await;
    let podman = Podman::new(svc.socket());
    let e = podman.ping().await.unwrap_err();
    assert!(matches!(e, PodmanError::SocketMissing(_)) && e.to_string().contains("podman.socket"), "{e}");
    assert!(podman.list().await.is_err());

    let mut w = Watch::start(&svc);
    let reason = w
        .next("Unavailable", Duration::from_secs(5), |u| match u {
            MonitorUpdate::Unavailable(r) => Some(r.clone()),
            _ => None,
        })
        .await;
    assert!(reason.contains("does not exist") && reason.contains("podman.socket"), "{reason}");

    svc.run_container("late").await;
    svc.start_service().await;
    let list = w.snapshot("a snapshot once Podman is up", |_| true).await;
    assert_eq!(find(&list, "late").map(|c| c.state.as_str()), Some("running"), "{list:#?}");
    w.stop().await;
}

#[tokio::test]
async fn stream_mode_a_lost_service_is_reported_once_and_the_list_resynced_on_return() {
    let mut svc = PodmanService::start().await;
    svc.run_container("keep").await;
    svc.run_container("doomed").await;
    // The held stream notices the service's death by itself; the event log
    // at the next API burst (the test below).
    let mut w = Watch::start_stream(svc.socket());
    w.snapshot("a snapshot with both running", |l| {
        ["keep", "doomed"].iter().all(|n| find(l, n).is_some_and(|c| c.state == "running"))
    })
    .await;

    svc.kill_service();
    let reason = w
        .next("Unavailable", Duration::from_secs(5), |u| match u {
            MonitorUpdate::Unavailable(r) => Some(r.clone()),
            _ => None,
        })
        .await;
    assert!(!reason.is_empty());

    // Changes while the service is away reach the monitor through the resync.
    svc.kill("doomed").await;
    svc.run_container("newcomer").await;
    svc.start_service().await;

    let mut unavailable = 0;
    let list = w
        .next("a fresh snapshot after the restart", Duration::from_secs(20), |u| match u {
            MonitorUpdate::Unavailable(_) => {
                unavailable += 1;
                None
            }
            MonitorUpdate::Snapshot(l) => Some(l.clone()),
            MonitorUpdate::Event(_) => None,
        })
        .await;
    assert_eq!(unavailable, 0, "Unavailable is sent once per outage");
    assert_eq!(find(&list, "keep").map(|c| c.state.as_str()), Some("running"), "{list:#?}");
    assert_eq!(find(&list, "doomed").map(|c| (c.state.as_str(), c.exit_code)), Some(("exited", 137)), "{list:#?}");
    assert_eq!(find(&list, "newcomer").map(|c| c.state.as_str()), Some("running"), "{list:#?}");

    // Events flow again on the new connection.
    svc.kill("keep").await;
    w.next("keep's died event", Duration::from_secs(5), |u| match u {
        MonitorUpdate::Event(e) if e.action == "died" && e.name == "keep" => Some(()),
        _ => None,
    })
    .await;
    w.stop().await;
}

#[tokio::test]
async fn resync_on_request_and_shutdown_while_podman_is_away() {
    let mut svc = PodmanService::start().await;
    svc.run_container("one").await;
    let mut w = Watch::start(&svc);
    w.snapshot("the first snapshot", |l| find(l, "one").is_some()).await;

    svc.run_container("two").await;
    w.handle.resync();
    w.snapshot("a requested snapshot with two", |l| find(l, "two").is_some()).await;

    svc.kill_service();
    // Following the event log, the monitor learns of the outage at its next API burst.
    w.handle.resync();
    w.next("Unavailable", Duration::from_secs(5), |u| matches!(u, MonitorUpdate::Unavailable(_)).then_some(())).await;
    // In backoff now: shutdown still ends it at once.
    w.stop().await;
}

#[tokio::test]
async fn spawn_monitor_sends_a_snapshot_first_and_stops_when_the_receiver_is_gone() {
    let svc = PodmanService::start().await;
    svc.run_container("solo").await;
    let (tx, mut rx) = mpsc::channel(4);
    let (_shutdown, shutdown_rx) = watch::channel(false);
    let task = spawn_monitor(Podman::new(svc.socket()), tx, shutdown_rx);
    let first = tokio::time::timeout(Duration::from_secs(20), rx.recv()).await.unwrap().unwrap();
    assert!(matches!(&first, MonitorUpdate::Snapshot(l) if find(l, "solo").is_some()), "{first:?}");
    drop(rx);
    // The next send fails; an event makes it happen.
    svc.kill("solo").await;
    tokio::time::timeout(Duration::from_secs(5), task).await.unwrap().unwrap();
}

#[tokio::test]
async fn stream_mode_reports_a_killed_container_within_one_second() {
    let svc = PodmanService::start().await;
    svc.run_container("victim").await;
    let mut w = Watch::start_stream(svc.socket());
    w.snapshot("a snapshot with victim running", |l| find(l, "victim").is_some_and(|c| c.state == "running")).await;
    let t0 = Instant::now();
    svc.kill("victim").await;
    w.next("victim's died event", Duration::from_secs(5), |u| match u {
        MonitorUpdate::Event(e) if e.action == "died" && e.name == "victim" => Some(()),
        _ => None,
    })
    .await;
    assert!(t0.elapsed() < Duration::from_secs(1), "died event after {:?}", t0.elapsed());
    w.stop().await;
}

/// The event log needs no API: a death while the service is down is
/// delivered at once, and the next list (once the API is back) shows it.
#[tokio::test]
async fn a_death_while_the_service_is_down_is_still_delivered() {
    let mut svc = PodmanService::start().await;
    svc.run_container("alone").await;
    let mut w = Watch::start(&svc);
    w.snapshot("a snapshot with alone running", |l| find(l, "alone").is_some_and(|c| c.state == "running")).await;
    svc.kill_service();
    let t0 = Instant::now();
    svc.kill("alone").await;
    w.next("alone's died event", Duration::from_secs(5), |u| match u {
        MonitorUpdate::Event(e) if e.action == "died" && e.name == "alone" => Some(()),
        _ => None,
    })
    .await;
    assert!(t0.elapsed() < Duration::from_secs(1), "died event after {:?}", t0.elapsed());
    svc.start_service().await;
    w.handle.resync();
    // Podman says "stopped" until conmon's cleanup has run, "exited" after;
    // either way the container is no longer running and its code is kept.
    w.snapshot("a snapshot with alone exited or stopped", |l| {
        find(l, "alone").is_some_and(|c| matches!(c.state.as_str(), "exited" | "stopped") && c.exit_code == 137)
    })
    .await;
    w.stop().await;
}

/// Podman rotates its event log past `events_logfile_max_size` (the file
/// replaced by its newer half and a `log-rotation` event): across many
/// rotations every event arrives exactly once, in order.
#[tokio::test]
async fn event_log_rotation_loses_and_repeats_no_event() {
    let mut svc = PodmanService::prepare_with("events_logfile_max_size = 3000").await;
    svc.start_service().await;
    svc.run_container("spin").await;
    let mut w = Watch::start(&svc);
    w.snapshot("a snapshot with spin running", |l| find(l, "spin").is_some()).await;
    let ino = |p: &std::path::Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let first_inode = ino(&svc.events_file());
    const ROUNDS: usize = 8;
    for _ in 0..ROUNDS {
        svc.kill("spin").await;
        svc.start_container("spin").await;
    }
    let mut actions = Vec::new();
    while actions.iter().filter(|a: &&String| a.starts_with("start")).count() < ROUNDS {
        let a = w
            .next("spin's events", Duration::from_secs(10), |u| match u {
                MonitorUpdate::Event(e) if e.name == "spin" => Some(format!("{} {}", e.action, e.time_ms)),
                _ => None,
            })
            .await;
        actions.push(a);
    }
    assert_ne!(ino(&svc.events_file()), first_inode, "the log was never rotated: raise ROUNDS");
    let died = actions.iter().filter(|a| a.starts_with("died")).count();
    assert_eq!(died, ROUNDS, "one died per kill: {actions:?}");
    // Nothing repeated or reordered: (died, start) pairs in time order.
    let names: Vec<&str> = actions.iter().filter_map(|a| a.split(' ').next()).collect();
    assert!(names.chunks(2).all(|p| p == ["died", "start"]), "{actions:?}");
    let times: Vec<i64> = actions.iter().filter_map(|a| a.split(' ').nth(1)?.parse().ok()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{actions:?}");
    w.stop().await;
}
