"""The guarded article fetcher (sources.fetch), against local web servers only.

No test sends a packet beyond loopback: host names are answered by a fake resolver, and the
autouse ``connections`` fixture blocks (and fails the test on) any connection to another address
and any system DNS lookup.
"""

import asyncio
import contextlib
import gzip
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import hdrs, web
from aiohttp.abc import AbstractResolver, ResolveResult

from extraction.intake import MAX_SOURCE_BYTES, SourceError
from sources.ingest import read_source
from sources.fetch import (
    FETCH_FAILED,
    MAX_REDIRECTS,
    NOT_A_WEB_URL,
    AddressPolicy,
    AddressRefused,
    FetchError,
    GuardedResolver,
    fetch_article,
    is_public_address,
    literal_address,
)

ARTICLE = """<html><head><title>Council vote</title></head><body><article>
<h1>Council vote</h1><p>The Security Council voted 13 in favour, with two abstentions, on Monday.</p>
<p>“We will keep working,” said Ana Example, the Examplian ambassador to the UN.</p>
</article></body></html>"""
PLAIN_ARTICLE = "The General Assembly adopted the resolution by 120 votes to 10."
OVERSIZE_BODY = b"a" * (MAX_SOURCE_BYTES + 1)
GZIP_BOMB = gzip.compress(b" " * (MAX_SOURCE_BYTES + 1))  # ~10 kB on the wire: a small Content-Length

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Server:
    """A local test server and the requests it has seen."""

    port: int
    requests: list[web.Request] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def paths(self) -> list[str]:
        return [request.path for request in self.requests]


@contextlib.asynccontextmanager
async def serve(routes: dict[str, Handler]) -> AsyncIterator[Server]:
    """Serve ``routes`` on 127.0.0.1, on a free port, logging every request."""
    requests: list[web.Request] = []

    @web.middleware
    async def log_request(request: web.Request, handler: Handler) -> web.StreamResponse:
        requests.append(request)
        return await handler(request)

    app = web.Application(middlewares=[log_request])
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield Server(runner.addresses[0][1], requests)
    finally:
        await runner.cleanup()


def answer(body: bytes | str, content_type: str, **headers: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=body, headers={hdrs.CONTENT_TYPE: content_type, **headers})

    return handler


def status(code: int) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=code, text="status page", content_type="text/html")

    return handler


