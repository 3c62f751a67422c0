"""A TEST e-ID provider that speaks OpenID Connect: discovery, keys (JWKS), authorise, token. For tests and the
demo only; it trusts whoever clicks a person, so it is never mounted in production (views.test_provider).

A plain WSGI application: the tests serve it on 127.0.0.1 with wsgiref (serve()), the demo mounts it at
/test-e-legitimation/. ID tokens are signed with RS256 by a key made when the provider starts. `faults` makes it
misbehave on purpose, for the tests: "unsigned" (alg none), "wrong_key" (signed by a key it does not publish),
"wrong_audience", "expired"; `delay` holds the token answer that many seconds.
"""

import base64
import html
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

PIN_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
RESIDENCE_CLAIM = "https://id.oidc.se/claim/municipalityCode"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"


@dataclass(frozen=True)
class FictitiousPerson:
    key: str
    name: str
    given_name: str
    family_name: str
    pin: str = ""
    acr: str = LOA3
    residence: str = ""
    email: str = ""
    groups: tuple = ()

    def claims(self):
        found = {"name": self.name, "given_name": self.given_name, "family_name": self.family_name, "acr": self.acr}
        if self.pin:
            found[PIN_CLAIM] = self.pin
        if self.residence:
            found[RESIDENCE_CLAIM] = self.residence
        if self.email:
            found.update(email=self.email, email_verified=True)
        if self.groups:
            found["groups"] = list(self.groups)
        return found


# Fictitious people with personal identity numbers from the test ranges (never a real person's number).
PERSONS = (
    FictitiousPerson("tolvan", "Tolvan Tolvansson", "Tolvan", "Tolvansson", pin="191212121212", residence="1783"),
    FictitiousPerson("greta", "Greta Testsson", "Greta", "Testsson", pin="198807142382", residence="1783"),
    FictitiousPerson("karl", "Karl Provare", "Karl", "Provare", pin="197502092396", residence="1784"),
    FictitiousPerson("lisa", "Lisa Lågtillit", "Lisa", "Lågtillit", pin="199001012383", acr=LOA2, residence="1783"),
)
STAFF = (
    FictitiousPerson(
        "ingrid",
        "Ingrid Intern",
        "Ingrid",
        "Intern",
        email="ingrid.intern@hagfors.example",
        groups=("delaktig-demokratiutvecklare",),
    ),
)


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    nonce: str
    challenge: str
    person: FictitiousPerson
    made: float = field(default_factory=time.time)


