//! Which address a request comes from: the TCP peer, or, only when the peer
//! is a reverse proxy the operator named (`serve --trusted-proxy`), the
//! address that proxy says it forwarded for. The limits per address and
//! the request log use this address.

use super::error;
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::HeaderValue;
use axum::http::request::Parts;
use axum::response::Response;
use doyak_sync_protocol::ErrorCode;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

/// The header a reverse proxy appends the address it received from to.
pub const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// An address or network (CIDR) of reverse proxies that are believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyNet {
    network: IpAddr,
    prefix: u8,
}

/// A `--trusted-proxy` value that is not an address or a network.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProxyNetError {
    #[error("{0}: IP 주소(예: 10.0.0.5)나 네트워크(예: 10.0.0.0/8)로 적어 주세요")]
    Syntax(String),
    #[error("{0}: 접두사 길이는 IPv4에서 0~32, IPv6에서 0~128입니다")]
    Prefix(String),
    #[error("{0}: 네트워크 주소의 나머지 비트는 0이어야 합니다 (예: 10.0.0.0/8)")]
    HostBits(String),
}

impl FromStr for ProxyNet {
    type Err = ProxyNetError;

    fn from_str(text: &str) -> Result<ProxyNet, ProxyNetError> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network: IpAddr = address
            .parse()
            .map_err(|_| ProxyNetError::Syntax(text.to_owned()))?;
        let network = network.to_canonical();
        let bits = bits_of(network);
        let prefix = match prefix {
            None => bits,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| ProxyNetError::Prefix(text.to_owned()))?,
        };
        // "10.1.2.3/8" is more likely a slip than a wish to trust 10.0.0.0/8.
        if masked(network, prefix) != network {
            return Err(ProxyNetError::HostBits(text.to_owned()));
        }
        Ok(ProxyNet { network, prefix })
    }
}

impl ProxyNet {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        ip.is_ipv4() == self.network.is_ipv4() && masked(ip, self.prefix) == self.network
    }
}

fn bits_of(ip: IpAddr) -> u8 {
    if ip.is_ipv4() { 32 } else { 128 }
}

/// `ip` with all but its first `prefix` bits cleared.
fn masked(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4(Ipv4Addr::from(u32::from(v4) & mask))
        }
        IpAddr::V6(v6) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6(Ipv6Addr::from(u128::from(v6) & mask))
        }
    }
}

/// The reverse proxies whose `X-Forwarded-For` the server believes; none
/// by default, and then the header is ignored.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<ProxyNet>);

impl TrustedProxies {
    pub fn new(nets: Vec<ProxyNet>) -> TrustedProxies {
        TrustedProxies(nets)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }

    /// The client address of a request whose TCP peer is `peer` and whose
    /// `X-Forwarded-For` headers are `forwarded`, in order.
    ///
    /// Each proxy appends the address it received from, so the list reads
    /// client, proxy, proxy…; only the entries our trusted proxies appended
    /// are believed. Walking from the right, the first address that is not
    /// a trusted proxy is the client: anything left of it was written by
    /// that client and may be forged. A header that does not parse (an
    /// empty entry, `unknown`, a port) gives the peer's address: a broken
    /// proxy can make its clients share one limit, never escape it.
    pub fn client<'a>(
        &self,
        peer: IpAddr,
        forwarded: impl IntoIterator<Item = &'a HeaderValue>,
    ) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let mut hops = Vec::new();
        for value in forwarded {
            let Ok(text) = value.to_str() else {
                return peer;
            };
            for entry in text.split(',') {
                match entry.trim().parse::<IpAddr>() {
                    Ok(ip) => hops.push(ip.to_canonical()),
                    Err(_) => return peer,
                }
            }
        }
        match hops.iter().rev().find(|ip| !self.trusts(**ip)) {
            Some(client) => *client,
            // Every hop is one of ours (a proxy's own health check): the
            // farthest one is the client.
            None => hops.first().copied().unwrap_or(peer),
        }
    }
}

/// A request's client address, as [`TrustedProxies::client`] found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The key limits count under: the address, or for IPv6 its /64, since
    /// one host is handed a whole /64.
    pub fn limit_key(self) -> IpAddr {
        match self.0 {
            v4 @ IpAddr::V4(_) => v4,
            v6 @ IpAddr::V6(_) => masked(v6, 64),
        }
    }
}

