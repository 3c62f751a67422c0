"""Map dialogues declare themselves to the participation registry; central code reads only this."""

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
            "Residents mark points, lines or areas on a map of the municipality with a category and a comment, "
            "support each other's input and comment on it. Without the map, they choose an address, a place or a "
            "district from a list. Staff enter what comes in by letter or on paper, by e-mail, by phone or at meetings."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.map_input.urls",
        staff_urls="delaktig.methods.map_input.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.INPUTS.participant_ids,
        module_template="map_input/module_summary.html",
        moderation_queue=selectors.INPUTS.moderation_queue,
        moderation_count=selectors.INPUTS.moderation_count,
        offline_channels=(Channel.PAPER, Channel.MEETING, Channel.PHONE, Channel.EMAIL),
        inputs=selectors.inputs,
        input_rows=selectors.INPUTS.input_rows,
        input_channels=selectors.INPUTS.input_channels,
        report_section=report.map_input_report_section,
        participant_addresses=selectors.participant_addresses,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "inputs": _("Places marked on the map"),
            "comments": _("Comments"),
            "supports": _("Supports"),
            "participants": _("Participants online"),
            "districts": _("Districts with input"),
        },
        audit_labels={
            "map_input.create": _("A resident marked a place on the map"),
            "map_input.enter_offline": _("Registered map input that came in another way"),
            "map_input.desk_undo": _("Took back map input just registered"),
            "map_input.support": _("A resident supported an input"),
            "map_input.unsupport": _("A resident took back a support"),
            "map_input.category_add": _("Added a category"),
            "map_input.category_change": _("Changed a category"),
            "map_input.category_delete": _("Removed a category"),
            "map_input.place_add": _("Added an address or place"),
            "map_input.place_change": _("Changed an address or place"),
            "map_input.place_delete": _("Removed an address or place"),
            "map_input.tile_source_set": _("Changed the map background"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.INPUTS.public_names_hide,
        desk_entry=desk.DESK_ENTRY,
    )
)
