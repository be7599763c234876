"""Fetching an article by URL without opening the bot's own network to whoever adds sources (SSRF).

Every connection goes to an address the :class:`AddressPolicy` permits.  Host names are checked by
:class:`GuardedResolver` on the very addresses aiohttp then connects to, so DNS rebinding gains
nothing; IP literals, which aiohttp connects to without resolving, are checked on each URL before
it is requested; redirects are followed here, hop by hop, under the same checks.

Whatever goes wrong, the caller gets :class:`FetchError` with one message: the reason goes to the
``rollcall.fetch`` log only, so that the bot cannot be used to map a network.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import socket
from dataclasses import dataclass

import aiohttp
from aiohttp import hdrs
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from extraction.intake import MAX_SOURCE_BYTES, SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

FETCH_TIMEOUT_SECONDS = 20
MAX_REDIRECTS = 5
WEB_SCHEMES = frozenset({"http", "https"})
ARTICLE_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})
FETCH_FAILED = "no article could be fetched from that address"
NOT_A_WEB_URL = "the URL must be a web address starting with http:// or https://"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK_BYTES = 65_536
_NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")
# Not globally reachable (IANA special-purpose registry), yet is_global on Python 3.11.
_NON_GLOBAL_RANGES_PYTHON_MISSES = (
    ipaddress.IPv4Network("192.0.0.0/24"),  # IETF protocol assignments
    ipaddress.IPv6Network("fec0::/10"),  # deprecated site-local
    ipaddress.IPv6Network("3fff::/20"),  # documentation
)

log = logging.getLogger("rollcall.fetch")


class FetchError(SourceError):
    """A page that could not be fetched, for whatever reason; the message never says which."""

    def __init__(self) -> None:
        super().__init__(FETCH_FAILED)


class AddressRefused(OSError):
    """A connection the address policy does not permit (an OSError, as aiohttp expects of resolvers)."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EACCES, reason)


class PageRefused(Exception):
    """A response that is not an article this module takes (status, type, size, redirects)."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched article: the URL to store (as given, without credentials), its body and media type."""

    url: str
    body: bytes
    content_type: str


def carried_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64 64:ff9b::/96), if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address in _NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    return address.ipv4_mapped or address.sixtofour


def is_public_address(address: IPAddress) -> bool:
    """True for a globally routable unicast address, judging IPv6 forms that carry an IPv4 address
    by that address.  Deprecated IPv4-compatible addresses (::a.b.c.d) fall in reserved ::/8."""
    carried = carried_ipv4(address)
    if carried is not None:
        return is_public_address(carried)
    return (
        address.is_global
        and not address.is_multicast
        and not address.is_reserved
        and not any(address in network for network in _NON_GLOBAL_RANGES_PYTHON_MISSES)
    )


def literal_address(host: str) -> IPAddress | None:
    """The address a URL host spells out, in any form the system accepts (``::1``, ``2130706433``,
    ``0x7f.1``, ``127.1``, ``127.0.0.1.``); None for a host name."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
    except OSError:
        return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which endpoints a fetch may connect to.

    By default (no allow-list) every public address (:func:`is_public_address`), on any port.  An
    allow-list replaces that rule: only its entries pass, each either an address (any port) or an
    ``(address, port)`` pair, compared exactly as resolved.  Tests use one to reach their loopback
    server and nothing else.
    """

    allow_list: frozenset[IPAddress | tuple[IPAddress, int]] | None = None

    @classmethod
    def allowing(cls, *entries: str | tuple[str, int]) -> AddressPolicy:
        """An allow-list policy from entries such as ``"127.0.0.1"`` or ``("127.0.0.1", 8080)``."""
        return cls(
            frozenset(
                ipaddress.ip_address(entry) if isinstance(entry, str) else (ipaddress.ip_address(entry[0]), entry[1])
                for entry in entries
            )
        )

    def permits(self, address: IPAddress, port: int) -> bool:
        """Whether a connection to ``address`` on ``port`` is allowed."""
        if self.allow_list is None:
            return is_public_address(address)
        return address in self.allow_list or (address, port) in self.allow_list