/// The router's outer layer finds the address once and leaves it in the
/// request for the guard and the handlers.
impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<ClientAddr, Response> {
        parts
            .extensions
            .get::<ClientAddr>()
            .copied()
            .ok_or_else(|| {
                tracing::error!("no client address: a route outside the router's layers");
                error(ApiError::new(ErrorCode::ServerInternal))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(text: &str) -> ProxyNet {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn proxy_networks_read_addresses_and_cidrs_and_refuse_slips() {
        assert!(net("10.0.0.5").contains(ip("10.0.0.5")));
        assert!(!net("10.0.0.5").contains(ip("10.0.0.6")));
        assert!(net("10.0.0.0/8").contains(ip("10.200.1.1")));
        assert!(!net("10.0.0.0/8").contains(ip("11.0.0.1")));
        assert!(net("0.0.0.0/0").contains(ip("8.8.8.8")));
        assert!(!net("0.0.0.0/0").contains(ip("::1")), "families never mix");
        assert!(net("fd00::/8").contains(ip("fd12:3456::1")));
        assert!(
            net("10.0.0.0/8").contains(ip("::ffff:10.1.1.1")),
            "an IPv4 peer on a dual-stack socket is the IPv4 address"
        );
        let refused = |text: &str| text.parse::<ProxyNet>().err();
        assert!(matches!(
            refused("proxy.local"),
            Some(ProxyNetError::Syntax(_))
        ));
        assert!(matches!(refused(""), Some(ProxyNetError::Syntax(_))));
        assert!(matches!(
            refused("10.0.0.0/33"),
            Some(ProxyNetError::Prefix(_))
        ));
        assert!(matches!(
            refused("10.0.0.0/x"),
            Some(ProxyNetError::Prefix(_))
        ));
        assert!(matches!(refused("::/129"), Some(ProxyNetError::Prefix(_))));
        assert!(matches!(
            refused("10.1.2.3/8"),
            Some(ProxyNetError::HostBits(_))
        ));
        let message = refused("10.1.2.3/8").map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("10.1.2.3/8: 네트워크 주소의 나머지 비트는 0이어야 합니다 (예: 10.0.0.0/8)")
        );
    }

    fn client(trusted: &[&str], peer: &str, headers: &[&str]) -> IpAddr {
        let proxies = TrustedProxies::new(trusted.iter().map(|t| net(t)).collect());
        let values: Vec<HeaderValue> = headers
            .iter()
            .map(|h| HeaderValue::from_str(h).unwrap_or_else(|e| panic!("{h}: {e}")))
            .collect();
        proxies.client(ip(peer), &values)
    }

    #[test]
    fn the_client_is_the_rightmost_address_no_trusted_proxy_wrote() {
        let proxy = ["10.0.0.0/8"];
        // Without trusted proxies the header is never read.
        assert_eq!(client(&[], "10.0.0.1", &["203.0.113.9"]), ip("10.0.0.1"));
        // From a peer that is not trusted, neither.
        assert_eq!(
            client(&proxy, "198.51.100.7", &["203.0.113.9"]),
            ip("198.51.100.7")
        );
        // One trusted proxy: the address it appended.
        assert_eq!(
            client(&proxy, "10.0.0.1", &["203.0.113.9"]),
            ip("203.0.113.9")
        );
        // A client's forged entry is left of the one our proxy appended.
        assert_eq!(
            client(&proxy, "10.0.0.1", &["1.1.1.1, 203.0.113.9"]),
            ip("203.0.113.9")
        );
        // Two trusted proxies in a row: skip the inner one.
        assert_eq!(
            client(&proxy, "10.0.0.1", &["1.1.1.1, 203.0.113.9, 10.0.0.2"]),
            ip("203.0.113.9")
        );
        // Several header lines are one list, in order.
        assert_eq!(
            client(&proxy, "10.0.0.1", &["1.1.1.1", "203.0.113.9, 10.0.0.2"]),
            ip("203.0.113.9")
        );
        // Only proxies: the farthest one.
        assert_eq!(
            client(&proxy, "10.0.0.1", &["10.0.0.3, 10.0.0.2"]),
            ip("10.0.0.3")
        );
        // No header from a trusted proxy: the proxy itself.
        assert_eq!(client(&proxy, "10.0.0.1", &[]), ip("10.0.0.1"));
        assert_eq!(
            client(
                &["2001:db8::/32"],
                "2001:db8::1",
                &[" 2001:db8:1::5 , 2001:db8::2 "]
            ),
            ip("2001:db8:1::5")
        );
    }

    #[test]
    fn a_malformed_header_gives_the_peer_address() {
        let proxy = ["10.0.0.0/8"];
        for header in [
            "",
            "unknown",
            "203.0.113.9:4711",
            "[2001:db8::1]:443",
            "203.0.113.9,,10.0.0.2",
            "203.0.113.9,",
            "not an address, 203.0.113.9",
            "203.0.113.9 10.0.0.2",
        ] {
            assert_eq!(
                client(&proxy, "10.0.0.1", &[header]),
                ip("10.0.0.1"),
                "{header:?}"
            );
        }
        let proxies = TrustedProxies::new(vec![net("10.0.0.0/8")]);
        let opaque = HeaderValue::from_bytes(b"203.0.113.9\xff").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(proxies.client(ip("10.0.0.1"), [&opaque]), ip("10.0.0.1"));
    }

    #[test]
    fn ipv6_clients_are_limited_per_64() {
        assert_eq!(
            ClientAddr(ip("2001:db8:1:2:aaaa::1")).limit_key(),
            ip("2001:db8:1:2::")
        );
        assert_eq!(ClientAddr(ip("192.0.2.1")).limit_key(), ip("192.0.2.1"));
    }
}
