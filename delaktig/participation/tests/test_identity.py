"""Pseudonyms: a suggestion is always valid, and a pseudonym never reveals the person or looks like contact details."""

import random

import pytest
from django import forms

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.identity import pseudonym_clean, pseudonym_suggest


def test_suggestions_are_valid_and_varied():
    rng = random.Random(7)
    suggestions = [pseudonym_suggest(rng) for _ in range(200)]
    assert all(pseudonym_clean(name) == name for name in suggestions)
    assert len(set(suggestions)) > 190


@pytest.mark.parametrize(
    "value", ["ab", "x" * 41, "kim@example.se", "www.kim.se", "http://kim", "kim.se", "19900101-1234", "Kim_K", "<b>"]
)
def test_refused(value):
    with pytest.raises(forms.ValidationError):
        pseudonym_clean(value)


@pytest.mark.django_db
def test_not_the_persons_own_name_or_address():
    user = UserFactory(name="Kim Karlsson", email="kimkarlsson@example.se")
    for value in ("kim karlsson", "Kimkarlsson 12"):
        with pytest.raises(forms.ValidationError):
            pseudonym_clean(value, user=user)
    assert pseudonym_clean("  Kim   från  Råda ", user=user) == "Kim från Råda"
