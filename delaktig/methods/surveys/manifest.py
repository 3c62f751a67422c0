"""Surveys declare themselves to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, ParticipantEvaluation, registry

from . import desk, evaluation, navigation, opendata, report, selectors
from .about import METHOD_KEY, METHOD_NAME
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=METHOD_KEY,
        name=METHOD_NAME,
        description=_(
            "Residents answer questions with alternatives, scales and free text, on the web or on paper: open to "
            "anyone, to logged-in residents, or to an invited sample. The results are counted per question."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.surveys.urls",
        staff_urls="delaktig.methods.surveys.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="surveys/module_summary.html",
        offline_channels=(Channel.PAPER,),
        desk_entry=desk.DESK_ENTRY,
        inputs=selectors.inputs,
        input_rows=selectors.input_rows,
        input_channels=selectors.input_channels,
        report_section=report.surveys_report_section,
        decision_basis_tables=report.decision_basis_tables,
        participant_evaluation=ParticipantEvaluation(
            start=evaluation.evaluation_start, figures=evaluation.evaluation_figures
        ),
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "responses": _("Responses"),
            "paper_responses": _("Responses from paper"),
            "free_texts": _("Free-text answers"),
        },
        audit_labels={
            "surveys.survey_create": _("Made a survey"),
            "surveys.survey_update": _("Changed a survey's settings"),
            "surveys.survey_copy": _("Made a survey as a copy of another"),
            "surveys.survey_from_template": _("Made a survey from a template"),
            "surveys.section_add": _("Added a page to a survey"),
            "surveys.section_update": _("Changed a page of a survey"),
            "surveys.section_remove": _("Removed a page of a survey"),
            "surveys.section_move": _("Moved a page of a survey"),
            "surveys.question_add": _("Added a question to a survey"),
            "surveys.question_update": _("Changed a question of a survey"),
            "surveys.question_remove": _("Removed a question of a survey"),
            "surveys.question_move": _("Moved a question of a survey"),
            "surveys.results_publish": _("Published the results of a survey"),
            "surveys.results_unpublish": _("Took the results of a survey off the public pages"),
            "surveys.invitations_create": _("Invited people to answer a survey"),
            "surveys.invitations_remind": _("Reminded those invited to a survey"),
            "surveys.response_submit": _("Someone answered a survey"),
            "surveys.paper_enter": _("Entered a survey response from paper"),
            "surveys.paper_remove": _("Took back a paper response entered by mistake"),
            "surveys.evaluation_start": _("Made the participants' evaluation of a dialogue"),
            "surveys.evaluation_template_save": _("Made a survey the municipality's evaluation survey"),
            "surveys.evaluation_template_reset": _("Went back to the shipped evaluation survey"),
            "surveys.invitations_from_sample": _("Invited a sample of the citizen panel to a survey"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
    )
)
