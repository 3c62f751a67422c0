"""Statements and opinion groups declare themselves to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import MethodManifest, registry

from . import navigation, opendata, report, selectors
from .about import METHOD_KEY, METHOD_NAME
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=METHOD_KEY,
        name=METHOD_NAME,
        description=_(
            "Residents vote agree, disagree or pass on short statements, one at a time, and add statements of their "
            "own. The votes show opinion groups: people who think alike, what sets each group apart, and what "
            "all groups share."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.statements.urls",
        staff_urls="delaktig.methods.statements.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="statements/module_summary.html",
        moderation_queue=selectors.moderation_queue,
        moderation_count=selectors.moderation_count,
        inputs=selectors.inputs,
        input_rows=selectors.input_rows,
        input_channels=selectors.input_channels,
        participant_addresses=selectors.participant_addresses,
        report_section=report.statements_report_section,
        decision_basis_tables=report.decision_basis_tables,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "statements": _("Statements to vote on"),
            "votes": _("Votes on statements"),
            "participants": _("Participants online"),
        },
        audit_labels={
            "statements.seed": _("Wrote a statement to start the conversation"),
            "statements.create": _("A resident wrote a statement"),
            "statements.vote": _("A resident voted on a statement"),
            "statements.vote_change": _("A resident changed their vote on a statement"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
    )
)
