"""A polite, safe HTTP client: timeouts, retries with backoff, checked redirects, size caps, refused addresses.

Only http and https. Every address a host name resolves to is checked, on every redirect hop, and the
connection goes to the checked address (a second DNS answer cannot swap it). Loopback, private,
link-local, reserved and other non-public addresses are refused unless `allow_private_addresses` is set.
Every failure is a `Rejected` with a reason from the README's vocabulary.
"""
import email.utils
import hashlib
import ipaddress
import socket
import time
import urllib.parse
from dataclasses import dataclass, fields

import urllib3

from pipeline import __version__
from pipeline.config import ConfigError
from transforms.read import Rejected, gunzip

SCHEMES = {"http": 80, "https": 443}
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK = 65536
NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchSettings:
    """The run profile's `fetch:` mapping (see configs/local.yaml for what each setting means)."""
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    retries: int
    backoff_seconds: float
    max_retry_after: float
    max_redirects: int
    max_bytes: int
    host_concurrency: int
    host_delay: float
    user_agent: str
    allow_private_addresses: bool

    @classmethod
    def from_settings(cls, fetch):
        """From a `fetch:` mapping; `{version}` in the User-Agent becomes Parley's version."""
        names = {f.name for f in fields(cls)}
        fetch = fetch or {}
        missing, unknown = sorted(names - set(fetch)), sorted(set(fetch) - names)
        if missing or unknown:
            raise ConfigError(f"settings.fetch: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}")
        try:
            values = {f.name: f.type(fetch[f.name]) if f.type is not bool else bool(fetch[f.name])
                      for f in fields(cls)}
        except (TypeError, ValueError) as e:
            raise ConfigError(f"settings.fetch: {e}") from None
        if values["host_concurrency"] < 1 or values["max_bytes"] < 1:
            raise ConfigError("settings.fetch: host_concurrency and max_bytes must be at least 1")
        return cls(**dict(values, user_agent=values["user_agent"].replace("{version}", __version__)))


@dataclass
class Response:
    """A final response: status 200-299, or 304 to a conditional request; body decompressed."""
    url: str
    status: int
    headers: dict
    body: bytes


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str

    @property
    def host_header(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"


def target_of(url):
    """The scheme, host, port and request path of `url`; `Rejected` for other schemes and broken URLs."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise Rejected("bad_url", f"{url[:200]}: {e}") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise Rejected("bad_url", f"a relative link without a base: {url[:200]}")
    if scheme not in SCHEMES:
        raise Rejected("refused_scheme", f"only http and https are fetched, not {scheme}: {url[:200]}")
    if not parts.hostname:
        raise Rejected("bad_url", f"no host in {url[:200]}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(scheme, parts.hostname, port or SCHEMES[scheme], path)


def non_public(address):
    """Why an IP address is not a public one ('loopback', 'private', ...), or None for a public address.

    Addresses embedded in IPv6 forms (IPv4-mapped, 6to4, Teredo, NAT64) are checked as well.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    checked = [ip]
    if ip.version == 6:
        checked += [a for a in (ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]) if a]
        if ip in NAT64:
            checked.append(ipaddress.ip_address(int(ip) & 0xFFFFFFFF))
    for one in checked:
        for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
            if getattr(one, f"is_{kind}"):
                return kind.replace("_", "-")
        if not one.is_global:
            return "not globally routable"
    return None


