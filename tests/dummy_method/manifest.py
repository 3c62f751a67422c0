"""The dummy method declares itself to the registry like any method; it is installed only when tests run."""

from delaktig.organisations.models import Role
from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, registry

from . import desk, opendata, selectors
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES

manifest = registry.register(
    MethodManifest(
        key=selectors.KEY,
        name=selectors.NAME,
        description="A participation method that exists only in tests.",
        phase_types=PHASE_TYPES,
        public_urls="tests.dummy_method.urls",
        staff_urls="tests.dummy_method.staff_urls",
        resident_actions=frozenset({"post", "comment", "support"}),
        staff_actions={"moderate": frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER})},
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="dummy_method/module_summary.html",
        moderation_queue=selectors.moderation_queue,
        moderation_count=selectors.moderation_count,
        offline_channels=(Channel.PAPER, Channel.MEETING),
        inputs=selectors.inputs,
        input_rows=selectors.input_rows,
        input_channels=selectors.input_channels,
        update_recipients=selectors.update_recipients,
        participant_addresses=selectors.participant_addresses,
        report_section=selectors.report_section,
        measures_offered=selectors.measures_offered,
        datasets=opendata.DATASETS,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={"inputs": "Dummy inputs", "comments": "Dummy comments", "participants": "Dummy participants"},
        audit_labels={
            "dummy_method.create": "Wrote a dummy input",
            "dummy_method.enter": "Entered a dummy input",
            "dummy_method.desk_undo": "Took back a dummy input entered at the desk",
        },
        staff_pages=selectors.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
        desk_entry=desk.DESK_ENTRY,
    )
)
