"""The HTTP client against a real server on 127.0.0.1: politeness, limits and refusals."""
import dataclasses
import email.utils
import gzip
import socket

import pytest

from pipeline.config import ConfigError, load_yaml
from transforms import fetch
from transforms.fetch import FetchSettings, Fetcher, non_public, politeness_key, retry_after
from transforms.read import Rejected
from tests.httpserver import Reply, server  # noqa: F401 - the fixture

SETTINGS = FetchSettings(connect_timeout=2, read_timeout=0.5, total_timeout=3, retries=2, backoff_seconds=0.25,
                         max_retry_after=30, max_redirects=3, max_bytes=10_000, host_concurrency=1, host_delay=0,
                         user_agent="Parley-test/1", allow_private_addresses=True)


class Sleeps(list):
    def __call__(self, seconds):
        self.append(seconds)


def fetcher(sleeps=None, **changes):
    return Fetcher(dataclasses.replace(SETTINGS, **changes), sleep=sleeps if sleeps is not None else Sleeps())


def rejected(call, *args, **kwargs):
    with pytest.raises(Rejected) as e:
        call(*args, **kwargs)
    return e.value


def test_get_sends_user_agent_and_host_and_returns_the_body(server):
    server.routes["/a"] = Reply(body=b"hello", headers={"ETag": '"v1"'})
    response = fetcher().get(server.url("/a"))
    assert (response.status, response.body, response.headers["etag"]) == (200, b"hello", '"v1"')
    (headers,) = server.requests("/a")
    assert headers["user-agent"] == "Parley-test/1" and headers["host"] == f"127.0.0.1:{server.httpd.server_address[1]}"


def test_conditional_request_gets_304(server):
    server.routes["/feed"] = lambda h: Reply(304) if h.headers.get("If-None-Match") == '"v1"' else Reply(body=b"x")
    response = fetcher().get(server.url("/feed"), {"If-None-Match": '"v1"'})
    assert response.status == 304 and response.body == b""


def test_gzip_content_encoding_is_decompressed(server):
    server.routes["/z"] = Reply(body=gzip.compress(b"news" * 100), headers={"Content-Encoding": "gzip"})
    assert fetcher().get(server.url("/z")).body == b"news" * 100


def test_404_is_an_http_error_without_retries(server):
    f = fetcher()
    error = rejected(f.get, server.url("/missing"))
    assert error.reason == "http_error" and "HTTP 404" in error.detail and f.requests == 1


def test_429_honours_retry_after(server):
    answers = iter([Reply(429, {"Retry-After": "2"}), Reply(body=b"ok")])
    server.routes["/busy"] = lambda _: next(answers)
    sleeps = Sleeps()
    f = fetcher(sleeps)
    assert f.get(server.url("/busy")).body == b"ok"
    assert sleeps == [2.0] and f.requests == 2


def test_retry_after_over_the_limit_fails_at_once(server):
    server.routes["/busy"] = Reply(429, {"Retry-After": "3600"})
    sleeps = Sleeps()
    error = rejected(fetcher(sleeps).get, server.url("/busy"))
    assert error.reason == "http_error" and "3600 s" in error.detail and sleeps == []


def test_500_is_retried_with_backoff_then_rejected(server):
    server.routes["/down"] = Reply(500)
    sleeps = Sleeps()
    f = fetcher(sleeps)
    error = rejected(f.get, server.url("/down"))
    assert error.reason == "http_error" and "HTTP 500 after 3 attempt(s)" in error.detail
    assert sleeps == [0.25, 0.5] and len(server.requests("/down")) == 3


def test_slow_response_times_out(server):
    server.routes["/slow"] = Reply(body=b"late", delay=2)
    assert rejected(fetcher().get, server.url("/slow")).reason == "timeout"


def test_trickling_body_hits_the_total_time_limit(server):
    server.routes["/trickle"] = Reply(body=b"x" * 100, trickle=0.1)
    error = rejected(fetcher(total_timeout=0.5).get, server.url("/trickle"))
    assert error.reason == "timeout" and "not complete within" in error.detail


@pytest.mark.parametrize("length", [True, False], ids=["declared", "streamed"])
def test_response_over_the_size_cap(server, length):
    server.routes["/big"] = Reply(body=b"x" * 50_000, length=length)
    assert rejected(fetcher().get, server.url("/big")).reason == "too_large"


def test_gzip_bomb_is_capped_after_decompression(server):
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < SETTINGS.max_bytes
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    error = rejected(fetcher().get, server.url("/bomb"))
    assert error.reason == "too_large" and "decompresses to more than" in error.detail