class LocalProvider:
    """The WSGI application. `issuer` is fixed for the tests; mounted in the demo it follows the request's address."""

    def __init__(self, *, clients=None, issuer=None, persons=PERSONS + STAFF):
        self.clients = clients or {"delaktig-test": "test-secret", "delaktig-personal": "test-secret"}
        self.issuer = issuer
        self.persons = {person.key: person for person in persons}
        self.key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(8), "use": "sig", "alg": "RS256"})
        self.grants = {}
        self.lock = threading.Lock()
        self.faults = set()
        self.delay = 0.0

    # -- WSGI --------------------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        issuer = self.issuer or self._issuer_from(environ)
        routes = {
            "/.well-known/openid-configuration": self.discovery,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
        }
        handler = routes.get(path.rstrip("/") or "/") if path != "/" else self.authorize
        if handler is None:
            return self._send(start_response, "404 Not Found", "text/plain", b"Not found")
        return handler(environ, start_response, issuer)

    @staticmethod
    def _issuer_from(environ):
        host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
        return f"{environ.get('wsgi.url_scheme', 'http')}://{host}{environ.get('SCRIPT_NAME', '')}".rstrip("/")

    def _send(self, start_response, status, content_type, body, headers=()):
        start_response(status, [("Content-Type", content_type), ("Cache-Control", "no-store"), *headers])
        return [body]

    def _json(self, start_response, data, status="200 OK"):
        return self._send(start_response, status, "application/json", json.dumps(data).encode())

    # -- endpoints ---------------------------------------------------------------------------------------------
    def discovery(self, environ, start_response, issuer):
        return self._json(
            start_response,
            {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/authorize",
                "token_endpoint": f"{issuer}/token",
                "jwks_uri": f"{issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "acr_values_supported": [LOA2, LOA3],
            },
        )

    def jwks(self, environ, start_response, issuer):
        return self._json(start_response, KeySet([self.key]).as_dict(private=False))

    def authorize(self, environ, start_response, issuer):
        if environ["REQUEST_METHOD"] == "POST":
            params = self._form(environ)
        else:
            params = dict(urllib.parse.parse_qsl(environ.get("QUERY_STRING", "")))
        problem = self._authorize_problem(params)
        if problem:
            return self._send(start_response, "400 Bad Request", "text/html; charset=utf-8", self._page(problem))
        person = self.persons.get(params.get("person", ""))
        if environ["REQUEST_METHOD"] != "POST" or person is None:
            return self._send(start_response, "200 OK", "text/html; charset=utf-8", self._picker(params))
        return self.grant_redirect(start_response, params, person)

    def grant_redirect(self, start_response, params, person):
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.grants[code] = Grant(
                params["client_id"], params["redirect_uri"], params["nonce"], params["code_challenge"], person
            )
        query = urllib.parse.urlencode({"code": code, "state": params.get("state", "")})
        separator = "&" if "?" in params["redirect_uri"] else "?"
        return self._send(
            start_response,
            "302 Found",
            "text/plain",
            b"",
            [("Location", f"{params['redirect_uri']}{separator}{query}")],
        )

    def _authorize_problem(self, params):
        if params.get("client_id") not in self.clients:
            return "Okänd klient (client_id)."
        if params.get("response_type") != "code" or not params.get("redirect_uri"):
            return "Fel i begäran: response_type=code och redirect_uri behövs."
        if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            return "PKCE med S256 behövs."
        if not params.get("nonce"):
            return "nonce saknas."
        return ""

    def token(self, environ, start_response, issuer):
        if self.delay:
            time.sleep(self.delay)
        form = self._form(environ)
        client_id, secret = self._client(environ, form)
        with self.lock:
            grant = self.grants.pop(form.get("code", ""), None)
        if self.clients.get(client_id) != secret:
            return self._json(start_response, {"error": "invalid_client"}, "401 Unauthorized")
        if (
            grant is None
            or grant.client_id != client_id
            or grant.redirect_uri != form.get("redirect_uri")
            or time.time() - grant.made > 120
            or create_s256_code_challenge(form.get("code_verifier", "")) != grant.challenge
        ):
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        id_token = self.id_token(issuer, client_id, grant.nonce, grant.person)
        return self._json(
            start_response,
            {
                "access_token": secrets.token_urlsafe(24),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            },
        )

    def id_token(self, issuer, client_id, nonce, person):
        now = int(time.time())
        claims = {
            "iss": issuer,
            "sub": f"test-{person.key}",
            "aud": "someone-else" if "wrong_audience" in self.faults else client_id,
            "iat": now - 3600 if "expired" in self.faults else now,
            "exp": now - 1800 if "expired" in self.faults else now + 300,
            "nonce": nonce,
            **person.claims(),
        }
        if "unsigned" in self.faults:
            return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
        key = self.key
        if "wrong_key" in self.faults:
            key = RSAKey.generate_key(2048, parameters={"kid": self.key.kid})
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key, algorithms=["RS256"])

    # -- helpers -----------------------------------------------------------------------------------------------
    @staticmethod
    def _form(environ):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode() if length else ""
        return dict(urllib.parse.parse_qsl(body))

    @staticmethod
    def _client(environ, form):
        auth = environ.get("HTTP_AUTHORIZATION", "")
        if auth.startswith("Basic "):
            pair = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = pair.partition(":")
            return urllib.parse.unquote(client_id), urllib.parse.unquote(secret)
        return form.get("client_id", ""), form.get("client_secret", "")

    def _picker(self, params):
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
            for name, value in params.items()
            if name != "person"
        )
        staff = params.get("client_id") == "delaktig-personal"
        people = [p for p in self.persons.values() if bool(p.pin) != staff]
        choices = "".join(
            f'<li><button name="person" value="{html.escape(p.key)}">{html.escape(p.name)}</button> '
            f"{html.escape(self._about(p))}</li>"
            for p in people
        )
        body = (
            "<p>Det här är en <strong>testtjänst</strong>. Ingen riktig e-legitimation används: "
            "välj en påhittad person att logga in som.</p>"
            f'<form method="post">{hidden}<ul>{choices}</ul></form>'
        )
        return self._page(body, title="Välj testperson")

    @staticmethod
    def _about(person):
        if person.pin:
            level = "tillitsnivå 3" if person.acr == LOA3 else "tillitsnivå 2"
            return f"– testpersonnummer {person.pin[:8]}-{person.pin[8:]}, {level}, kommunkod {person.residence}"
        return f"– {person.email}, grupper: {', '.join(person.groups)}"

    @staticmethod
    def _page(body, title="Test-e-legitimation"):
        return (
            '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} – TEST-e-legitimation</title></head><body><main>"
            "<h1>TEST-e-legitimation (inte på riktigt)</h1>"
            f"<h2>{html.escape(title)}</h2>{body}</main></body></html>"
        ).encode()


def _b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve(provider=None, *, host="127.0.0.1"):
    """Serve a provider on a free port in a thread; returns (provider, server). server.shutdown() stops it."""
    provider = provider or LocalProvider()
    server = make_server(host, 0, provider, server_class=_ThreadingServer, handler_class=_QuietHandler)
    provider.issuer = provider.issuer or f"http://{host}:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return provider, server
