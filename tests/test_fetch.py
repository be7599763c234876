"""Fetching an article by URL (for /source add url:...), against a local web server."""

import pytest
from aiohttp import web

from extraction.documents import MAX_SOURCE_BYTES, SourceError
from pipeline import fetch_url, read_source

ARTICLE = """<html><head><title>Council vote</title></head><body><article>
<h1>Council vote</h1><p>The Security Council voted 13 in favour, with two abstentions, on Monday.</p>
<p>“We will keep working,” said Ana Example, the Examplian ambassador to the UN.</p>
</article></body></html>"""


@pytest.fixture
async def site():
    async def article(request):
        return web.Response(text=ARTICLE, content_type="text/html")

    async def missing(request):
        return web.Response(status=404)

    async def huge(request):
        return web.Response(body=b"a" * (MAX_SOURCE_BYTES + 10))

    app = web.Application()
    app.router.add_get("/article", article)
    app.router.add_get("/missing", missing)
    app.router.add_get("/huge", huge)
    runner = web.AppRunner(app)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.1", 0)
    await server.start()
    port = server._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_an_article_is_fetched_and_read(site):
    document, extraction = read_source(await fetch_url(f"{site}/article"), url=f"{site}/article")
    assert document.title == "Council vote" and document.media_type == "text/html"
    assert [quote.speaker for quote in extraction.quotes] == ["Ana Example"]
    assert extraction.votes and extraction.votes[0].yes == 13


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "HTTP status 404"), ("/huge", "MB")],
)
async def test_bad_pages_are_refused_clearly(site, path, message):
    with pytest.raises(SourceError, match=message):
        await fetch_url(site + path)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "javascript:alert(1)", "example.org"])
async def test_only_web_addresses_are_fetched(url):
    with pytest.raises(SourceError, match="http"):
        await fetch_url(url)


async def test_an_unreachable_host_is_a_clear_error():
    with pytest.raises(SourceError, match="could not be fetched"):
        await fetch_url("http://127.0.0.1:9/nothing-listens-here")