def redirect(location: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        raise web.HTTPFound(location)

    return handler


async def redirect_with_credentials(request: web.Request) -> web.Response:
    raise web.HTTPFound(request.url.with_user("user").with_password("secret").with_path("/article"))


async def streamed_huge(request: web.Request) -> web.StreamResponse:
    """Over the cap, chunked: no Content-Length to refuse it by."""
    response = web.StreamResponse(headers={hdrs.CONTENT_TYPE: "text/plain"})
    await response.prepare(request)
    chunk = b"a" * 65_536
    with contextlib.suppress(ConnectionResetError):  # the client hangs up at the cap
        for _ in range(MAX_SOURCE_BYTES // len(chunk) + 2):
            await response.write(chunk)
    return response


async def slow(request: web.Request) -> web.Response:
    await asyncio.sleep(30)
    return web.Response(text=ARTICLE, content_type="text/html")


class FakeResolver(AbstractResolver):
    """Answers host names from a table and records every question; never asks the network."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "unknown test host")
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST | socket.AI_NUMERICSERV,
            )
            for address in self.table[host]
        ]

    async def close(self) -> None:
        pass


@pytest.fixture(autouse=True)
async def connections(monkeypatch):
    """The addresses the client connected to.  Connections beyond loopback are blocked, never
    opened, and fail the test, as does any system DNS lookup."""
    loop = asyncio.get_running_loop()
    connected: list[str] = []
    blocked: list[object] = []
    connect = loop.sock_connect

    async def loopback_only(sock, address):
        if not ipaddress.ip_address(address[0]).is_loopback:
            blocked.append(address)
            raise ConnectionRefusedError(f"the test blocked a connection to {address}")
        connected.append(address[0])
        return await connect(sock, address)

    async def no_dns(*args, **kwargs):
        blocked.append(args)
        raise socket.gaierror(socket.EAI_FAIL, "the test blocked a system DNS lookup")

    monkeypatch.setattr(loop, "sock_connect", loopback_only)
    monkeypatch.setattr(loop, "getaddrinfo", no_dns)
    yield connected
    assert blocked == [], "the fetcher tried to reach beyond loopback"


@pytest.fixture
def resolver():
    return FakeResolver(
        {
            "article.test": ["127.0.0.1"],
            "localhost": ["127.0.0.1", "::1"],
            "evil.test": ["169.254.169.254"],
            "mixed.test": ["169.254.169.254", "127.0.0.1"],
        }
    )


@pytest.fixture
async def other():
    """A second local server, on another port: a redirect target."""
    async with serve({"/article": answer(ARTICLE, "text/html")}) as server:
        yield server


@pytest.fixture
async def site(other):
    routes = {
        "/article": answer(ARTICLE, "text/html; charset=utf-8"),
        "/plain": answer(PLAIN_ARTICLE, "text/plain"),
        "/json": answer('{"title": "Council vote"}', "application/json"),
        "/image": answer(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/binary": answer(b"\x00\x01\x02", "application/octet-stream"),
        "/redirect": redirect("article"),
        "/redirect-to-other-port": redirect(f"{other.url}/article"),
        "/redirect-to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/redirect-to-localhost": redirect(f"http://localhost:{other.port}/article"),
        "/redirect-to-evil": redirect("http://evil.test/latest/meta-data/"),
        "/redirect-to-ftp": redirect("ftp://127.0.0.1/article"),
        "/redirect-with-credentials": redirect_with_credentials,
        "/loop": redirect("/loop"),
        "/missing": status(404),
        "/broken": status(500),
        "/huge": answer(OVERSIZE_BODY, "text/plain"),
        "/streamed-huge": streamed_huge,
        "/gzip-bomb": answer(GZIP_BOMB, "text/html", **{hdrs.CONTENT_ENCODING: "gzip"}),
        "/slow": slow,
    }
    async with serve(routes) as server:
        yield server


@pytest.fixture
def only_site(site):
    """A policy that permits the test site's address and port, and nothing else."""
    return AddressPolicy.allowing(("127.0.0.1", site.port))


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def refused(url: str, **options) -> None:
    """Fetching ``url`` fails with the one neutral message."""
    with pytest.raises(FetchError) as caught:
        await fetch_article(url, **options)
    assert str(caught.value) == FETCH_FAILED


# Fetching what is permitted


async def test_an_allow_listed_article_is_fetched_and_read(site, resolver, only_site):
    url = f"http://article.test:{site.port}/article"
    page = await fetch_article(url, policy=only_site, resolver=resolver)
    assert (page.url, page.content_type) == (url, "text/html")
    document, extraction = read_source(page.body, url=page.url)
    assert document.title == "Council vote" and document.media_type == "text/html"
    assert [quote.speaker for quote in extraction.quotes] == ["Ana Example"]
    assert extraction.votes and extraction.votes[0].yes == 13


async def test_a_plain_text_article_is_fetched(site, resolver, only_site):
    page = await fetch_article(f"{site.url}/plain", policy=only_site, resolver=resolver)
    assert (page.body, page.content_type) == (PLAIN_ARTICLE.encode(), "text/plain")


async def test_only_permitted_addresses_of_a_host_are_connected_to(site, resolver, only_site, connections):
    await fetch_article(f"http://mixed.test:{site.port}/article", policy=only_site, resolver=resolver)
    assert connections == ["127.0.0.1"]


async def test_a_relative_redirect_is_followed(site, resolver, only_site):
    page = await fetch_article(f"{site.url}/redirect", policy=only_site, resolver=resolver)
    assert page.url == f"{site.url}/redirect" and b"Council vote" in page.body
    assert site.paths == ["/redirect", "/article"]


async def test_credentials_are_neither_sent_nor_kept(site, resolver, only_site):
    page = await fetch_article(
        f"http://user:secret@127.0.0.1:{site.port}/redirect-with-credentials", policy=only_site, resolver=resolver
    )
    assert page.url == f"{site.url}/redirect-with-credentials"
    assert site.paths == ["/redirect-with-credentials", "/article"]
    assert all(hdrs.AUTHORIZATION not in request.headers for request in site.requests)


async def test_environment_proxies_are_not_used(site, other, resolver, only_site, monkeypatch):
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(variable, raising=False)
    for variable in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(variable, other.url)
    await fetch_article(f"{site.url}/article", policy=only_site, resolver=resolver)
    assert site.paths == ["/article"] and other.requests == []


async def test_an_allow_listed_address_without_a_port_allows_every_port(site, other, resolver):
    any_port = AddressPolicy.allowing("127.0.0.1")
    await fetch_article(f"{site.url}/redirect-to-other-port", policy=any_port, resolver=resolver)
    assert other.paths == ["/article"]


# Refusing what is not


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1", "localhost", "[::1]", "0.0.0.0", "2130706433", "0x7f.1", "127.1", "127.0.0.1.",
        "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[2002:7f00:1::]", "[64:ff9b::7f00:1]",
        "10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.169.254", "evil.test",
        "100.64.0.1", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[fec0::1]", "224.0.0.1", "[ff02::1]",
    ],
)  # fmt: skip
async def test_the_default_policy_refuses_other_than_public_addresses_without_connecting(
    host, site, resolver, connections
):
    await refused(f"http://{host}:{site.port}/article", resolver=resolver)
    assert site.requests == [] and connections == []
    assert resolver.asked == ([host] if host in resolver.table else [])  # literals are never resolved


