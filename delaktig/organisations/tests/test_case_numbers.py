"""The municipality's pattern of case numbers and the one check every form uses."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.organisations import case_numbers
from delaktig.organisations.models import Role

YEAR = timezone.localdate().year


@pytest.mark.parametrize("typed", ["KS 2026/123", "ks 2026/1", "KS2026/1", "BUN 2026-00123", "SBN 2025.7", "2026/77"])
def test_the_default_pattern_accepts_the_common_forms(typed):
    assert case_numbers.pattern_parse("").regex.match(case_numbers.normalised(typed))


@pytest.mark.parametrize("typed", ["KS 1", "KS 2026", "diarienummer saknas", "KS 2026/1234567"])
def test_the_default_pattern_refuses_what_is_not_a_case_number(typed):
    assert not case_numbers.pattern_parse("").regex.match(case_numbers.normalised(typed))


def test_a_municipalitys_own_pattern(municipality):
    municipality.case_number_pattern = "KS ÅÅÅÅ/N, BUN ÅÅÅÅ/N"
    assert case_numbers.case_number_clean(municipality=municipality, value="  bun  2026/4 ") == "BUN 2026/4"
    with pytest.raises(ValidationError) as error:
        case_numbers.case_number_clean(municipality=municipality, value="SBN 2026/4")
    message = error.value.messages[0]
    assert "SBN 2026/4" in message and "formen KS ÅÅÅÅ/N eller BUN ÅÅÅÅ/N" in message and f"KS {YEAR}/123" in message


@pytest.mark.parametrize(("pattern", "words"), [("KS ÅÅÅÅ", "N"), ("KS ÅÅÅÅ/N#", "#"), (" , ", "")])
def test_a_wrong_pattern_is_an_error_in_words(pattern, words):
    with pytest.raises(ValidationError) as error:
        case_numbers.pattern_parse(pattern)
    assert words in error.value.messages[0]


def test_a_new_number_is_written_in_the_first_form(municipality):
    municipality.case_number_pattern = "KLK ÅÅÅÅ:N"
    assert case_numbers.case_number_format(municipality=municipality, year=2026, running=17) == "KLK 2026:17"


def test_same_number_ignores_spaces_and_case():
    assert case_numbers.same_number("KS 2026/1", "ks2026/1")
    assert not case_numbers.same_number("KS 2026/1", "KS 2026/10")


def _settings(municipality, **changes):
    return {
        "ladder_profile": "skr",
        "deciding_body": municipality.get_deciding_body().pk,
        "feedback_deadline_days": 60,
        "contact_email": "",
        "case_number_pattern": "",
        **changes,
    }


def test_the_administrator_sets_the_pattern_and_it_is_audited(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    url = reverse("organisations:settings", args=[municipality.slug])
    assert "ÅÅÅÅ är året" in client.get(url).content.decode()  # the help text explains the notation
    response = client.post(url, _settings(municipality, case_number_pattern="KS ÅÅÅÅ/N ,  BUN ÅÅÅÅ/N"))
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.case_number_pattern == "KS ÅÅÅÅ/N, BUN ÅÅÅÅ/N"
    event = AuditEvent.objects.get(action="settings.update", target_id=municipality.pk)
    assert event.data["case_number_pattern"]["to"] == "KS ÅÅÅÅ/N, BUN ÅÅÅÅ/N"


def test_a_wrong_pattern_from_the_administrator_is_refused_and_kept(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    url = reverse("organisations:settings", args=[municipality.slug])
    response = client.post(url, _settings(municipality, case_number_pattern="KS ÅÅÅÅ"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "saknar N" in html and 'value="KS ÅÅÅÅ"' in html
    municipality.refresh_from_db()
    assert municipality.case_number_pattern == ""
