"""Dialogue meetings declare themselves to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Channel
from delaktig.participation.registry import DeskEntry, MethodManifest, registry

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
            "Residents register for meetings in their part of the municipality, with a waiting list when a meeting "
            "is full. Afterwards staff record what was said, so it is counted with the input given online."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.dialogue_meetings.urls",
        staff_urls="delaktig.methods.dialogue_meetings.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        people_counted=selectors.people_counted,
        module_template="dialogue_meetings/module_summary.html",
        offline_channels=(Channel.MEETING, Channel.PAPER),
        desk_entry=DeskEntry(
            form_class=desk.StatementDeskForm,
            save=desk.desk_save,
            undo=desk.desk_undo,
            occasions=desk.desk_occasions,
        ),
        inputs=selectors.inputs,
        input_rows=selectors.input_rows,
        input_channels=selectors.input_channels,
        report_section=report.dialogue_meetings_report_section,
        update_recipients=selectors.update_recipients,
        participant_addresses=selectors.participant_addresses,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "meetings": _("Meetings"),
            "registered": _("People registered"),
            "waiting": _("People on waiting lists"),
            "present": _("People present"),
            "statements": _("Statements recorded"),
        },
        audit_labels={
            "dialogue_meetings.register": _("Someone registered for a meeting"),
            "dialogue_meetings.registration.cancel": _("A registration for a meeting was cancelled"),
            "dialogue_meetings.registration.promote": _("A place at a meeting went to the first on the waiting list"),
            "dialogue_meetings.meeting_create": _("Added a meeting"),
            "dialogue_meetings.meeting_update": _("Changed a meeting"),
            "dialogue_meetings.meeting_move": _("Moved a meeting"),
            "dialogue_meetings.meeting.cancel": _("Cancelled a meeting"),
            "dialogue_meetings.meeting_record": _("Recorded what happened at a meeting"),
            "dialogue_meetings.statement_enter": _("Recorded what was said at a meeting"),
            "dialogue_meetings.statement_remove": _("Took back a statement recorded by mistake"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
    )
)
