//! Stable per-node cluster addresses (seed 001): an optional pool (a CIDR
//! from the master's config) from which each node gets one address, bound to
//! its name, so it stays the same across reconnects and changes of the
//! device's real IP. When the pool is full, the binding of the node that has
//! been disconnected longest is reclaimed; removing a node releases its
//! address. These are bookkeeping addresses: nothing is ever sent to them.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use piccolo_common::time::now_ms;
use piccolo_proto::AddressBinding;
use prost::Message;
use thiserror::Error;
use tracing::{info, warn};

use crate::store::{PREFIX, SharedStore, StoreError};

/// Pools larger than this are only used up to this many addresses.
const MAX_POOL: u128 = 1 << 16;

/// Address pool errors.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum PoolError {
    #[error("{0:?} is not a CIDR like 10.77.0.0/24 or fd00:77::/112")]
    BadCidr(String),
    #[error("the address pool is full and every bound node is connected")]
    Full,
}

/// An IPv4 or IPv6 network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    base: u128,
    v6: bool,
    size: u128,
}

impl Cidr {
    /// Parses `ADDR/PREFIX`.
    pub fn parse(s: &str) -> Result<Self, PoolError> {
        let bad = || PoolError::BadCidr(s.to_string());
        let (addr, prefix) = s.trim().split_once('/').ok_or_else(bad)?;
        let addr: IpAddr = addr.parse().map_err(|_| bad())?;
        let prefix: u32 = prefix.parse().map_err(|_| bad())?;
        let (bits, v, v6) = match addr {
            IpAddr::V4(a) => (32, u128::from(u32::from(a)), false),
            IpAddr::V6(a) => (128, u128::from(a), true),
        };
        if prefix > bits {
            return Err(bad());
        }
        let host_bits = bits - prefix;
        let size = if host_bits >= 128 { u128::MAX } else { 1u128 << host_bits };
        let base = if host_bits >= 128 { 0 } else { v & !(size - 1) };
        Ok(Self { base, v6, size })
    }

