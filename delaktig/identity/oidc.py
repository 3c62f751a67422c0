"""The OpenID Connect relying party: discovery, the authorisation request with PKCE, the code exchange and the
ID token's checks. Authlib makes the PKCE challenge and the random values, joserfc checks signatures and claims;
HTTP is the standard library's, with a timeout on every call (OIDC_TIMEOUT seconds).

Every failure is one of two exceptions with a reason, which the views turn into a Swedish page:
ProviderUnavailable (the provider is down or slow: try again) and Refused (what came back cannot be trusted).
"""

import base64
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from django.conf import settings
from django.core.cache import cache
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidTokenError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
DISCOVERY_SECONDS = 3600  # the provider's settings and keys are kept this long (keys fetched again for a new kid)
LEEWAY = 60  # seconds of clock difference accepted on exp and iat
MAX_AGE = 600  # an ID token issued longer ago than this is refused, whatever its exp says


class ProviderUnavailable(Exception):
    """The provider did not answer (reason "down") or not in time ("slow")."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Refused(Exception):
    """What came back is not accepted. Reasons: state, error, code, unsigned, signature, issuer, audience, expired,
    nonce, replay, claims, level."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def random_value():
    return generate_token(43)


def _timeout():
    return float(getattr(settings, "OIDC_TIMEOUT", 5))


def _http(request):
    """The answer's status and JSON body; ProviderUnavailable when the provider cannot be reached in time."""
    try:
        with urllib.request.urlopen(request, timeout=_timeout()) as response:  # noqa: S310 (https/http only, below)
            return response.status, json.loads(response.read(1_000_000) or b"{}")
    except urllib.error.HTTPError as error:
        if error.code >= 500:
            raise ProviderUnavailable("down") from None
        try:
            return error.code, json.loads(error.read(100_000) or b"{}")
        except ValueError:
            return error.code, {}
    except TimeoutError:
        raise ProviderUnavailable("slow") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise ProviderUnavailable("slow") from None
        raise ProviderUnavailable("down") from None
    except (ConnectionError, OSError, ValueError):
        raise ProviderUnavailable("down") from None


def _get_json(url):
    if urllib.parse.urlsplit(url).scheme not in {"https", "http"}:
        raise ProviderUnavailable("down")
    status, body = _http(urllib.request.Request(url, headers={"Accept": "application/json"}))
    if status != 200 or not isinstance(body, dict):
        raise ProviderUnavailable("down")
    return body


def discovery(issuer):
    """The provider's published settings (/.well-known/openid-configuration), cached; their issuer must match."""
    issuer = issuer.rstrip("/")
    key = f"identity:discovery:{issuer}"
    found = cache.get(key)
    if found is None:
        found = _get_json(f"{issuer}/.well-known/openid-configuration")
        needed = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if any(not isinstance(found.get(name), str) for name in needed):
            raise ProviderUnavailable("down")
        if found["issuer"].rstrip("/") != issuer:
            raise Refused("issuer", "the discovery document names another issuer")
        cache.set(key, found, DISCOVERY_SECONDS)
    return found


def _keys(jwks_uri, *, fresh=False):
    key = f"identity:jwks:{jwks_uri}"
    found = None if fresh else cache.get(key)
    if found is None:
        found = _get_json(jwks_uri)
        cache.set(key, found, DISCOVERY_SECONDS)
    try:
        return KeySet.import_key_set(found)
    except (JoseError, ValueError, KeyError, TypeError):
        raise Refused("signature", "the published keys cannot be read") from None


def authorization_url(config, *, redirect_uri, state, nonce, verifier):
    """Where to send the person: the authorisation code flow, with PKCE (S256), state and nonce."""
    endpoint = discovery(config.issuer)["authorization_endpoint"]
    query = {
        "response_type": "code",
        "client_id": config.client_id,
        "redirect_uri": redirect_uri,
        "scope": config.scopes or "openid",
        "state": state,
        "nonce": nonce,
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode(query)}"


def code_exchange(config, *, code, redirect_uri, verifier):
    """The token response for the code (client_secret_basic when there is a secret); Refused if it is refused."""
    endpoint = discovery(config.issuer)["token_endpoint"]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri, "code_verifier": verifier}
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    if config.client_secret:
        pair = f"{urllib.parse.quote(config.client_id, safe='')}:{urllib.parse.quote(config.client_secret, safe='')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    else:
        form["client_id"] = config.client_id
    request = urllib.request.Request(endpoint, data=urllib.parse.urlencode(form).encode(), headers=headers)
    status, body = _http(request)
    if status != 200 or not isinstance(body.get("id_token"), str):
        raise Refused("code", str(body.get("error", status)))
    return body


def _header(id_token):
    try:
        segment = id_token.split(".")[0]
        return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, IndexError):
        raise Refused("claims", "not a JWT") from None


def id_token_verify(config, id_token, *, nonce):
    """The ID token's claims after checking its signature against the provider's keys and iss, aud, exp, iat,
    nonce. An unsigned token (alg none) or one signed with a key the provider does not publish is refused."""
    header = _header(id_token)
    if str(header.get("alg", "none")).lower() == "none" or header.get("alg") not in SIGNING_ALGORITHMS:
        raise Refused("unsigned", f"alg {header.get('alg')!r}")
    provider = discovery(config.issuer)
    token = _decode(id_token, provider["jwks_uri"], header)
    claims = token.claims
    registry = jwt.JWTClaimsRegistry(
        leeway=LEEWAY,
        iss={"essential": True, "value": provider["issuer"]},
        aud={"essential": True, "value": config.client_id},
        exp={"essential": True},
        iat={"essential": True},
        sub={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError:
        raise Refused("expired") from None
    except (InvalidClaimError, MissingClaimError) as error:
        name = getattr(error, "claim", "")
        raise Refused(
            {"iss": "issuer", "aud": "audience", "nonce": "nonce", "exp": "expired"}.get(name, "claims"), name
        ) from None
    except (InvalidTokenError, JoseError) as error:
        raise Refused("claims", str(error)) from None
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != config.client_id:
        raise Refused("audience", "azp")
    if not isinstance(claims.get("iat"), (int, float)) or claims["iat"] < time.time() - MAX_AGE - LEEWAY:
        raise Refused("expired", "iat")
    return claims


def _decode(id_token, jwks_uri, header):
    for fresh in (False, True):  # a key not in the cached set: the provider may have rotated its keys
        keys = _keys(jwks_uri, fresh=fresh)
        if header.get("kid") and not any(key.kid == header["kid"] for key in keys.keys) and not fresh:
            continue
        try:
            return jwt.decode(id_token, keys, algorithms=SIGNING_ALGORITHMS)
        except BadSignatureError:
            raise Refused("signature") from None
        except (JoseError, ValueError) as error:
            if fresh:
                raise Refused("signature", str(error)) from None
    raise Refused("signature", "no key")
