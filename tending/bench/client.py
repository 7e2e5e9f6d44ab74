"""A small HTTP client that uses tending as a browser would: cookies, login, CSRF, forms.

Standard library only, so the benchmark and the durability test need nothing extra.
Redirects are never followed: a form's 302 is the answer we want to see.
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

FormValue = str | int | Sequence[str | int]
_FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class LoginError(Exception):
    """The login form did not let us in; the message says what came back."""


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def location(self) -> str | None:
        return self.headers.get("Location")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class HttpSession:
    """One visitor: a keep-alive connection, their cookies and their CSRF token.

    Not thread-safe; give each thread its own session (see `copy()`), which may share the
    login cookie since Django keeps sessions in the database.
    """

    def __init__(
        self,
        host: str,
        port: int,
        timeout: float = 10.0,
        https_origin: bool = False,
    ) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        # Behind an HTTPS proxy (hosted mode) Django checks the Origin against https://.
        self.https_origin = https_origin
        self.cookies: dict[str, str] = {}
        self._connection: http.client.HTTPConnection | None = None

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.https_origin else 'http'}://{host}:{self.port}"

    def copy(self) -> HttpSession:
        """A new session with the same cookies, for another thread."""
        twin = HttpSession(self.host, self.port, self.timeout, self.https_origin)
        twin.cookies = dict(self.cookies)
        return twin

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: Mapping[str, FormValue]) -> Response:
        """POST a form as a browser would, with the CSRF token in the form and a header."""
        token = self.cookies.get("csrftoken", "")
        data = dict(fields)
        data.setdefault("csrfmiddlewaretoken", token)
        body = urlencode(
            {
                k: [str(v) for v in value] if _is_many(value) else str(value)
                for k, value in data.items()
            },
            doseq=True,
        ).encode("ascii")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": token,
            "Origin": self.origin,
        }
        return self.request("POST", path, body=body, headers=headers)

    def login(self, username: str, password: str) -> None:
        page = self.get("/login/")
        if page.status != 200:
            raise LoginError(f"GET /login/ answered {page.status}, not the login form.")
        found = _FORM_TOKEN.search(page.text)
        fields: dict[str, FormValue] = {"username": username, "password": password}
        if found:
            fields["csrfmiddlewaretoken"] = found.group(1)
        answer = self.post_form("/login/", fields)
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise LoginError(f"Logging in as {username!r} answered {answer.status}, not 302.")

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """One request; on any failure the connection is dropped and the error raised."""
        sent = dict(headers or {})
        if self.https_origin:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = self._connect()
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            content = answer.read()
        except BaseException:
            self.close()
            raise
        self._remember_cookies(answer.headers)
        if answer.will_close:
            self.close()
        return Response(status=answer.status, headers=answer.headers, body=content)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> HttpSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            self._connection = http.client.HTTPConnection(
                self.host, self.port, timeout=self.timeout
            )
        return self._connection

    def _remember_cookies(self, headers: Message) -> None:
        for line in headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            try:
                jar.load(line)
            except CookieError:
                continue
            for name, morsel in jar.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def _is_many(value: FormValue) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)