def resolve(target, allow_private, getaddrinfo=socket.getaddrinfo):
    """The addresses of the target's host, every one of them public unless private ones are allowed."""
    try:
        infos = getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise Rejected("unresolvable", f"{target.host}: {e}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise Rejected("unresolvable", f"{target.host}: no address")
    if not allow_private:
        for address in addresses:
            why = non_public(address)
            if why:
                raise Rejected("refused_address", f"{target.host} resolves to {address} ({why})")
    return addresses


def retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def politeness_key(url, slots):
    """(host, slot) for per-host fetching: a host's links spread over `slots` sequential workers."""
    try:
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
    except ValueError:
        host = ""
    return host, int.from_bytes(hashlib.md5(url.encode("utf-8")).digest()[:4], "big") % slots


class Pacer:
    """`delay` seconds between the end of one request and the start of the next. The fetcher calls `wait()` just
    before a request goes out and `sent()` when it is done, so a link refused before anything is sent (a bad
    scheme, an unresolvable host, a refused address) waits for nothing."""

    def __init__(self, delay, sleep=time.sleep, clock=time.monotonic):
        self.delay, self.sleep, self.clock, self.last = delay, sleep, clock, None

    def wait(self):
        if self.last is not None and self.delay > 0:
            wait = self.delay - (self.clock() - self.last)
            if wait > 0:
                self.sleep(wait)

    def sent(self):
        self.last = self.clock()


class Fetcher:
    """GET with the run's fetch settings. `requests` counts the HTTP requests sent."""

    def __init__(self, settings, getaddrinfo=socket.getaddrinfo, sleep=time.sleep, clock=time.monotonic):
        self.settings, self.getaddrinfo, self.sleep, self.clock = settings, getaddrinfo, sleep, clock
        self.requests = 0
        self._pools = {}

    def get(self, url, headers=None, pacer=None):
        """The final response for `url`, following redirects; `Rejected` for anything but 2xx and 304. Each request
        that goes out is paced by `pacer` (see Pacer), when given."""
        pacer = pacer or Pacer(0)
        for _ in range(self.settings.max_redirects + 1):
            response = self._with_retries(url, headers or {}, pacer)
            if response.status not in REDIRECTS:
                return response
            location = response.headers.get("location")
            if not location:
                raise Rejected("http_error", f"HTTP {response.status} without a Location header from {url[:200]}")
            url = urllib.parse.urljoin(url, location.strip())
        raise Rejected("too_many_redirects", f"more than {self.settings.max_redirects} redirects, the last to {url[:200]}")

    def close(self):
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()

    def _with_retries(self, url, headers, pacer):
        s = self.settings
        for attempt in range(s.retries + 1):
            response = self._once(url, headers, pacer)
            if response.status not in RETRY_STATUSES:
                break
            wait = retry_after(response.headers.get("retry-after"))
            wait = s.backoff_seconds * 2 ** attempt if wait is None else wait
            if attempt == s.retries or wait > s.max_retry_after:
                why = f"; asked to wait {wait:.0f} s, the limit is {s.max_retry_after:.0f} s" if wait > s.max_retry_after else ""
                raise Rejected("http_error", f"HTTP {response.status} after {attempt + 1} attempt(s){why}: {url[:200]}")
            self.sleep(wait)
        if response.status in REDIRECTS or response.status == 304 or 200 <= response.status < 300:
            return response
        raise Rejected("http_error", f"HTTP {response.status}: {url[:200]}")

    def _once(self, url, headers, pacer):
        """One request to `url`, paced once its host's addresses passed the checks."""
        target = target_of(url)
        addresses = resolve(target, self.settings.allow_private_addresses, self.getaddrinfo)
        pacer.wait()
        try:
            return self._send(url, target, addresses, headers)
        finally:
            pacer.sent()

    def _send(self, url, target, addresses, headers):
        """The request, to the first reachable of the checked `addresses`; the body is read only for a 2xx."""
        s = self.settings
        deadline = self.clock() + s.total_timeout
        request_headers = {"User-Agent": s.user_agent, "Accept-Encoding": "gzip", **headers,
                           "Host": target.host_header}
        failure = None
        for address in addresses:
            self.requests += 1
            try:
                raw = self._pool(target, address).urlopen(
                    "GET", target.path, headers=request_headers, retries=False, redirect=False,
                    assert_same_host=False, preload_content=False, decode_content=False,
                    timeout=urllib3.Timeout(connect=s.connect_timeout, read=s.read_timeout))
            except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.NewConnectionError) as e:
                failure = e
                continue
            except urllib3.exceptions.ReadTimeoutError:
                raise Rejected("timeout", f"no response within {s.read_timeout} s: {url[:200]}") from None
            except (urllib3.exceptions.HTTPError, OSError) as e:
                raise Rejected("bad_response", f"{type(e).__name__}: {e}"[:500]) from None
            if not 200 <= raw.status < 300:
                raw.close()
                return Response(url, raw.status, {k.lower(): v for k, v in raw.headers.items()}, b"")
            try:
                body = self._body(raw, url, deadline)
            except Rejected:
                raw.close()  # a half-read connection must not go back to the pool
                raise
            raw.release_conn()
            return Response(url, raw.status, {k.lower(): v for k, v in raw.headers.items()}, body)
        if not isinstance(failure, urllib3.exceptions.NewConnectionError):  # its base class, a timeout
            raise Rejected("timeout", f"no connection within {s.connect_timeout} s: {url[:200]}")
        raise Rejected("unreachable", f"cannot connect to {target.host}:{target.port}: {failure}"[:500])

    def _pool(self, target, address):
        key = (target.scheme, address, target.port, target.host)
        if key not in self._pools:
            if target.scheme == "https":
                self._pools[key] = urllib3.HTTPSConnectionPool(
                    address, target.port, maxsize=1, server_hostname=target.host, assert_hostname=target.host)
            else:
                self._pools[key] = urllib3.HTTPConnectionPool(address, target.port, maxsize=1)
        return self._pools[key]

    def _body(self, raw, url, deadline):
        """The response body, refused past the size cap (also after decompression) or the total time limit."""
        cap = self.settings.max_bytes
        declared = raw.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise Rejected("too_large", f"{declared} bytes declared, the limit is {cap}: {url[:200]}")
        body = bytearray()
        try:
            while True:
                data = raw.read1(CHUNK, decode_content=False)
                if not data:
                    break
                body += data
                if len(body) > cap:
                    raise Rejected("too_large", f"more than {cap} bytes: {url[:200]}")
                if self.clock() > deadline:
                    raise Rejected("timeout", f"not complete within {self.settings.total_timeout} s: {url[:200]}")
        except urllib3.exceptions.ReadTimeoutError:
            raise Rejected("timeout", f"stalled for {self.settings.read_timeout} s: {url[:200]}") from None
        except (urllib3.exceptions.HTTPError, OSError) as e:
            raise Rejected("bad_response", f"{type(e).__name__}: {e}"[:500]) from None
        encoding = raw.headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            return gunzip(bytes(body), cap)
        if encoding not in ("identity", ""):
            raise Rejected("bad_response", f"unsupported Content-Encoding {encoding!r}: {url[:200]}")
        return bytes(body)
