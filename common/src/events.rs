//! Telling lifecycle events apart, for every consumer that passes each one on
//! once (the master's event streams and alert hooks, `piccoloctl events
//! --watch`). Among several masters each numbers its own events (one above
//! the highest it has seen), so two can share a number and another master's
//! event can arrive numbered below one already shown: an event is itself by
//! its number, node and time together, not by its number.

use std::collections::{HashSet, VecDeque};

use piccolo_proto::Event;

/// What makes an event itself.
pub type EventId = (u64, String, i64);

/// The identity of `ev`.
pub fn id(ev: &Event) -> EventId {
    (ev.seq, ev.node.clone(), ev.time_ms)
}

/// The last `capacity` events passed on, to pass none on twice.
#[derive(Debug)]
pub struct Seen {
    set: HashSet<EventId>,
    order: VecDeque<EventId>,
    capacity: usize,
}

impl Seen {
    /// Remembers up to `capacity` events (at least one).
    pub fn new(capacity: usize) -> Self {
        Self { set: HashSet::new(), order: VecDeque::new(), capacity: capacity.max(1) }
    }

    /// Marks `ev` passed on; false when it already was (as far as memory goes).
    pub fn first_time(&mut self, ev: &Event) -> bool {
        let id = id(ev);
        if self.set.contains(&id) {
            return false;
        }
        if self.order.len() >= self.capacity
            && let Some(old) = self.order.pop_front()
        {
            self.set.remove(&old);
        }
        self.set.insert(id.clone());
        self.order.push_back(id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(seq: u64, node: &str, time_ms: i64) -> Event {
        Event { seq, node: node.into(), time_ms, ..Default::default() }
    }

    #[test]
    fn the_same_number_from_another_node_or_time_is_another_event() {
        let mut seen = Seen::new(8);
        assert!(seen.first_time(&ev(5, "a", 1)));
        assert!(!seen.first_time(&ev(5, "a", 1)));
        assert!(seen.first_time(&ev(5, "b", 1)));
        assert!(seen.first_time(&ev(5, "a", 2)));
        assert!(seen.first_time(&ev(4, "c", 3)), "a lower number is no reason to skip");
    }

    #[test]
    fn memory_is_bounded_and_forgets_the_oldest() {
        let mut seen = Seen::new(2);
        for s in 1..=3 {
            assert!(seen.first_time(&ev(s, "a", 0)));
        }
        assert!(!seen.first_time(&ev(3, "a", 0)));
        assert!(!seen.first_time(&ev(2, "a", 0)));
        assert!(seen.first_time(&ev(1, "a", 0)), "the oldest was forgotten");
    }
}
