"""URLs and URL lists, fetched from an HTTP server on loopback in a thread; the limits on
fetching (private addresses, redirects, size, time) each refuse with one clear error."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from entente.errors import InputError
from entente.ingest.files import read_inputs
from entente.ingest.options import ReadOptions
from entente.model import Article
from tests.test_ingest_sources import PAGE, RSS

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/feed": (200, "application/rss+xml", RSS.encode()),
    "/plain": (
        200,
        "text/plain",
        b"India and Japan signed a trade pact on Monday, officials said.",
    ),
    "/sniffed": (200, "application/octet-stream", PAGE.encode()),
    "/big": (200, "text/plain", b"word " * 4000),
    "/missing": (404, "text/plain", b"no"),
    "/hop0": (302, "/hop1", b""),
    "/hop1": (302, "/hop2", b""),
    "/hop2": (302, "/page", b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
        status, kind, body = ROUTES.get(self.path, (200, "text/plain", b"late"))
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", kind)
        else:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (time-out test)
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


LOCAL = ReadOptions(allow_private=True, timeout_s=0.5, max_redirects=2, max_bytes=10_000)


def read(*inputs: str | Path, options: ReadOptions = LOCAL) -> list[Article | InputError]:
    return list(read_inputs(list(inputs), options=options))


def test_a_page_a_feed_and_text_by_url(server: str) -> None:
    page, first, second, plain, sniffed = read(
        f"{server}/page", f"{server}/feed", f"{server}/plain", f"{server}/sniffed"
    )
    assert isinstance(page, Article)
    assert (page.url, page.title, page.author) == (f"{server}/page", "Talks resume", "Jane Roe")
    assert isinstance(first, Article)
    assert first.outlet == "World Wire"
    assert isinstance(second, Article)
    assert isinstance(plain, Article)
    assert plain.url == f"{server}/plain"
    assert isinstance(sniffed, Article)
    assert sniffed.title == "Talks resume"


def test_a_url_passed_as_a_path_keeps_its_double_slash(server: str) -> None:
    [page] = read(Path(f"{server}/page"))
    assert isinstance(page, Article)


@pytest.mark.parametrize("name", ["list.urls", "urls:list.txt"])
def test_url_lists(server: str, tmp_path: Path, name: str) -> None:
    file = tmp_path / name.removeprefix("urls:")
    file.write_text(f"# morning\n{server}/page\n\n{server}/plain\nftp://example.org/x\n")
    given = f"urls:{file}" if name.startswith("urls:") else str(file)
    page, plain, bad = read(given)
    assert isinstance(page, Article)
    assert isinstance(plain, Article)
    assert isinstance(bad, InputError)
    assert bad.source == f"{file}:5"
    assert bad.reason == "not an http(s) URL: 'ftp://example.org/x'"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/big", "response is over the 10000-byte limit"),
        ("/slow", "timed out after 0.5 s"),
        ("/hop0", "more than 2 redirects"),
    ],
)
def test_fetch_limits_give_one_clear_error(server: str, path: str, reason: str) -> None:
    [error] = read(f"{server}{path}")
    assert isinstance(error, InputError)
    assert error.reason == reason


def test_redirects_within_the_limit_are_followed(server: str) -> None:
    options = ReadOptions(allow_private=True, max_redirects=3)
    [page] = read(f"{server}/hop0", options=options)
    assert isinstance(page, Article)
    assert page.url == f"{server}/page"


def test_loopback_and_private_addresses_are_refused_by_default(server: str) -> None:
    [error] = read(f"{server}/page", options=ReadOptions())
    assert isinstance(error, InputError)
    assert error.reason == ("host resolves to a private address (127.0.0.1); see --allow-private")


def test_a_redirect_to_a_private_address_is_refused(server: str) -> None:
    # The first hop is allowed here only by resolving 127.0.0.1 as allowed: check the
    # redirect target on its own, which is what each hop goes through.
    from entente.ingest.web import check_url

    with pytest.raises(InputError, match="private address"):
        check_url("http://10.0.0.1/page", ReadOptions())
    with pytest.raises(InputError, match="only http and https"):
        check_url("file:///etc/passwd", ReadOptions())


def test_the_code_command_passes_its_input_options(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    from entente.cli import main
    from entente.store.database import Store

    (tmp_path / "r.csv").write_text(
        'body,headline\n"Japan and South Korea signed a fisheries agreement on Friday '
        'in Tokyo, the two foreign ministries said.",Fisheries\n'
    )
    (tmp_path / "list.txt").write_text(f"{server}/page\n")
    db = str(tmp_path / "e.duckdb")
    args = [
        "--db",
        db,
        "code",
        "--quiet",
        "--text-field",
        "body",
        "--title-field",
        "headline",
        str(tmp_path / "r.csv"),
        "-",
        "--urls",
        str(tmp_path / "list.txt"),
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RSS.encode())))
    assert main(args) == 2  # the page on loopback is refused without --allow-private
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RSS.encode())))
    assert main([*args, "--allow-private"]) == 0
    with Store(db, read_only=True) as store:
        titles = {r["title"] for r in store.query("SELECT title FROM articles")}
        errors = store.query("SELECT source, reason FROM input_errors")
    assert titles == {"Fisheries", "Talks resume", "Second"}
    assert errors == []
