"""What keeps a signing rush honest: one key per person, rate limits in the cache, a throwaway-domain list.

The throwaway domains come from the `disposable-email-domains` package (the community-kept list, shipped inside
the package, so nothing is fetched at run time); local finds go in PROPOSAL_SIGN_DISPOSABLE_EXTRA_DOMAINS.

Rate limits count attempts per client IP address and per e-mail domain through core.ratelimit, in the cache
(Redis in production, so every process shares the count), with one `incr` a limit once its window has started.
The big webmail providers are exempt from the per-domain limit: a popular proposal gets thousands of gmail.com
signers, and they still confirm by e-mail and meet the IP limit.
The knobs are settings so a benchmark or a large municipality can raise them:

    PROPOSAL_SIGN_RATE_PER_IP (20) per PROPOSAL_SIGN_RATE_IP_WINDOW seconds (600)
    PROPOSAL_SIGN_RATE_PER_DOMAIN (200) per PROPOSAL_SIGN_RATE_DOMAIN_WINDOW seconds (3600)
    PROPOSAL_SIGN_RATE_EXEMPT_DOMAINS (the webmail providers below)
"""

import functools
import ipaddress

from django.conf import settings

from delaktig.core import ratelimit

WEBMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.se",
        "outlook.com",
        "outlook.se",
        "live.com",
        "live.se",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "yahoo.com",
        "yahoo.se",
        "protonmail.com",
        "proton.me",
        "telia.com",
        "bredband.net",
        "spray.se",
        "comhem.se",
        "tele2.se",
        "bahnhof.se",
    }
)


def signer_key_for_email(email):
    """The key that makes one signature per person: the address, trimmed and in lower case."""
    return (email or "").strip().lower()


def domain_of(email):
    return signer_key_for_email(email).rpartition("@")[2]


def valid_ip(value):
    """The address as stored on the signature, or None (a unix socket gives no address)."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def paper_signer_key(name, identifier):
    """'paper:anna andersson|storgatan 1' – the same person on two paper lists gets one key."""
    return f"paper:{_squash(name)}|{_squash(identifier)}"[:254]


def _squash(text):
    return " ".join((text or "").lower().replace(",", " ").split())


@functools.cache
def disposable_domains():
    """The package's block list less its allow list, with the local finds, built once per process."""
    from disposable_email_domains import allowlist, blocklist

    extra = getattr(settings, "PROPOSAL_SIGN_DISPOSABLE_EXTRA_DOMAINS", ())
    return frozenset(domain.strip().lower() for domain in (*(blocklist - allowlist), *extra) if domain.strip())


def is_disposable(domain):
    """True for a listed domain and for any subdomain of one (x.mailinator.com)."""
    parts = (domain or "").lower().strip(".").split(".")
    blocked = disposable_domains()
    return any(".".join(parts[i:]) in blocked for i in range(len(parts) - 1))


def _limit(name, default):
    return int(getattr(settings, name, default))


def _ip_rule():
    window = _limit("PROPOSAL_SIGN_RATE_IP_WINDOW", getattr(settings, "PROPOSAL_SIGN_RATE_WINDOW", 600))
    return _limit("PROPOSAL_SIGN_RATE_PER_IP", 20), window


def _domain_rule():
    window = _limit("PROPOSAL_SIGN_RATE_DOMAIN_WINDOW", getattr(settings, "PROPOSAL_SIGN_RATE_WINDOW", 3600))
    return _limit("PROPOSAL_SIGN_RATE_PER_DOMAIN", 200), window


def rate_limit_hit(*, ip, domain):
    """Count a signing attempt; return "ip" or "domain" when that limit is passed, else None."""
    limit, window = _ip_rule()
    if ip and ratelimit.hit("sign-ip", ip, window=window) > limit:
        return "ip"
    exempt = getattr(settings, "PROPOSAL_SIGN_RATE_EXEMPT_DOMAINS", WEBMAIL_DOMAINS)
    limit, window = _domain_rule()
    if domain and domain not in exempt and ratelimit.hit("sign-domain", domain, window=window) > limit:
        return "domain"
    return None
