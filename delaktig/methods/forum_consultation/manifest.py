"""A forum consultation declares itself to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, registry

from . import navigation, selectors, services
from .models import KEY, REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=KEY,
        name=_("Consultation of a standing forum"),
        description=_(
            "A standing forum, such as the youth council or the pensioners' council, is asked about the matter. "
            "Its statements become inputs of the dialogue, in the results and the decision basis."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.forum_consultation.urls",
        staff_urls="delaktig.methods.forum_consultation.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=services.erase,
        participant_ids=selectors.participant_ids,
        module_template="forum_consultation/module_summary.html",
        offline_channels=(Channel.MEETING,),
        inputs=selectors.inputs,
        input_rows=selectors.input_rows,
        input_channels=selectors.input_channels,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={"statements": _("Statements of the forum")},
        audit_labels={
            "forum_consultation.forum_choose": _("Chose the forum to consult"),
            "forum_consultation.statement_record": _("Recorded the forum's statement"),
            "forum_consultation.statement_pick": _("Took a statement of the forum into the dialogue"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
    )
)
