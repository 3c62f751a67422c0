"""Reads for surveys: the manifest's callables and what the pages list, with no query per row.

Free-text answers (long and short text, and the words written for "other") are the method's inputs: they reach the
results workspace, themes and the decision basis like any other input. Closed answers are counted on the results
pages (selectors_results.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from delaktig.mailings.models import Mailing
from delaktig.participation.demographics import suppress_matrix
from delaktig.participation.registry import InputRecord

from . import questions as types
from .about import METHOD_KEY
from .models import Answer, Draft, Invitation, Participation, Purpose, Response, Survey
from .pending import settled
from .structure import structure_of

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

TITLE_WORDS = 20


def survey_of(module: Module) -> Survey | None:
    survey = Survey.objects.filter(module=module).first()
    if survey is not None:
        survey.module = module
    return survey


def module_summary(module: Module) -> dict[str, Any]:
    """The survey and the running phase, for the dialogue page (one query; the phases come prefetched)."""
    return {"survey": survey_of(module), "phase": module.active_phase()}


def responses_count(survey: Survey) -> dict[str, int]:
    """{"total", "online", "paper", …per channel} in one query."""
    per_channel = dict(survey.responses.order_by().values_list("channel").annotate(n=Count("id")))
    return {"total": sum(per_channel.values()), **per_channel}


def copy_targets(survey: Survey) -> QuerySet[Any]:
    """The municipality's survey modules that have no survey yet: where a copy can go."""
    from delaktig.participation.models import Module

    return (
        Module.objects.filter(dialogue__municipality_id=survey.municipality_id, method=METHOD_KEY, survey__isnull=True)
        .select_related("dialogue")
        .order_by("-dialogue__created_at", "order", "id")
    )


def survey_mailings(survey: Survey) -> list[Mailing]:
    """The invitations and reminders sent for the survey, newest first."""
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_model(Survey)
    return list(Mailing.objects.filter(target_type=kind, target_id=survey.pk).order_by("-created_at", "-id"))


def invitation_counts(survey: Survey) -> list[dict[str, Any]]:
    """Invited and answered per group (stratum), then the whole: the response rate of an invited sample. A group's
    answered count of 1–4 is hidden, and another beside it so the total does not give it away, as for every figure
    about people: a group of one would otherwise show when that person answered."""
    rows = list(
        Invitation.objects.filter(survey=survey)
        .order_by()
        .values("stratum")
        .annotate(invited=Count("id"), answered=Count("id", filter=Q(answered=True)))
        .order_by("stratum")
    )
    if not rows:
        return []
    cells = suppress_matrix([[row["answered"] for row in rows]])[0]
    result = [
        dict(row, answered=cell.shown(), rate=None if cell.hidden else _rate(row["answered"], row["invited"]))
        for row, cell in zip(rows, cells, strict=True)
    ]
    invited, answered = sum(r["invited"] for r in rows), sum(r["answered"] for r in rows)
    result.append({"stratum": None, "invited": invited, "answered": answered, "rate": _rate(answered, invited)})
    return result


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# The manifest's callables


def stats(module: Module) -> dict[str, int]:
    counts = dict(
        Response.objects.filter(survey__module=module).order_by().values_list("channel").annotate(n=Count("id"))
    )
    return {
        "responses": sum(counts.values()),
        "paper_responses": counts.get("paper", 0),
        "free_texts": input_rows(module).count(),
    }


def participant_ids(module: Module) -> set[int]:
    """Accounts that answered a survey open to logged-in residents (the others answer without an account)."""
    return set(Participation.objects.filter(survey__module=module).values_list("user_id", flat=True))


def export_rows(module: Module) -> list[dict[str, Any]]:
    """One row per response, its answers in words under "<number>. <question>". No account, no invitation, and
    not the "about you" answers (those are only shown in aggregate)."""
    survey = survey_of(module)
    if survey is None:
        return []
    structure = structure_of(survey)
    settled(survey=survey)
    headers = {pk: f"{number}. {question.text}" for number, (pk, question) in enumerate(structure.questions.items(), 1)}
    given: dict[int, dict[int, list[Answer]]] = defaultdict(lambda: defaultdict(list))
    for answer in Answer.objects.filter(survey=survey).order_by("response_id", "id").iterator(chunk_size=2000):
        given[answer.response_id][answer.question_id].append(answer)
    rows = []
    for response in Response.objects.filter(survey=survey).order_by("submitted_at", "id"):
        row: dict[str, Any] = {
            "reference": response.reference,
            "channel": response.channel,
            "submitted": response.submitted_at.isoformat(),
            "received_on": response.received_on.isoformat() if response.received_on else "",
        }
        for pk, header in headers.items():
            row[header] = answer_words(structure.questions[pk], given[response.pk].get(pk, []))
        rows.append(row)
    return rows


def answer_words(question: Any, answers: list[Answer]) -> str:
    """Stored Answer rows of one question in words (exports)."""
    if not answers:
        return ""
    return types.answer_display(question, stored_value(question, answers))


