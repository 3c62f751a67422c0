"""The core datasets: dialogues, their phases and results (themes with counts); followup offers the feedback.

They are offered through the hook `open_data_datasets` (hooks.py), like every other app's datasets, so the
API treats them all the same. Only what is public is here: dialogues in a public state, phases of those
dialogues and results once compiled. Never a name, an e-mail address or a user id.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.dialogues.models import PUBLIC_STATES, Dialogue, Kind, State
from delaktig.organisations.models import Decision
from delaktig.participation.models import Phase
from delaktig.results.models import Theme
from delaktig.results.selectors import theme_counts

from .rows import LazyRows

YEAR_BOUNDS = (1900, 2999)
RESULTS_STATES = frozenset({State.RESULTS_COMPILED, State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED})


def _body_name(body):
    return body.name if body else None


def public_dialogues(municipality):
    return Dialogue.objects.filter(municipality=municipality, state__in=PUBLIC_STATES)


def _in_year(year):
    """The year of a dialogue as Dialogue.year tells it: when it starts, else its decision, else its creation."""
    return (
        Q(starts_on__year=year)
        | Q(starts_on__isnull=True, decision_to_hold__date__year=year)
        | Q(starts_on__isnull=True, decision_to_hold__date__isnull=True, created_at__year=year)
    )


# Dialogues


def dialogue_rows(municipality, filters):
    qs = public_dialogues(municipality).select_related("decision_to_hold__body", "municipality")
    if "state" in filters:
        qs = qs.filter(state=filters["state"])
    if "kind" in filters:
        qs = qs.filter(kind=filters["kind"])
    if "year" in filters:
        qs = qs.filter(_in_year(filters["year"]))
    if "body" in filters:
        body = filters["body"]
        qs = qs.filter(
            Q(decision_to_hold__body__name__iexact=body) | Q(decision_to_hold__body__short_name__iexact=body)
        )
    return qs.order_by("id")


def dialogue_row(dialogue):
    decision = dialogue.decision_to_hold or Decision()
    return {
        "id": dialogue.pk,
        "title": dialogue.title,
        "kind": dialogue.kind,
        "state": dialogue.state,
        "ladder_level": dialogue.ladder_level or None,
        "deciding_body": _body_name(decision.body),
        "decision_date": iso_or_none(decision.date),
        "starts_on": iso_or_none(dialogue.starts_on),
        "ends_on": iso_or_none(dialogue.ends_on),
        "year": dialogue.year,
        "question": dialogue.question,
        "purpose": dialogue.purpose,
        "case_number": decision.number or dialogue.case_number or None,
        "url": dialogue.get_absolute_url(),
    }


DIALOGUES = Dataset(
    key="dialogues",
    title=_("Dialogues"),
    description=_(
        "Citizen dialogues, user dialogues and information activities that are public: the question, the purpose, "
        "the level on the participation ladder, the body that decided to hold the dialogue and the dates."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the dialogue")),
        DatasetField("title", "string", _("Title")),
        DatasetField("kind", "string", _("Kind: citizen_dialogue, user_dialogue or information")),
        DatasetField("state", "string", _("Where the dialogue is in its lifecycle")),
        DatasetField("ladder_level", "string", _("Level on the participation ladder"), nullable=True),
        DatasetField("deciding_body", "string", _("The body that decided to hold the dialogue"), nullable=True),
        DatasetField("decision_date", "date", _("Date of the decision to hold the dialogue"), nullable=True),
        DatasetField("starts_on", "date", _("The day the dialogue opens"), nullable=True),
        DatasetField("ends_on", "date", _("The day the dialogue closes"), nullable=True),
        DatasetField("year", "integer", _("The year of the dialogue"), nullable=True),
        DatasetField("question", "string", _("The question residents are asked")),
        DatasetField("purpose", "string", _("Purpose")),
        DatasetField("case_number", "string", _("Registration number of the decision"), nullable=True),
        DatasetField("url", "string", _("The dialogue's page")),
    ),
    rows=dialogue_rows,
    to_row=dialogue_row,
    filters=(
        DatasetField("state", "string", _("Only dialogues in this state")),
        DatasetField("kind", "string", _("Only dialogues of this kind")),
        DatasetField("year", "integer", _("Only dialogues of this year")),
        DatasetField("body", "string", _("Only dialogues decided by this body (name or short name)")),
    ),
    detail=detail_by_pk(dialogue_rows, dialogue_row),
    keywords=("medborgardialog", "delaktighet", "demokrati"),
    theme="GOVE",
    order=10,
    extra={
        "choices": {"state": tuple(sorted(PUBLIC_STATES)), "kind": tuple(Kind.values)},
        "bounds": {"year": YEAR_BOUNDS},
    },
)


# Phases


def phase_rows(municipality, filters):
    qs = Phase.objects.filter(
        module__dialogue__municipality=municipality, module__dialogue__state__in=PUBLIC_STATES
    ).select_related("module")
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    return qs.order_by("module__dialogue_id", "starts_at", "id")


def phase_row(phase):
    return {
        "id": phase.pk,
        "dialogue_id": phase.module.dialogue_id,
        "module_id": phase.module_id,
        "module": phase.module.name,
        "method": phase.module.method,
        "phase_type": phase.phase_type,
        "name": phase.name,
        "starts_at": iso_or_none(phase.starts_at),
        "ends_at": iso_or_none(phase.ends_at),
    }


PHASES = Dataset(
    key="phases",
    title=_("Phases"),
    description=_("The ways to take part in each public dialogue (modules) and when each of their phases runs."),
    fields=(
        DatasetField("id", "integer", _("Identifier of the phase")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part) the phase belongs to")),
        DatasetField("module", "string", _("Name of the module")),
        DatasetField("method", "string", _("The participation method of the module")),
        DatasetField("phase_type", "string", _("The kind of phase")),
        DatasetField("name", "string", _("Name of the phase")),
        DatasetField("starts_at", "date-time", _("When the phase starts")),
        DatasetField("ends_at", "date-time", _("When the phase ends")),
    ),
    rows=phase_rows,
    to_row=phase_row,
    filters=(DatasetField("dialogue", "integer", _("Only phases of this dialogue")),),
    detail=detail_by_pk(phase_rows, phase_row),
    keywords=("medborgardialog", "delaktighet"),
    order=20,
)


# Results: the themes of the code book with the number of inputs tagged with each


def _with_counts(themes):
    """Give each theme its `input_count`, computing the counts once per dialogue."""
    counts = {}
    for theme in themes:
        if theme.dialogue_id not in counts:
            counts[theme.dialogue_id] = theme_counts(theme.dialogue)
        theme.input_count = counts[theme.dialogue_id].get(theme.pk, 0)
    return themes


def result_rows(municipality, filters):
    qs = Theme.objects.filter(dialogue__municipality=municipality, dialogue__state__in=RESULTS_STATES)
    if "dialogue" in filters:
        qs = qs.filter(dialogue_id=filters["dialogue"])
    return LazyRows(qs.select_related("dialogue").order_by("dialogue_id", "order", "name", "id"), _with_counts)


def result_row(theme):
    return {
        "id": theme.pk,
        "dialogue_id": theme.dialogue_id,
        "theme": theme.name,
        "description": theme.description,
        "inputs": theme.input_count,
    }


def result_detail(municipality, pk):
    themes = list(result_rows(municipality, {}).queryset.filter(pk=pk))
    return result_row(_with_counts(themes)[0]) if themes else None


RESULTS = Dataset(
    key="results",
    title=_("Results"),
    description=_(
        "What came in during a dialogue, sorted into themes: each theme of a dialogue with the number of inputs "
        "about it. Published when the results of the dialogue are compiled."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the theme")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("theme", "string", _("Name of the theme")),
        DatasetField("description", "string", _("What the theme covers")),
        DatasetField("inputs", "integer", _("Number of inputs about the theme")),
    ),
    rows=result_rows,
    to_row=result_row,
    filters=(DatasetField("dialogue", "integer", _("Only the results of this dialogue")),),
    detail=result_detail,
    keywords=("medborgardialog", "resultat", "synpunkter"),
    order=30,
)


def core_datasets():
    """The feedback dataset comes from followup, which keeps the feedback (followup/opendata.py)."""
    return [DIALOGUES, PHASES, RESULTS]
