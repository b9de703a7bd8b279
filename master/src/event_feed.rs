//! The one way event consumers (event streams of `WatchEvents`, alert hooks)
//! follow lifecycle events, and its loss rule.
//!
//! Every change is published once by the registry. Node watchers read it from
//! their own queue ([`crate::fanout`]): coalesced latest state per node plus
//! every lifecycle event, and an explicit resync (a snapshot of every node)
//! past their bound. Event consumers read the broadcast through an
//! [`EventFeed`]: when they fall behind it they catch up from the registry's
//! event history by sequence number, so a slow consumer still gets every
//! lifecycle event, in order, once. Only when what it missed is no longer in
//! the history does it get an explicit [`Next::Gap`] (a stream answers
//! `DATA_LOSS`, a hook counts the events as dropped). Nothing is lost silently.
//!
//! Among several masters sequence numbers are each master's (one above the
//! highest it has seen), so another master's event can arrive with a number
//! at or below one already delivered here. The feed therefore passes on
//! every event the broadcast brings that it has not delivered yet (it
//! remembers the last [`REMEMBER`] it delivered), whatever its number; only
//! the catch-up from history after a lag goes by number (and what the
//! broadcast still holds below where the catch-up began is not news).

use std::collections::VecDeque;
use std::sync::Arc;

use piccolo_common::events::Seen;
use piccolo_proto::{Event, NodeWatchEvent};
use tokio::sync::broadcast;

use crate::registry::Registry;

/// Events remembered as delivered (more than the broadcast channel holds).
pub const REMEMBER: usize = 4096;

/// What an [`EventFeed`] yields.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// The next event, in sequence order.
    Event(Event),
    /// This many events are gone from the history before the consumer read
    /// them; the feed continues after them.
    Gap(u64),
    /// The registry is gone (shutdown).
    Closed,
}

/// Lifecycle events after a starting point, in order, each once.
pub struct EventFeed {
    registry: Arc<Registry>,
    rx: broadcast::Receiver<Arc<NodeWatchEvent>>,
    last_seq: u64,
    backlog: VecDeque<Event>,
    /// After a lag: events numbered below this were delivered before it or
    /// counted as missed (the broadcast may still hold some of them).
    floor: u64,
    /// The events delivered lately.
    sent: Seen,
}

impl EventFeed {
    /// Follows events recorded from now on.
    pub fn new(registry: Arc<Registry>) -> Self {
        let (rx, last_seq) = registry.subscribe_events();
        Self { registry, rx, last_seq, backlog: VecDeque::new(), floor: 0, sent: Seen::new(REMEMBER) }
    }

    /// Marks `ev` delivered; false when it already was.
    fn deliver(&mut self, ev: &Event) -> bool {
        if !self.sent.first_time(ev) {
            return false;
        }
        self.last_seq = self.last_seq.max(ev.seq);
        true
    }

    /// The sequence number of the last event recorded before the feed began.
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// Skips `ev` (already sent another way).
    pub fn skip_through(&mut self, ev: &Event) {
        self.deliver(ev);
    }

    /// The next event (or gap), waiting for one.
    pub async fn next(&mut self) -> Next {
        loop {
            if let Some(ev) = self.backlog.pop_front() {
                if self.deliver(&ev) {
                    return Next::Event(ev);
                }
                continue;
            }
            match self.rx.recv().await {
                Ok(change) => {
                    // Each event is broadcast once: only one sent another
                    // way (the recent ones, a catch-up) is skipped.
                    if let Some(ev) = &change.event
                        && ev.seq >= self.floor
                        && self.deliver(ev)
                    {
                        return Next::Event(ev.clone());
                    }
                }
                // Behind the broadcast: catch up from the history.
                Err(broadcast::error::RecvError::Lagged(_)) => match self.registry.events_after(self.last_seq) {
                    Ok(events) => {
                        self.floor = self.last_seq + 1;
                        self.backlog = events.into();
                    }
                    Err(oldest) => {
                        let missed = oldest - self.last_seq - 1;
                        self.floor = oldest;
                        self.last_seq = oldest - 1;
                        self.backlog = self.registry.events_after(self.last_seq).unwrap_or_default().into();
                        return Next::Gap(missed);
                    }
                },
                Err(broadcast::error::RecvError::Closed) => return Next::Closed,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::metrics::Metrics;

    #[tokio::test]
    async fn another_masters_event_with_a_number_already_used_here_is_delivered() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, _p) = crate::registry::for_tests(dir.path(), Arc::new(Metrics::new()), Duration::ZERO).await;
        reg.join_cluster("m-a");
        reg.apply_remote(piccolo_proto::Node { name: "d1".into(), master: "m-b".into(), ..Default::default() });
        let mut feed = EventFeed::new(reg.clone());
        reg.record_event("d1", "WorkloadPlaced", "here", "");
        let first = tokio::time::timeout(Duration::from_secs(1), feed.next()).await.expect("the local event");
        let Next::Event(mine) = first else { panic!("the local event: {first:?}") };
        // Recorded on m-b with the same number (before either saw the
        // other's), and a later one from m-b numbered below it.
        let same =
            Event { seq: mine.seq, node: "d2".into(), time_ms: 7, kind: "Enrolled".into(), ..Default::default() };
        let lower = Event { seq: mine.seq.saturating_sub(1), node: "d3".into(), time_ms: 8, ..same.clone() };
        reg.apply_remote_event(same.clone());
        reg.apply_remote_event(lower.clone());
        // The same one again (the watch after a re-read) is not news.
        reg.apply_remote_event(same.clone());
        for want in [&same, &lower] {
            let got = tokio::time::timeout(Duration::from_secs(1), feed.next()).await.expect("delivered");
            assert_eq!(got, Next::Event(want.clone()));
        }
        assert!(tokio::time::timeout(Duration::from_millis(100), feed.next()).await.is_err(), "delivered once");
    }
}