def test_broken_gzip(server):
    server.routes["/bad"] = Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"})
    assert rejected(fetcher().get, server.url("/bad")).reason == "bad_gzip"


def test_redirects_are_followed_and_bounded(server):
    server.routes["/old"] = Reply(301, {"Location": "/new"})
    server.routes["/new"] = Reply(body=b"moved")
    response = fetcher().get(server.url("/old"))
    assert response.body == b"moved" and response.url == server.url("/new")
    server.routes["/loop"] = Reply(302, {"Location": "/loop"})
    f = fetcher()
    assert rejected(f.get, server.url("/loop")).reason == "too_many_redirects"
    assert f.requests == SETTINGS.max_redirects + 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "data:text/plain,hi", "javascript:x()"])
def test_other_schemes_are_refused(url):
    assert rejected(fetcher().get, url).reason == "refused_scheme"


@pytest.mark.parametrize("url", ["/relative", "http:///no-host", "http://example.org:99999/"])
def test_broken_urls(url):
    assert rejected(fetcher().get, url).reason == "bad_url"


def test_pacer_waits_between_requests_only():
    sleeps, now = Sleeps(), [100.0]
    pacer = fetch.Pacer(1.0, sleep=sleeps, clock=lambda: now[0])
    pacer.wait()
    pacer.sent()
    now[0] += 0.25
    pacer.wait()
    pacer.sent()
    assert sleeps == [0.75]


def test_redirect_to_a_local_file_is_refused(server):
    server.routes["/r"] = Reply(302, {"Location": "file:///etc/passwd"})
    assert rejected(fetcher().get, server.url("/r")).reason == "refused_scheme"


def test_private_addresses_are_refused_before_any_connection(server):
    server.routes["/a"] = Reply(body=b"secret")
    f = fetcher(allow_private_addresses=False)
    for url in (server.url("/a"), "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"):
        error = rejected(f.get, url)
        assert error.reason == "refused_address", url
    assert server.log == [] and f.requests == 0


def test_host_names_are_checked_by_every_resolved_address():
    def getaddrinfo(host, port, **_):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.10", port))]
    f = Fetcher(dataclasses.replace(SETTINGS, allow_private_addresses=False), getaddrinfo=getaddrinfo)
    error = rejected(f.get, "http://news.example/a")
    assert error.reason == "refused_address" and "192.168.1.10" in error.detail and f.requests == 0


def test_every_redirect_hop_is_checked(server, monkeypatch):
    monkeypatch.setattr(fetch, "non_public", lambda a: "private" if a.startswith("10.") else None)
    server.routes["/hop"] = Reply(302, {"Location": "http://10.0.0.7/internal"})
    f = fetcher(allow_private_addresses=False)
    assert rejected(f.get, server.url("/hop")).reason == "refused_address"
    assert len(server.log) == 1 and f.requests == 1


def test_unresolvable_and_unreachable():
    def no_dns(*_, **__):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert rejected(Fetcher(SETTINGS, getaddrinfo=no_dns).get, "http://nowhere.example/").reason == "unresolvable"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert rejected(fetcher().get, f"http://127.0.0.1:{port}/").reason == "unreachable"


@pytest.mark.parametrize("address,public", [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True), ("127.0.0.1", False),
    ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.0.1", False), ("169.254.169.254", False),
    ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False), ("fe80::1", False),
    ("fd00::1", False), ("::ffff:127.0.0.1", False), ("2002:7f00:1::", False), ("64:ff9b::a00:1", False)])
def test_non_public(address, public):
    assert (non_public(address) is None) == public


def test_retry_after_forms():
    now = 1_700_000_000
    assert retry_after("120") == 120.0 and retry_after(None) is None and retry_after("soon") is None
    assert retry_after(email.utils.formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30)


def test_politeness_key_is_stable_and_per_host():
    assert politeness_key("https://News.example/a", 1) == ("news.example", 0)
    assert politeness_key("https://news.example/a", 4) == politeness_key("https://news.example/a", 4)
    assert {politeness_key(f"https://news.example/{i}", 4)[1] for i in range(40)} == {0, 1, 2, 3}


def test_settings_from_the_packaged_profile():
    settings = FetchSettings.from_settings(load_yaml("local")["settings"]["fetch"])
    assert settings.allow_private_addresses is False and "{version}" not in settings.user_agent
    with pytest.raises(ConfigError):
        FetchSettings.from_settings({"connect_timeout": 1})
