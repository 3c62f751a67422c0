"""Participatory budgeting declares itself to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, registry

from . import desk, navigation, opendata, report, selectors
from .about import METHOD_KEY, METHOD_NAME
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=METHOD_KEY,
        name=METHOD_NAME,
        description=_(
            "Residents propose projects, staff review each for feasibility and cost, and residents vote within the "
            "budget: one budget per district and one for the whole municipality. The winners are counted by the rule "
            "the municipality chose and followed up as measures."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.budgeting.urls",
        staff_urls="delaktig.methods.budgeting.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="budgeting/module_summary.html",
        moderation_queue=selectors.INPUTS.moderation_queue,
        moderation_count=selectors.INPUTS.moderation_count,
        offline_channels=(Channel.PAPER, Channel.MEETING, Channel.EMAIL),
        inputs=selectors.inputs,
        input_rows=selectors.INPUTS.input_rows,
        input_channels=selectors.INPUTS.input_channels,
        participant_addresses=selectors.participant_addresses,
        decision_basis_tables=selectors.decision_basis_tables,
        measures_offered=selectors.measures_offered,
        report_section=report.budgeting_report_section,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "inputs": _("Proposals"),
            "comments": _("Comments"),
            "supports": _("Supports"),
            "participants": _("Participants online"),
            "on_ballot": _("Proposals on the ballot"),
            "ballots": _("Ballots"),
            "voters": _("Voters"),
        },
        audit_labels={
            "budgeting.propose": _("A resident proposed a project"),
            "budgeting.enter_offline": _("Registered a proposal that came in another way"),
            "budgeting.desk_undo": _("Took back a proposal just registered"),
            "budgeting.support": _("A resident supported a proposal"),
            "budgeting.unsupport": _("A resident took back a support"),
            "budgeting.review": _("Reviewed a proposal's feasibility and cost"),
            "budgeting.budget_add": _("Added a budget"),
            "budgeting.budget_change": _("Changed a budget"),
            "budgeting.rule_set": _("Chose the counting rule"),
            "budgeting.district_declare": _("A resident said which district they live in"),
            "budgeting.ballot_cast": _("A resident voted"),
            "budgeting.ballot_change": _("A resident changed their ballot"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
        desk_entry=desk.DESK_ENTRY,
    )
)
