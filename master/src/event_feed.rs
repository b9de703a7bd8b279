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

use std::collections::VecDeque;
use std::sync::Arc;

use piccolo_proto::{Event, NodeWatchEvent};
use tokio::sync::broadcast;

use crate::registry::Registry;

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
}

impl EventFeed {
    /// Follows events recorded from now on.
    pub fn new(registry: Arc<Registry>) -> Self {
        let (rx, last_seq) = registry.subscribe_events();
        Self { registry, rx, last_seq, backlog: VecDeque::new() }
    }

    /// The sequence number of the last event recorded before the feed began.
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// Skips everything up to and including `seq` (already sent another way).
    pub fn skip_through(&mut self, seq: u64) {
        self.last_seq = self.last_seq.max(seq);
    }

    /// The next event (or gap), waiting for one.
    pub async fn next(&mut self) -> Next {
        loop {
            if let Some(ev) = self.backlog.pop_front() {
                if ev.seq > self.last_seq {
                    self.last_seq = ev.seq;
                    return Next::Event(ev);
                }
                continue;
            }
            match self.rx.recv().await {
                Ok(change) => {
                    if let Some(ev) = &change.event
                        && ev.seq > self.last_seq
                    {
                        self.last_seq = ev.seq;
                        return Next::Event(ev.clone());
                    }
                }
                // Behind the broadcast: catch up from the history.
                Err(broadcast::error::RecvError::Lagged(_)) => match self.registry.events_after(self.last_seq) {
                    Ok(events) => self.backlog = events.into(),
                    Err(oldest) => {
                        let missed = oldest - self.last_seq - 1;
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
