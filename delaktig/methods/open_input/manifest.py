"""Open input declares itself to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, registry

from . import desk, navigation, opendata, public_names, report, selectors
from .about import METHOD_KEY, METHOD_NAME
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=METHOD_KEY,
        name=METHOD_NAME,
        description=_(
            "Residents write ideas and views on the question, support each other's input and comment on it. "
            "Staff enter what comes in on paper, at meetings, by e-mail or by phone."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.open_input.urls",
        staff_urls="delaktig.methods.open_input.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.INPUTS.participant_ids,
        module_template="open_input/module_summary.html",
        moderation_queue=selectors.INPUTS.moderation_queue,
        moderation_count=selectors.INPUTS.moderation_count,
        offline_channels=(Channel.PAPER, Channel.MEETING, Channel.EMAIL, Channel.PHONE),
        inputs=selectors.inputs,
        input_rows=selectors.INPUTS.input_rows,
        input_channels=selectors.INPUTS.input_channels,
        report_section=report.open_input_report_section,
        update_recipients=selectors.update_recipients,
        participant_addresses=selectors.participant_addresses,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "inputs": _("Inputs received"),
            "comments": _("Comments"),
            "supports": _("Supports"),
            "participants": _("Participants online"),
            "offline_inputs": _("Inputs on paper, at meetings, by e-mail or phone"),
        },
        audit_labels={
            "open_input.create": _("A resident wrote an input"),
            "open_input.enter_offline": _("Registered input that came in another way"),
            "open_input.desk_undo": _("Took back input just registered"),
            "open_input.categories_set": _("Changed the categories"),
            "open_input.support": _("A resident supported an input"),
            "open_input.unsupport": _("A resident took back a support"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=public_names.public_names_hide,
        desk_entry=desk.DESK_ENTRY,
    )
)
