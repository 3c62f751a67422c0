"""Keys, addresses and the throwaway-domain list."""

import pytest
from django.test import override_settings

from delaktig.proposals.signatures._protection import (
    disposable_domains,
    domain_of,
    is_disposable,
    paper_signer_key,
    signer_key_for_email,
    valid_ip,
)


def test_keys():
    assert signer_key_for_email("  Anna.B@Example.SE ") == "anna.b@example.se"
    assert domain_of("Anna@Example.SE") == "example.se"
    assert paper_signer_key(" Anna  ANDERSSON ", "Storgatan 1,  Byn") == "paper:anna andersson|storgatan 1 byn"


@pytest.mark.parametrize(
    ("value", "expected"), [("127.0.0.1", "127.0.0.1"), ("", None), ("unix:", None), (None, None), ("::1", "::1")]
)
def test_valid_ip(value, expected):
    assert valid_ip(value) == expected


def test_block_list_is_loaded_once_and_has_the_usual_suspects():
    assert disposable_domains() is disposable_domains()
    assert len(disposable_domains()) > 300
    for domain in ("mailinator.com", "10minutemail.com", "guerrillamail.com", "yopmail.com", "temp-mail.org"):
        assert is_disposable(domain)
    assert is_disposable("inbox.mailinator.com")
    for domain in ("gmail.com", "kramfors.se", "example.se", "", "com"):
        assert not is_disposable(domain)


def test_local_finds_are_added_to_the_package_list():
    disposable_domains.cache_clear()
    try:
        with override_settings(PROPOSAL_SIGN_DISPOSABLE_EXTRA_DOMAINS=["Throwaway.Example.se"]):
            assert is_disposable("throwaway.example.se")
            assert is_disposable("x.throwaway.example.se")
    finally:
        disposable_domains.cache_clear()
    assert not is_disposable("throwaway.example.se")
