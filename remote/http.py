"""One HTTP exchange with a SPARQL server, on terms a hostile or broken server cannot bend.

- **A deadline, not a socket timeout**: a watchdog closes the connection when the request's time
  is up, so a server that trickles its answer a byte at a time cannot hold eagraph past it.
- **Credentials stay with the host they were given for**: a redirect is followed only within the
  same scheme, host and port; a redirect elsewhere is refused (nothing is sent there at all).
- **No secrets in messages**: every URL in a message has its user name and password removed.
- **Malformed answers are messages**: a garbage status line, too many headers, a truncated body.

The outcome tells the caller whether the request may have reached the server (:class:`Lost`) or
surely did not (:class:`Unreachable`), so that only requests safe to repeat are sent again.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.parse

from eagraph.workspace import EagraphError

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
MAX_ANSWER_BYTES = 1 << 31  # an answer larger than this is not a model, whatever the server says


class ServerError(EagraphError):
    """The server is unreachable, too slow, or answered with an error."""


class Unreachable(ServerError):
    """No connection was made: the request surely did not reach the server (safe to send again)."""


class Lost(ServerError):
    """The request was sent but no complete answer came: the server may have acted on it."""


class StatusError(ServerError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def redact(url: str) -> str:
    """The URL without a user name or password, for messages."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def check_base_url(url: str) -> str:
    """The endpoint URL if it is one eagraph can talk to, else a message saying what is wrong."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ServerError(f"endpoint '{redact(url)}': not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerError(f"endpoint '{redact(url)}': not an http:// or https:// URL of a SPARQL server "
                          f"(for example http://127.0.0.1:7878)")
    if parts.username is not None or parts.password is not None:
        raise ServerError(f"endpoint '{redact(url)}': the URL carries a user name or password; credentials never go "
                          f"on the command line (ps shows them): set EAGRAPH_SERVER_USER and EAGRAPH_SERVER_PASSWORD, "
                          f"EAGRAPH_SERVER_TOKEN, or use a netrc entry")
    if port == 0:
        raise ServerError(f"endpoint '{url}': port 0 is not a port a server listens on")
    return url


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def where(url: str) -> str:
    """HOST:PORT of a URL, for 'connection refused at ...'."""
    _scheme, host, port = origin(url)
    return f"{host}:{port}"


def exchange(method: str, url: str, body: bytes | None, headers: dict[str, str], timeout: float) -> bytes:
    """One request (following same-origin redirects) within ``timeout`` seconds in all; the
    answer's body, or an error: :class:`Unreachable`, :class:`Lost`, :class:`StatusError`."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        status, reason, answer_headers, answer = _one(method, url, body, headers, deadline, timeout)
        if status not in REDIRECTS:
            break
        target = urllib.parse.urljoin(url, answer_headers.get("Location") or "")
        if not answer_headers.get("Location") or origin(target) != origin(url):
            raise StatusError(f"{method} {redact(url)}: the server redirects to {redact(target) or 'nowhere'}, "
                              f"another host or scheme; eagraph does not follow it (your credentials and model stay "
                              f"with the host you gave): if that is the server, give its URL as --endpoint", status)
        if status in (301, 302, 303) and method not in ("GET", "HEAD"):
            raise StatusError(f"{method} {redact(url)}: the server answered {status} {reason} (to {redact(target)}); "
                              f"eagraph does not turn a {method} into a GET: give the right URL as --endpoint", status)
        url = target
    else:
        raise StatusError(f"{method} {redact(url)}: more than {MAX_REDIRECTS} redirects", status)
    if status >= 400:
        detail = answer.decode(errors="replace").strip()[:300]
        raise StatusError(f"{method} {redact(url)}: the server answered {status} {reason}"
                          + (f": {detail}" if detail else ""), status)
    if status >= 300 or status < 200:
        raise StatusError(f"{method} {redact(url)}: the server answered {status} {reason}, not a result", status)
    return answer


def _one(method: str, url: str, body: bytes | None, headers: dict[str, str], deadline: float,
         timeout: float) -> tuple[int, str, http.client.HTTPMessage, bytes]:
    parts = urllib.parse.urlsplit(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Lost(f"{method} {redact(url)}: no complete answer within the timeout of {timeout:g} s")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=remaining)
    expired = threading.Event()

    def abort() -> None:  # the deadline: whatever the server is doing, the connection ends now
        expired.set()
        sock = connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    watchdog = threading.Timer(remaining, abort)
    watchdog.daemon = True
    watchdog.start()
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        try:
            connection.connect()
        except (TimeoutError, socket.timeout):
            raise Unreachable(f"no connection at {where(url)} within the timeout of {timeout:g} s") from None
        except ConnectionRefusedError:
            raise Unreachable(f"connection refused at {where(url)}") from None
        except socket.gaierror as exc:
            raise Unreachable(f"cannot find the host {parts.hostname} of {where(url)} ({exc.strerror})") from None
        except OSError as exc:
            if expired.is_set():
                raise Unreachable(f"no connection at {where(url)} within the timeout of {timeout:g} s") from None
            raise Unreachable(f"cannot connect at {where(url)}: {exc.strerror or exc}") from None
        response = None
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > MAX_ANSWER_BYTES:
                raise Lost(f"{method} {redact(url)}: the server announces an answer of {length} bytes; refused")
            answer = response.read()
        except http.client.HTTPException as exc:
            if expired.is_set():
                raise _timed_out(method, url, timeout) from None
            raise Lost(f"{method} {redact(url)}: the server's answer is not valid HTTP ({_malformed(exc)})") from None
        except OSError as exc:
            if expired.is_set() or isinstance(exc, TimeoutError):
                raise _timed_out(method, url, timeout) from None
            if response is None:  # a reset before the status line: closed with part of the request unread
                raise Lost(f"{method} {redact(url)}: the server closed the connection without an answer "
                           f"({exc.strerror or exc})") from None
            raise Lost(f"{method} {redact(url)}: the connection broke before the answer was complete "
                       f"({exc.strerror or exc})") from None
        if expired.is_set():  # the watchdog ended a trickle: what was read is not the whole answer
            raise _timed_out(method, url, timeout)
        return response.status, response.reason, response.headers, answer
    finally:
        watchdog.cancel()
        connection.close()


def _timed_out(method: str, url: str, timeout: float) -> Lost:
    return Lost(f"{method} {redact(url)}: no complete answer within the timeout of {timeout:g} s")


def _malformed(exc: http.client.HTTPException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return f"the body ended after {len(exc.partial)} bytes, {exc.expected} more were announced"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without an answer"
    if isinstance(exc, http.client.BadStatusLine):
        return f"status line {str(exc.args[0] if exc.args else '')[:80]!r}"
    if isinstance(exc, http.client.LineTooLong):
        return f"{exc} too long"
    return str(exc)[:200] or type(exc).__name__
