//! The scenarios' phases and the end of a run (watch verification, summary).

use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;

use super::{Run, Window, say, secs};
use crate::hist::ms;
use crate::watchers::ReadyProbe;

/// The longest a window waits for the write-behind to drain.
const SETTLE_DRAIN: Duration = Duration::from_secs(180);

impl Run {
    /// Lets the enrolment or reconnect burst pass before measuring: one
    /// heartbeat (at most 15 s), then until every live master's write-behind
    /// backlog has drained (the enrolment's records and events still going
    /// to the store), at most `SETTLE_DRAIN`, so a window measures the
    /// steady fleet and not the tail of its enrolment.
    pub(super) async fn settle(&self) {
        tokio::time::sleep((self.args.heartbeat + Duration::from_secs(1)).min(Duration::from_secs(15))).await;
        let t0 = Instant::now();
        let mut backlog = 0;
        while t0.elapsed() < SETTLE_DRAIN {
            backlog = 0;
            for m in &self.target.masters {
                backlog += crate::coord::pending_writes(m.http_port).await.unwrap_or(0);
            }
            if backlog == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        if t0.elapsed() >= Duration::from_secs(1) {
            say(&format!(
                "# settle: the masters' write-behind drained in {:.1}s{}",
                t0.elapsed().as_secs_f64(),
                if backlog > 0 { format!(" (not quite: {backlog} writes still behind)") } else { String::new() }
            ));
        }
    }

    pub(super) fn note_window(&mut self, w: &Window) {
        let n = self.grown.max(1) as u64;
        self.note("hb_p50_ms", format!("{:.2}", w.hb.quantile(0.5) as f64 / 1000.0));
        self.note("hb_p99_ms", format!("{:.2}", w.hb.quantile(0.99) as f64 / 1000.0));
        self.note("hb_max_ms", format!("{:.1}", w.hb.max() as f64 / 1000.0));
        self.note("heartbeats_per_s", format!("{:.0}", w.hb_per_s));
        self.note("master_cpu_cores", format!("{:.3}", w.master_cores));
        self.note("master_cpu_wait_ms_per_s", format!("{:.0}", w.master_wait));
        self.note("loadgen_cpu_cores", format!("{:.2}", w.others_cores));
        self.note("master_rss_mib", (w.master_rss_kb >> 10).to_string());
        self.note("rss_per_agent_kib", (w.master_rss_kb.saturating_sub(self.base_rss_kb) / n).to_string());
        if let Some(s) = w.store_writes_per_s {
            self.note("store_writes_per_s", format!("{s:.1}"));
        }
        if let Some(s) = w.etcd_writes_per_s {
            self.note("etcd_writes_per_s", format!("{s:.1}"));
        }
        for (i, cores, rss, sessions) in &w.per_master {
            self.note(&format!("m{i}_cpu_cores"), format!("{cores:.3}"));
            self.note(&format!("m{i}_rss_mib"), (rss >> 10).to_string());
            self.note(&format!("m{i}_sessions"), sessions.to_string());
        }
        if let Some((bytes, keys)) = w.etcd_size {
            self.note("etcd_db_mib", (bytes >> 20).to_string());
            self.note("etcd_keys", keys.to_string());
        }
        if !self.target.etcd_pids.is_empty() {
            self.note("etcd_cpu_cores", format!("{:.3}", w.etcd.0));
            self.note("etcd_rss_mib", (w.etcd.1 >> 10).to_string());
        }
        if w.hb.quantile(0.99) > self.args.p99_target.as_micros() as u64 {
            self.missed.push(format!(
                "heartbeat p99 {} > {}",
                ms(w.hb.quantile(0.99)),
                ms(self.args.p99_target.as_micros() as u64)
            ));
        }
    }

    pub(super) async fn measure(&mut self, label: &str) -> Result<Option<Window>, String> {
        if self.args.duration.is_zero() {
            return Ok(None);
        }
        self.settle().await;
        let w = self.window(self.args.duration, label).await?;
        self.print_window(&w, label);
        Ok(Some(w))
    }

    pub(super) async fn steady(&mut self) -> Result<(), String> {
        let n = self.args.agents;
        let took = self.grow_ready(n, self.args.ready_timeout).await?;
        say(&format!(
            "enrolment: {n} agents enrolled, connected and Ready in {} ({:.0} agents/s, {} enrolments in flight)",
            secs(took),
            n as f64 / took.as_secs_f64(),
            self.args.enrol_concurrency
        ));
        self.note("time_to_ready_s", format!("{:.1}", took.as_secs_f64()));
        if let Some(w) = self.measure("steady").await? {
            self.note_window(&w);
        }
        Ok(())
    }

    /// Waits until `n` agents are Ready on sessions opened after `sessions0`.
    pub(super) async fn wait_back(&mut self, n: usize, sessions0: u64, t0: Instant) -> Result<Duration, String> {
        let mut last = Instant::now();
        loop {
            let t = self.workers.tick();
            if t.ready >= n as i64 && t.sessions >= sessions0 + n as u64 {
                return Ok(t0.elapsed());
            }
            if t0.elapsed() > self.args.ready_timeout {
                return Err(format!("only {} of {n} agents Ready after {}", t.ready, secs(t0.elapsed())));
            }
            if last.elapsed() >= Duration::from_secs(5) {
                last = Instant::now();
                say(&format!(
                    "#   t={:>5} connected={} ready={} retries={} errors={}",
                    secs(t0.elapsed()),
                    t.connected,
                    t.ready,
                    t.retries,
                    t.errors
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Prints new sessions and Ready agents per second since `t0`.
    pub(super) fn curve(&self, t0: Instant, sessions0: u64, title: &str) {
        let points = self.sampler.since(t0);
        say(&format!("{title} (per second since t0: new sessions, Ready agents):"));
        let mut prev = sessions0;
        let n = self.grown.max(1);
        let mut full_for = 0;
        for p in &points {
            let new = p.sessions.saturating_sub(prev);
            prev = p.sessions;
            let bar = "#".repeat(((new as f64 / n as f64) * 200.0).ceil().min(60.0) as usize);
            say(&format!(
                "curve t={:>3}s new_sessions={:>6} ready={:>6} {bar}",
                p.at.duration_since(t0).as_secs(),
                new,
                p.tick_ready
            ));
            full_for = if p.tick_ready >= n as i64 && new == 0 { full_for + 1 } else { 0 };
            if full_for >= 3 {
                break;
            }
        }
    }

    pub(super) async fn storm(&mut self) -> Result<(), String> {
        let n = self.args.agents;
        let before = self.watchers.min_ready();
        let sessions0 = self.workers.tick().sessions;
        let t0 = Instant::now();
        let wall0 = now_ms();
        let watching = tokio::spawn(watch_ready(self.watchers.probe(), n + before, t0, false));
        self.workers.grow(n).await?;
        self.grown = n;
        let took = self.wait_back(n, sessions0, t0).await?;
        let agents_view = Duration::from_millis(u64::try_from(self.workers.tick().last_ready_ms - wall0).unwrap_or(0));
        let watched = tokio::time::timeout(Duration::from_secs(30), watching).await.ok().and_then(|r| r.ok()).flatten();
        self.curve(t0, sessions0, "storm curve");
        say(&format!(
            "storm: {n} agents enrolling at once, all Ready after {} (agents' view: last Ready ack at {}; watchers' view: {})",
            secs(took),
            secs(agents_view),
            watched.map(secs).unwrap_or_else(|| "not seen".into())
        ));
        self.note("storm_all_ready_s", format!("{:.1}", agents_view.max(took.min(agents_view)).as_secs_f64()));
        if agents_view > self.args.storm_target {
            self.missed.push(format!(
                "storm: all Ready after {} > {}",
                secs(agents_view),
                secs(self.args.storm_target)
            ));
        }
        if let Some(w) = self.measure("after storm").await? {
            self.note_window(&w);
        }
        Ok(())
    }

    pub(super) async fn reconnect(&mut self) -> Result<(), String> {
        let n = self.args.agents;
        let took = self.grow_ready(n, self.args.ready_timeout).await?;
        say(&format!("enrolment: {n} agents Ready in {}", secs(took)));
        self.note("time_to_ready_s", format!("{:.1}", took.as_secs_f64()));
        self.settle().await;
        let before = self.watchers.min_ready().saturating_sub(n);
        let sessions0 = self.workers.tick().sessions;
        let t0 = Instant::now();
        let wall0 = now_ms();
        let watching = tokio::spawn(watch_ready(self.watchers.probe(), n + before, t0, true));
        self.workers.drop_all().await?;
        let took = self.wait_back(n, sessions0, t0).await?;
        let agents_view = Duration::from_millis(u64::try_from(self.workers.tick().last_ready_ms - wall0).unwrap_or(0));
        let watched = tokio::time::timeout(Duration::from_secs(30), watching).await.ok().and_then(|r| r.ok()).flatten();
        self.curve(t0, sessions0, "reconnect curve");
        say(&format!(
            "reconnect: all {n} connections dropped at t0; all Ready again after {} (last Ready ack at {}; watchers' view: {})",
            secs(took),
            secs(agents_view),
            watched.map(secs).unwrap_or_else(|| "not seen".into())
        ));
        self.note("reconnect_all_ready_s", format!("{:.1}", agents_view.as_secs_f64()));
        if agents_view > self.args.reconnect_target {
            self.missed.push(format!(
                "reconnect: all Ready after {} > {}",
                secs(agents_view),
                secs(self.args.reconnect_target)
            ));
        }
        if let Some(w) = self.measure("after reconnect").await? {
            self.note_window(&w);
        }
        Ok(())
    }

    pub(super) async fn ramp(&mut self) -> Result<(), String> {
        let n = self.args.agents;
        let step = self.args.step.max(1);
        let target = self.args.p99_target.as_micros() as u64;
        let mut k = step.min(n);
        let mut knee = 0;
        loop {
            self.grow_ready(k, self.args.ready_timeout).await?;
            self.settle().await;
            let label = format!("ramp {k}");
            let w = self.window(self.args.duration, &label).await?;
            self.print_window(&w, &label);
            let ok = w.hb.quantile(0.99) <= target && w.errors == 0;
            say(&format!(
                "ramp agents={k} hb_p99={} master_cpu={:.2} cores master_rss={} MiB errors={} {}",
                ms(w.hb.quantile(0.99)),
                w.master_cores,
                w.master_rss_kb >> 10,
                w.errors,
                if ok { "within target" } else { "OVER TARGET" }
            ));
            if !ok {
                break;
            }
            knee = k;
            self.note_window(&w);
            if k >= n {
                break;
            }
            k = (k + step).min(n);
        }
        say(&format!(
            "knee: {knee} agents is the largest fleet measured within heartbeat p99 <= {} and no errors{}",
            ms(target),
            if knee == n { " (the largest tried; the knee is higher)" } else { "" }
        ));
        self.note("agents", self.grown.to_string());
        self.note("knee", knee.to_string());
        Ok(())
    }

    /// Checks the watchers against the master; returns the errors found.
    async fn check_watchers(&mut self, when: &str, key: &str) -> u64 {
        if self.watchers.is_empty() {
            return 0;
        }
        match self.watchers.verify(&self.target.admin_conf, Duration::from_secs(30)).await {
            Ok(v) => {
                say(&format!(
                    "watchers ({when}): {} streams, {} messages, {} lifecycle events; missed {} (summed over watchers), diverged nodes {}, streams ended {}; delivery {}",
                    v.watchers,
                    v.messages,
                    v.events,
                    v.missed,
                    v.diverged,
                    v.ended,
                    v.delivery.summary()
                ));
                if let Some(why) = &v.ended_why {
                    say(&format!("watchers: a stream ended: {why}"));
                }
                // Updates without a lifecycle event that a lagging watcher
                // skipped for a newer one of the same node, and snapshots.
                let port = self.target.http_port;
                let coalesced = crate::coord::master_metric(port, "piccolo_watch_coalesced_total").await;
                let resyncs = crate::coord::master_metric(port, "piccolo_watch_resyncs_total").await;
                if let (Some(c), Some(r)) = (coalesced, resyncs) {
                    say(&format!(
                        "watchers ({when}): the master coalesced {c} queued updates (no lifecycle event) and sent {r} snapshots"
                    ));
                    self.note(&format!("{key}watch_coalesced"), c.to_string());
                    self.note(&format!("{key}watch_resyncs"), r.to_string());
                }
                self.note(&format!("{key}watch_events"), v.events.to_string());
                self.note(&format!("{key}watch_missed"), v.missed.to_string());
                self.note(&format!("{key}watch_diverged"), v.diverged.to_string());
                self.note(&format!("{key}watch_p99_ms"), format!("{:.1}", v.delivery.quantile(0.99) as f64 / 1000.0));
                v.errors()
            }
            Err(e) => {
                self.totals.errors.insert(format!("watch verification ({when}): {e}"), 1);
                0
            }
        }
    }

    /// Stops the fleet, checks the watchers, prints the totals and the summary line.
    pub(super) async fn finish(&mut self) -> Result<i32, String> {
        // Once while the fleet still runs, once after every agent disconnected
        // at the same moment (the harshest burst of changes a watcher gets).
        let mut watch_errors = self.check_watchers("during the run", "").await;
        let last = self.workers.stop().await;
        match last {
            Ok(r) => self.absorb(&r),
            Err(e) => {
                self.totals.errors.insert(e, 1);
            }
        }
        let enrol = self.totals.enrol.clone();
        if enrol.count() > 0 {
            say(&format!(
                "enrolment latency (connect, TLS, RegisterNode; per successful attempt): {}",
                enrol.summary()
            ));
            self.note("enrol_p50_ms", format!("{:.1}", enrol.quantile(0.5) as f64 / 1000.0));
            self.note("enrol_p99_ms", format!("{:.1}", enrol.quantile(0.99) as f64 / 1000.0));
        }
        let at_end = self.check_watchers("after every agent disconnected at once", "end_").await;
        // The second check re-counts what the first saw: only its increase is new.
        watch_errors = watch_errors.max(at_end);
        let retries: u64 = self.totals.retries.values().sum();
        if retries > 0 {
            say(&format!("retries (the agent's backoff handled them): {retries}"));
            for (k, v) in &self.totals.retries {
                say(&format!("  {v:>7}  {k}"));
            }
        }
        let errors: u64 = self.totals.errors.values().sum::<u64>() + watch_errors;
        for (k, v) in &self.totals.errors {
            say(&format!("error {v:>7}  {k}"));
        }
        for m in &self.missed {
            say(&format!("target missed: {m}"));
        }
        self.note("retries", retries.to_string());
        self.note("targets_missed", self.missed.len().to_string());
        let mut line = String::from("summary");
        for (k, v) in &self.summary {
            line.push_str(&format!(" {k}={v}"));
        }
        line.push_str(&format!(" errors={errors}"));
        say(&line);
        Ok(if errors > 0 {
            1
        } else if self.args.strict && !self.missed.is_empty() {
            2
        } else {
            0
        })
    }
}

/// Time until the slowest watcher sees `want` nodes Ready (with `dip`, only
/// after it first saw fewer: the drop itself). Gives up 30 s after the fleet
/// would have been expected (`ready_timeout` bounds the callers anyway).
async fn watch_ready(probe: Option<ReadyProbe>, want: usize, t0: Instant, dip: bool) -> Option<Duration> {
    let probe = probe?;
    let mut dipped = !dip;
    let deadline = Instant::now() + Duration::from_secs(600);
    while Instant::now() < deadline {
        let ready = probe();
        if !dipped {
            dipped = ready < want;
        } else if ready >= want {
            return Some(t0.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    None
}
