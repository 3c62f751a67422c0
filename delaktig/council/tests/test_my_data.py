"""A resident's questions on My pages, in "my data", and after the account is erased."""

import pytest
from django.urls import reverse

from delaktig.accounts import hookspecs as account_hooks
from delaktig.council.models import Question, Status

from .factories import MeetingFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(municipality, resident):
    return QuestionFactory(meeting=MeetingFactory(municipality=municipality), asker=resident, status=Status.APPROVED)


def test_my_pages_list_the_questions_with_a_way_to_withdraw(client, question, resident):
    client.force_login(resident)
    page = client.get(reverse("accounts:my_pages", args=[question.municipality.slug])).content.decode()
    assert question.number in page and "Dina frågor till frågestunden" in page
    assert reverse("council:withdraw", args=[question.municipality.slug, question.pk]) in page


def test_my_data_has_the_questions_and_erasing_keeps_them_without_the_person(question, resident):
    data = {}
    for hook in account_hooks.personal_data.implementations():
        data.update(hook(resident))
    assert data["question_time"][0]["number"] == question.number
    for hook in account_hooks.erase_user.implementations():
        hook(resident)
    kept = Question.objects.get(pk=question.pk)
    assert kept.asker is None and kept.asker_name == "" and kept.text == question.text