    /// The usable addresses, in order (IPv4 skips network and broadcast when
    /// the network has more than two addresses).
    pub fn hosts(&self) -> impl Iterator<Item = IpAddr> + '_ {
        let (first, last) = if !self.v6 && self.size > 2 { (1, self.size - 1) } else { (0, self.size) };
        (first..last.min(first + MAX_POOL)).map(move |i| {
            let v = self.base + i;
            if self.v6 { IpAddr::V6(v.into()) } else { IpAddr::V4(u32::try_from(v).unwrap_or(0).into()) }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Binding {
    address: IpAddr,
    connected: bool,
    last_used_ms: i64,
}

/// The pure pool logic.
#[derive(Debug)]
pub struct PoolState {
    net: Cidr,
    bindings: HashMap<String, Binding>,
}

/// What an assignment changed.
#[derive(Debug, PartialEq, Eq)]
pub struct Assigned {
    pub address: IpAddr,
    /// A node whose binding was taken over.
    pub reclaimed_from: Option<String>,
}

impl PoolState {
    pub fn new(net: Cidr) -> Self {
        Self { net, bindings: HashMap::new() }
    }

    /// A node connected: its existing address, or a free one, or the one of
    /// the node disconnected longest.
    pub fn connect(&mut self, node: &str) -> Result<Assigned, PoolError> {
        if let Some(b) = self.bindings.get_mut(node) {
            b.connected = true;
            b.last_used_ms = 0;
            return Ok(Assigned { address: b.address, reclaimed_from: None });
        }
        let used: std::collections::HashSet<IpAddr> = self.bindings.values().map(|b| b.address).collect();
        let (address, reclaimed_from) = match self.net.hosts().find(|a| !used.contains(a)) {
            Some(a) => (a, None),
            None => {
                let (victim, b) = self
                    .bindings
                    .iter()
                    .filter(|(_, b)| !b.connected)
                    .min_by(|(na, a), (nb, b)| a.last_used_ms.cmp(&b.last_used_ms).then(na.cmp(nb)))
                    .map(|(n, b)| (n.clone(), b.address))
                    .ok_or(PoolError::Full)?;
                self.bindings.remove(&victim);
                (b, Some(victim))
            }
        };
        self.bindings.insert(node.to_string(), Binding { address, connected: true, last_used_ms: 0 });
        Ok(Assigned { address, reclaimed_from })
    }

    /// A node disconnected at `now_ms`; it keeps its address.
    pub fn disconnect(&mut self, node: &str, now_ms: i64) -> bool {
        match self.bindings.get_mut(node) {
            Some(b) => {
                b.connected = false;
                b.last_used_ms = now_ms;
                true
            }
            None => false,
        }
    }

    /// A node was removed: its address is free again.
    pub fn release(&mut self, node: &str) -> Option<IpAddr> {
        self.bindings.remove(node).map(|b| b.address)
    }

    /// A node's address.
    pub fn address(&self, node: &str) -> Option<IpAddr> {
        self.bindings.get(node).map(|b| b.address)
    }

    fn record(&self, node: &str) -> Option<AddressBinding> {
        self.bindings.get(node).map(|b| AddressBinding {
            node: node.into(),
            address: b.address.to_string(),
            last_used_ms: if b.connected { now_ms() } else { b.last_used_ms },
        })
    }
}

fn key(node: &str) -> String {
    format!("{PREFIX}addresses/{node}")
}

/// The pool with its bindings kept in the store (no pool: every call is a no-op).
pub struct AddressPool {
    store: SharedStore,
    state: Option<Mutex<PoolState>>,
}

impl AddressPool {
    /// Loads the bindings; `cidr` empty disables the pool. Bindings outside a
    /// changed pool are dropped.
    pub async fn load(store: SharedStore, cidr: &str) -> Result<Self, StoreError> {
        let Ok(net) = Cidr::parse(cidr) else { return Ok(Self { store, state: None }) };
        let mut st = PoolState::new(net);
        let valid: std::collections::HashSet<IpAddr> = net.hosts().collect();
        for (k, v) in store.list(&format!("{PREFIX}addresses/")).await? {
            let b = AddressBinding::decode(v.value.as_slice())
                .map_err(|e| StoreError::Decode { key: k.clone(), reason: e.to_string() })?;
            match b.address.parse::<IpAddr>() {
                Ok(a) if valid.contains(&a) => {
                    st.bindings.insert(b.node, Binding { address: a, connected: false, last_used_ms: b.last_used_ms });
                }
                _ => {
                    store.delete(&k).await?;
                }
            }
        }
        Ok(Self { store, state: Some(Mutex::new(st)) })
    }

    fn with<T>(&self, f: impl FnOnce(&mut PoolState) -> T) -> Option<T> {
        self.state.as_ref().and_then(|m| m.lock().ok().map(|mut g| f(&mut g)))
    }

    /// A node's address, if it has one.
    pub fn address(&self, node: &str) -> Option<IpAddr> {
        self.with(|s| s.address(node)).flatten()
    }

    async fn save(&self, node: &str) {
        if let Some(Some(rec)) = self.with(|s| s.record(node))
            && let Err(e) = self.store.put(&key(node), rec.encode_to_vec()).await
        {
            warn!(node, error = %e, "could not store the address binding");
        }
    }

    /// A node's session opened.
    pub async fn connected(&self, node: &str) {
        let Some(r) = self.with(|s| s.connect(node)) else { return };
        match r {
            Ok(a) => {
                if let Some(old) = &a.reclaimed_from {
                    info!(node, address = %a.address, from = %old, "pool full: reclaimed the longest-unused address");
                    if let Err(e) = self.store.delete(&key(old)).await {
                        warn!(node = %old, error = %e, "could not delete the reclaimed binding");
                    }
                }
                self.save(node).await;
            }
            Err(e) => warn!(node, error = %e, "no cluster address for this node"),
        }
    }

    /// A node's session closed.
    pub async fn disconnected(&self, node: &str) {
        if self.with(|s| s.disconnect(node, now_ms())) == Some(true) {
            self.save(node).await;
        }
    }

    /// A node was removed.
    pub async fn release(&self, node: &str) {
        if self.with(|s| s.release(node)).flatten().is_some()
            && let Err(e) = self.store.delete(&key(node)).await
        {
            warn!(node, error = %e, "could not delete the released binding");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or_else(|_| IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn cidr_hosts() {
        let c = Cidr::parse("10.0.0.5/30").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.hosts().collect::<Vec<_>>(),
            vec![ip("10.0.0.5"), ip("10.0.0.6")],
            "masked to the network 10.0.0.4"
        );
        assert_eq!(Cidr::parse("10.0.0.0/31").map(|c| c.hosts().count()), Ok(2));
        assert_eq!(Cidr::parse("fd00::/126").map(|c| c.hosts().count()), Ok(4));
        assert_eq!(Cidr::parse("10.0.0.0/8").map(|c| c.hosts().count()), Ok(1 << 16));
        assert!(Cidr::parse("10.0.0.0").is_err());
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("x/24").is_err());
    }

    #[test]
    fn addresses_are_stable_reclaimed_lru_and_released() {
        let mut p = PoolState::new(Cidr::parse("10.0.0.0/30").unwrap_or_else(|e| panic!("{e}")));
        let a = p.connect("a").map(|x| x.address);
        let b = p.connect("b").map(|x| x.address);
        assert_eq!((a.clone(), b.clone()), (Ok(ip("10.0.0.1")), Ok(ip("10.0.0.2"))));
        // Reconnecting keeps the address.
        p.disconnect("a", 100);
        assert_eq!(p.connect("a").map(|x| x.address), a);
        // Full, everyone connected: no address.
        assert_eq!(p.connect("c"), Err(PoolError::Full));
        // b disconnected earlier than a: b's address goes to c.
        p.disconnect("b", 200);
        p.disconnect("a", 300);
        assert_eq!(p.connect("c"), Ok(Assigned { address: ip("10.0.0.2"), reclaimed_from: Some("b".into()) }));
        assert_eq!(p.address("b"), None);
        // Removal releases; the next node gets the freed address.
        assert_eq!(p.release("a"), Some(ip("10.0.0.1")));
        assert_eq!(p.connect("d").map(|x| x.address), Ok(ip("10.0.0.1")));
    }
}