class GuardedResolver(AbstractResolver):
    """Resolves with an inner resolver and keeps only the addresses the policy permits: the address
    checked is the address connected to.  Raises AddressRefused when none is left."""

    def __init__(self, inner: AbstractResolver, policy: AddressPolicy) -> None:
        self._inner = inner
        self._policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        permitted: list[ResolveResult] = []
        refused: list[str] = []
        for result in await self._inner.resolve(host, port, family):
            if self._permits(result):
                permitted.append(result)
            else:
                refused.append(result["host"])
        if not permitted:
            raise AddressRefused(f"{host} resolves to no permitted address (refused: {', '.join(refused) or 'none'})")
        if refused:
            log.info("Dropped refused addresses of %s: %s", host, ", ".join(refused))
        return permitted

    def _permits(self, result: ResolveResult) -> bool:
        try:
            address = ipaddress.ip_address(result["host"])
        except ValueError:
            return False
        return self._policy.permits(address, result["port"])

    async def close(self) -> None:
        """Nothing to release: the inner resolver belongs to whoever made it."""


def _as_web_url(url: URL) -> URL | None:
    """``url`` without credentials if it is an http(s) URL with a host, else None."""
    return url.with_user(None) if url.scheme in WEB_SCHEMES and url.raw_host else None


def parse_article_url(text: str) -> URL:
    """The URL a moderator typed, credentials removed; raises SourceError if it is not a web address."""
    try:
        url = _as_web_url(URL(text.strip()))
    except ValueError:  # yarl: malformed host or port
        url = None
    if url is None:
        raise SourceError(NOT_A_WEB_URL)
    return url


def _check_literal_host(url: URL, policy: AddressPolicy) -> None:
    """Refuse a URL whose host is an IP address the policy does not permit (aiohttp resolves only names)."""
    address = literal_address(url.raw_host)
    if address is not None and not policy.permits(address, url.port):
        raise AddressRefused(f"{url.raw_host} is a refused address")


def _redirect_target(current: URL, response: aiohttp.ClientResponse) -> URL:
    """Where a redirect points, resolved against ``current``, credentials removed."""
    location = response.headers.get(hdrs.LOCATION)
    if location is None:
        raise PageRefused(f"HTTP status {response.status} without a Location")
    try:
        target = _as_web_url(current.join(URL(location)))
    except ValueError:
        target = None
    if target is None:
        raise PageRefused(f"redirect to {location!r}, not a web address")
    return target


async def _read_article(response: aiohttp.ClientResponse, max_bytes: int) -> tuple[bytes, str]:
    """The body and media type of a final response, if it is an article of at most ``max_bytes``."""
    if response.status != 200:
        raise PageRefused(f"HTTP status {response.status}")
    if response.content_type not in ARTICLE_MEDIA_TYPES:  # a missing header reads application/octet-stream
        raise PageRefused(f"content type {response.content_type}")
    if (response.content_length or 0) > max_bytes:
        raise PageRefused(f"Content-Length {response.content_length} is over {max_bytes} bytes")
    body = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK_BYTES):
        body += chunk
        if len(body) > max_bytes:
            raise PageRefused(f"the body is over {max_bytes} bytes")
    return bytes(body), response.content_type


async def _download(
    url: URL, policy: AddressPolicy, resolver: AbstractResolver, max_bytes: int
) -> tuple[bytes, str]:
    """Follow redirects from ``url``, checking every hop, and read the article at the end."""
    connector = aiohttp.TCPConnector(resolver=GuardedResolver(resolver, policy))
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_literal_host(url, policy)
            async with session.get(url, allow_redirects=False) as response:
                if response.status not in _REDIRECT_STATUSES:
                    return await _read_article(response, max_bytes)
                url = _redirect_target(url, response)
    raise PageRefused(f"more than {MAX_REDIRECTS} redirects")


async def fetch_article(
    url: str,
    *,
    policy: AddressPolicy | None = None,
    resolver: AbstractResolver | None = None,
    timeout: float = FETCH_TIMEOUT_SECONDS,
    max_bytes: int = MAX_SOURCE_BYTES,
) -> FetchedPage:
    """The article at ``url``, connecting only where ``policy`` permits (by default, public addresses).

    ``resolver`` resolves host names (by default aiohttp's); ``timeout`` bounds the whole fetch,
    redirects included.  Raises SourceError for a URL that is not an http(s) address and FetchError
    when the page cannot be fetched or is not a text or HTML article.
    """
    requested = parse_article_url(url)
    inner = resolver or DefaultResolver()
    try:
        async with asyncio.timeout(timeout):
            body, content_type = await _download(requested, policy or AddressPolicy(), inner, max_bytes)
    except (PageRefused, aiohttp.ClientError, OSError) as error:  # OSError covers TimeoutError
        log.warning("Could not fetch %s: %s: %s", requested, type(error).__name__, error)
        raise FetchError from error
    finally:
        if resolver is None:
            await inner.close()
    return FetchedPage(str(requested), body, content_type)
