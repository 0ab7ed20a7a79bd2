"""Fetching URLs: time-outs, a size cap, a limit on redirects, and no private addresses.

Every hop of a redirect is checked: a host that resolves to a loopback, private,
link-local, reserved or multicast address is refused unless ``allow_private`` is set.
Only ``http`` and ``https`` are fetched. (The address is checked when the URL is
resolved; a host whose DNS answer changes between the check and the connection is not
caught.)
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from entente.errors import InputError
from entente.ingest.options import ReadOptions

USER_AGENT = "entente (+https://github.com/entente) urllib"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body (at most ``max_bytes``), its content type and its final URL."""

    url: str
    content_type: str
    data: bytes


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Fetched:
    """The body at ``url``, or an :class:`InputError` saying why it cannot be had."""
    check_url(url, options)
    opener = urllib.request.build_opener(_Redirects(options))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=options.timeout_s) as response:
            data = _read_capped(response, url, options.max_bytes)
            return Fetched(response.geturl(), response.headers.get_content_type(), data)
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, InputError):
            raise reason from None
        raise InputError(url, f"cannot fetch ({reason})") from None
    except TimeoutError:
        raise InputError(url, f"timed out after {options.timeout_s:g} s") from None
    except OSError as exc:
        raise InputError(url, f"cannot fetch ({exc})") from None


def check_url(url: str, options: ReadOptions) -> None:
    """Refuse other schemes, and private addresses unless they are allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http and https URLs with a host are fetched")
    if options.allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host ({exc.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise InputError(
                url, f"host resolves to a private address ({address}); see --allow-private"
            )


def _read_capped(response: IO[bytes], url: str, max_bytes: int) -> bytes:
    data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(url, f"response is over the {max_bytes}-byte limit")
    return data


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``max_redirects`` redirects (urllib's own ceiling is 10), each to
    an allowed address."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options

    def redirect_request(
        self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        if len(getattr(req, "redirect_dict", {})) >= self.options.max_redirects:
            raise InputError(req.full_url, f"more than {self.options.max_redirects} redirects")
        check_url(newurl, self.options)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