@pytest.mark.parametrize(
    ("path", "resolved"),
    [
        ("/redirect-to-other-port", []),
        ("/redirect-to-metadata", []),
        ("/redirect-to-localhost", ["localhost"]),
        ("/redirect-to-evil", ["evil.test"]),
        ("/redirect-to-ftp", []),
    ],
)
async def test_every_redirect_hop_is_checked(path, resolved, site, other, resolver, only_site, connections):
    await refused(site.url + path, policy=only_site, resolver=resolver)
    assert site.paths == [path] and other.requests == []
    assert resolver.asked == resolved and set(connections) == {"127.0.0.1"}


async def test_redirects_are_bounded(site, resolver, only_site):
    await refused(f"{site.url}/loop", policy=only_site, resolver=resolver)
    assert site.paths == ["/loop"] * (MAX_REDIRECTS + 1)


@pytest.mark.parametrize(
    ("target", "logged_reason"),
    [
        ("{site}/missing", "HTTP status 404"),
        ("{site}/broken", "HTTP status 500"),
        ("{site}/json", "content type application/json"),
        ("{site}/image", "content type image/png"),
        ("{site}/binary", "content type application/octet-stream"),
        ("{site}/huge", f"Content-Length {MAX_SOURCE_BYTES + 1} is over"),
        ("{site}/streamed-huge", "the body is over"),
        ("{site}/gzip-bomb", "the body is over"),
        ("{site}/slow", "TimeoutError"),
        ("{site}/loop", "more than"),
        ("{site}/redirect-to-metadata", "169.254.169.254 is a refused address"),
        ("{site}/redirect-to-evil", "evil.test resolves to no permitted address"),
        ("http://127.0.0.1:{closed_port}/", "ClientConnectorError"),
        ("http://nowhere.test/", "ClientConnectorDNSError"),
        ("http://10.0.0.1/", "10.0.0.1 is a refused address"),
    ],
)
async def test_failures_read_the_same_and_the_reason_is_only_logged(
    target, logged_reason, site, closed_port, resolver, caplog
):
    with caplog.at_level(logging.WARNING, logger="rollcall.fetch"):
        await refused(
            target.format(site=site.url, closed_port=closed_port),
            policy=AddressPolicy.allowing("127.0.0.1"),
            resolver=resolver,
            timeout=1,
        )
    assert logged_reason in caplog.text


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/a",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "javascript:alert(1)",
        "example.org",
        "http://",
        "http://example.org:99999/",
        "http://[::1/",
    ],
)
async def test_only_web_addresses_are_fetched(url, resolver):
    with pytest.raises(SourceError) as caught:
        await fetch_article(url, resolver=resolver)
    assert str(caught.value) == NOT_A_WEB_URL and not isinstance(caught.value, FetchError)
    assert resolver.asked == []