def stored_value(question: Any, answers: list[Answer]) -> Any:
    """Stored Answer rows back into the value questions.py describes."""
    kind = question.kind
    first = answers[0]
    other = next((a.text for a in answers if a.choice == types.OTHER), "")
    if kind == types.Kind.SINGLE_CHOICE:
        return {"choice": first.choice, "other": other}
    if kind == types.Kind.MULTIPLE_CHOICE:
        return {"choices": [a.choice for a in answers], "other": other}
    if kind == types.Kind.YES_NO:
        return first.choice
    if kind == types.Kind.SCALE:
        return int(first.number) if first.number is not None else None
    if kind == types.Kind.MATRIX:
        return {a.row: int(a.number) for a in answers if a.number is not None}
    if kind == types.Kind.RANKING:
        return {a.choice: int(a.number) for a in answers if a.number is not None}
    if kind == types.Kind.NUMBER:
        return str(first.number) if first.number is not None else None
    if kind == types.Kind.DATE:
        return first.date.isoformat() if first.date else None
    return first.text


def personal_data(user: User) -> list[dict[str, Any]]:
    """That the account answered (never what: answers are not tied to anyone), drafts saved while logged in, and
    invitations to the account's address."""
    rows: list[dict[str, Any]] = []
    for item in Participation.objects.filter(user=user).select_related("survey__module__dialogue__municipality"):
        rows.append(
            _personal(
                "surveys.participation",
                item.survey,
                answered=True,
                status_text=_("Answered; your answers are counted without your name"),
                identity_level=item.identity_level,
            )
        )
    for draft in Draft.objects.filter(user=user).select_related("survey__module__dialogue__municipality"):
        rows.append(_personal("surveys.draft", draft.survey, expires=draft.expires_at.isoformat()))
    if user.email:
        invitations = Invitation.objects.filter(email__iexact=user.email)
        invitations = invitations.select_related("survey__module__dialogue__municipality")
        for invitation in invitations:
            rows.append(_personal("surveys.invitation", invitation.survey, email_given=invitation.email))
    return rows


def _personal(kind: str, survey: Survey, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "title": survey.title,
        "dialogue": survey.module.dialogue.title,
        "url": survey.get_absolute_url(),
        **extra,
    }


def erase(user: User) -> int:
    """Forget that the account answered, its drafts and its address on invitations. The responses stay: they were
    never tied to the account."""
    touched, _models = Participation.objects.filter(user=user).delete()
    drafts, _models = Draft.objects.filter(user=user).delete()
    invitations = Invitation.objects.filter(email__iexact=user.email).update(email="") if user.email else 0
    return touched + drafts + invitations


def input_rows(module: Module) -> QuerySet[Answer]:
    """Every free-text answer of the module's survey, as rows the results workspace filters and pages; none of a
    participants' evaluation, which is about the dialogue and no input to the matter."""
    settled(survey__module=module)
    return Answer.objects.filter(survey__module=module).exclude(text="").exclude(survey__purpose=Purpose.EVALUATION)


def inputs(module: Module, ids: Any = None) -> list[InputRecord]:
    """Every free-text answer (with `ids`, only those) as an input: the question is the title. No name is ever
    shown; the "about you" answers go with it for the results workspace's suppressed figures."""
    qs = input_rows(module).select_related("question", "response__about").order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    slug = module.dialogue.municipality.slug
    url = reverse("surveys_staff:results", args=[slug, module.dialogue_id, module.pk])
    return [_record(module, answer, url) for answer in qs]


def _record(module: Module, answer: Answer, url: str) -> InputRecord:
    question = answer.question
    title = Truncator(question.text).words(TITLE_WORDS, truncate="…")
    if answer.choice == types.OTHER:
        title = f"{title} ({types.other_label(question)})"
    return InputRecord(
        ref=f"{METHOD_KEY}:{answer.pk}",
        module_id=module.pk,
        method=METHOD_KEY,
        title=title,
        text=answer.text,
        channel=answer.channel,
        created_at=answer.created_at,
        demographics=_demographics(answer.response),
        staff_url=f"{url}?fraga={question.pk}#q{question.pk}",
        received_on=answer.response.received_on,
    )


def _demographics(response: Response) -> dict[str, Any]:
    try:
        about = response.about
    except Response.about.RelatedObjectDoesNotExist:
        return {}
    told = {"age_band": about.age_band, "gender": about.gender, "area": about.area_id}
    return {key: value for key, value in told.items() if value}


def input_channels(module: Module) -> dict[str, int]:
    return dict(input_rows(module).order_by().values_list("channel").annotate(n=Count("id")))


def public_names_hide(module: Module) -> int:
    """A survey never shows a name: every free-text answer is already shown without one. Returns how many."""
    return input_rows(module).count()


def drafts_count(survey: Survey) -> int:
    return Draft.objects.filter(survey=survey, expires_at__gt=timezone.now()).count()
