"""Votes declare themselves to the participation registry; central code reads only this."""

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
            "Residents vote among alternatives staff publish: one choice, approval, a ranking or points to "
            "distribute, one ballot per person that can be changed until the vote closes, on the web or on paper. "
            "The results are published when the vote closes, with the ballots for anyone to recount."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.votes.urls",
        staff_urls="delaktig.methods.votes.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="votes/module_summary.html",
        offline_channels=(Channel.PAPER, Channel.MEETING),
        desk_entry=desk.DESK_ENTRY,
        decision_basis_tables=report.decision_basis_tables,
        report_section=report.votes_report_section,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "ballots": _("Ballots"),
            "paper_ballots": _("Ballots from paper"),
            "changed_ballots": _("Ballots changed after they were cast"),
        },
        audit_labels={
            "votes.vote_create": _("Set up a vote"),
            "votes.vote_update": _("Changed the ballot or who may vote"),
            "votes.alternative_add": _("Added an alternative to a vote"),
            "votes.alternative_update": _("Changed an alternative of a vote"),
            "votes.alternative_remove": _("Removed an alternative from a vote"),
            "votes.image_remove": _("Removed an image of an alternative"),
            "votes.ballot_cast": _("Someone voted"),
            "votes.ballot_change": _("Someone changed their ballot"),
            "votes.paper_enter": _("Entered a paper ballot"),
            "votes.paper_remove": _("Took back a paper ballot entered by mistake"),
        },
        staff_pages=navigation.staff_pages,
    )
)
