//! The failover scenario (several masters): a steady fleet spread over the
//! masters, measured; then SIGKILL to the leader. Prints the time until
//! another master reports `leader` on `/health`, the time until every agent
//! is Ready again in a session on a survivor (the killed master's share
//! reconnects to the others with the agent's jitter), how the moved agents
//! spread, and how many nodes a survivor's `WatchNodes` stream reported
//! NotReady meanwhile (0 when every device is back within `failover_grace`).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use piccolo_proto::{NodeState, WatchNodesRequest};

use super::{Run, say, secs};

/// Is the master on `http_port` the leader (per its `/health`)?
async fn leads(http_port: Option<u16>) -> bool {
    let Some(port) = http_port else { return false };
    let (code, body) = piccolo_tests::master::http_get(port, "/health").await;
    code == 200
        && serde_json::from_str::<serde_json::Value>(&body).ok().and_then(|v| v["leader"].as_bool()) == Some(true)
}

impl Run {
    /// Index (in `target.masters`) of the one leader, waiting up to `limit`.
    async fn leader(&self, limit: Duration) -> Result<usize, String> {
        let t0 = Instant::now();
        loop {
            let mut leaders = Vec::new();
            for (i, m) in self.target.masters.iter().enumerate() {
                if leads(m.http_port).await {
                    leaders.push(i);
                }
            }
            if let [one] = leaders.as_slice() {
                return Ok(*one);
            }
            if t0.elapsed() > limit {
                return Err(format!("no single leader after {} (leaders: {leaders:?})", secs(limit)));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Counts the nodes a survivor's watch stream reports NotReady.
    async fn not_ready_watch(&self) -> Result<(Arc<Mutex<HashSet<String>>>, tokio::task::JoinHandle<()>), String> {
        let mut admin = piccolo_tests::master::admin_client(&self.target.admin_conf).await?;
        let mut stream = admin
            .watch_nodes(WatchNodesRequest { initial: false })
            .await
            .map_err(|s| format!("watch nodes: {}", s.message()))?
            .into_inner();
        let seen = Arc::new(Mutex::new(HashSet::new()));
        let s = seen.clone();
        let task = tokio::spawn(async move {
            while let Ok(Some(ev)) = stream.message().await {
                let n = ev.node.unwrap_or_default();
                if n.state() == NodeState::NotReady
                    && let Ok(mut s) = s.lock()
                {
                    s.insert(n.name);
                }
            }
        });
        Ok((seen, task))
    }

    pub(super) async fn failover(&mut self) -> Result<(), String> {
        if self.target.masters.len() < 2 {
            return Err("the failover scenario needs several masters: --masters 3".into());
        }
        let n = self.args.agents;
        let took = self.grow_ready(n, self.args.ready_timeout).await?;
        say(&format!("enrolment: {n} agents Ready over {} masters in {}", self.target.masters.len(), secs(took)));
        self.note("time_to_ready_s", format!("{:.1}", took.as_secs_f64()));
        if let Some(w) = self.measure("steady").await? {
            self.note_window(&w);
        }
        self.settle().await;
        let leader = self.leader(Duration::from_secs(15)).await?;
        let dead = self.target.masters.remove(leader);
        // Everything that follows looks at a survivor.
        let s = self.target.masters[0].clone();
        (self.target.addr, self.target.pid, self.target.http_port) = (s.addr.clone(), s.pid, s.http_port);
        self.target.admin_conf = s.admin_conf.clone();
        let (not_ready, watch) = self.not_ready_watch().await?;
        let before = self.workers.tick();
        let moved = before.on.get(dead.index).copied().unwrap_or(0).max(0) as u64;
        say(&format!(
            "failover: killing the leader m{} (pid {}) with SIGKILL; sessions per master {:?}",
            dead.index, dead.pid, before.on
        ));
        let t0 = Instant::now();
        if let Some(c) = self.target.cluster.as_mut() {
            c.masters[dead.index].proc.kill9();
        }
        let mut new_leader = None;
        let mut all_back = None;
        let mut last = Instant::now();
        while new_leader.is_none() || all_back.is_none() {
            if t0.elapsed() > self.args.ready_timeout {
                break;
            }
            if new_leader.is_none() {
                let mut count = 0;
                for m in &self.target.masters {
                    count += usize::from(leads(m.http_port).await);
                }
                if count == 1 {
                    new_leader = Some(t0.elapsed());
                }
            }
            let t = self.workers.tick();
            let on_dead = t.on.get(dead.index).copied().unwrap_or(0);
            if all_back.is_none() && on_dead == 0 && t.ready >= n as i64 && t.sessions >= before.sessions + moved {
                all_back = Some(t0.elapsed());
            }
            if last.elapsed() >= Duration::from_secs(5) {
                last = Instant::now();
                say(&format!(
                    "#   t={:>5} ready={} sessions per master {:?} retries={}",
                    secs(t0.elapsed()),
                    t.ready,
                    t.on,
                    t.retries
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.curve(t0, before.sessions, "failover curve");
        let after = self.workers.tick();
        // Reports may lag the last reconnects by a heartbeat: give them one.
        tokio::time::sleep(self.args.heartbeat.min(Duration::from_secs(2))).await;
        watch.abort();
        let reported: usize = not_ready.lock().map(|s| s.len()).unwrap_or(0);
        let leader_ms = new_leader.map(|d| d.as_millis().to_string()).unwrap_or_else(|| "none".into());
        let back = all_back.map(|d| format!("{:.1}", d.as_secs_f64())).unwrap_or_else(|| "never".into());
        say(&format!(
            "failover: leader m{} killed; another master leads after {leader_ms} ms; all {n} agents Ready in sessions on the survivors after {back} s ({moved} moved; sessions per master now {:?}); nodes a survivor reported NotReady meanwhile: {reported}; machine load average {}",
            dead.index,
            after.on,
            super::loadavg()
        ));
        self.note("failover_new_leader_ms", leader_ms);
        self.note("failover_all_back_s", back);
        self.note("failover_moved", moved.to_string());
        self.note("failover_not_ready", reported.to_string());
        if new_leader.is_none() || all_back.is_none() {
            return Err(format!("failover incomplete after {}", secs(self.args.ready_timeout)));
        }
        if let Some(w) = self.measure("after failover").await? {
            self.note_window(&w);
        }
        Ok(())
    }
}