# The pieces


async def test_the_guarded_resolver_keeps_permitted_addresses_only(resolver):
    guarded = GuardedResolver(resolver, AddressPolicy.allowing("127.0.0.1"))
    assert [result["host"] for result in await guarded.resolve("mixed.test", 80)] == ["127.0.0.1"]
    with pytest.raises(AddressRefused):
        await guarded.resolve("evil.test", 80)


async def test_the_guarded_resolver_refuses_an_answer_that_is_not_an_address():
    guarded = GuardedResolver(FakeResolver({"odd.test": ["not-an-address"]}), AddressPolicy.allowing("127.0.0.1"))
    with pytest.raises(AddressRefused):
        await guarded.resolve("odd.test", 80)


def test_an_allow_list_replaces_the_public_rule_and_may_name_ports():
    default, any_port = AddressPolicy(), AddressPolicy.allowing("127.0.0.1")
    one_port = AddressPolicy.allowing(("127.0.0.1", 8080))
    loopback, public = ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("8.8.8.8")
    assert not default.permits(loopback, 80) and default.permits(public, 443)
    assert any_port.permits(loopback, 80) and any_port.permits(loopback, 8080) and not any_port.permits(public, 443)
    assert one_port.permits(loopback, 8080) and not one_port.permits(loopback, 8081)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True), ("1.1.1.1", True), ("172.15.255.255", True), ("172.32.0.1", True),
        ("100.63.255.255", True), ("100.128.0.1", True), ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True), ("2002:808:808::1", True), ("64:ff9b::808:808", True),
        ("127.0.0.1", False), ("127.255.255.254", False), ("0.0.0.0", False), ("0.1.2.3", False),
        ("10.0.0.1", False), ("172.16.0.1", False), ("172.31.255.255", False), ("192.168.1.1", False),
        ("169.254.169.254", False), ("100.64.0.1", False), ("100.127.255.255", False),
        ("192.0.0.8", False), ("192.0.2.1", False), ("198.18.0.1", False), ("240.0.0.1", False),
        ("224.0.0.1", False), ("239.255.255.250", False), ("255.255.255.255", False),
        ("::1", False), ("::", False), ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),
        ("::ffff:169.254.169.254", False), ("::127.0.0.1", False), ("::8.8.8.8", False),
        ("2002:7f00:1::", False), ("2002:a9fe:a9fe::", False), ("2002:c0a8:101::1", False),
        ("64:ff9b::7f00:1", False), ("64:ff9b::a9fe:a9fe", False), ("64:ff9b:1::1", False),
        ("fe80::1", False), ("fe80::1%eth0", False), ("fc00::1", False), ("fd12:3456::1", False),
        ("fec0::1", False), ("ff02::1", False), ("ff0e::1", False), ("2001::1", False),
        ("2001:db8::1", False), ("3fff::1", False), ("100::1", False),
    ],
)  # fmt: skip
def test_address_classification(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("127.0.0.1.", "127.0.0.1"),
        ("::1", "::1"), ("::ffff:7f00:1", "::ffff:127.0.0.1"),
        ("article.test", None), ("xn--bcher-kva.example", None), ("1e1", None),
    ],
)  # fmt: skip
def test_literal_addresses_are_read_in_every_spelling(host, address):
    assert literal_address(host) == (address and ipaddress.ip_address(address))
