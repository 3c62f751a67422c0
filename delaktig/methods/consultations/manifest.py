"""Document consultations declare themselves to the participation registry; central code reads only this."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.participation.models import Channel
from delaktig.participation.registry import MethodManifest, registry

from . import decision_basis, desk, navigation, selectors
from .about import METHOD_KEY, METHOD_NAME
from .models import REFERENCE_PREFIX
from .phases import PHASE_TYPES
from .rules import RESIDENT_ACTIONS, STAFF_ACTIONS

manifest = registry.register(
    MethodManifest(
        key=METHOD_KEY,
        name=METHOD_NAME,
        description=_(
            "Residents, organisations and authorities read a draft plan, programme or policy and comment on the "
            "whole, a chapter or a paragraph (samråd). Officers and politicians answer, and the consultation report "
            "gives the municipality's position on every comment."
        ),
        phase_types=PHASE_TYPES,
        public_urls="delaktig.methods.consultations.urls",
        staff_urls="delaktig.methods.consultations.staff_urls",
        resident_actions=RESIDENT_ACTIONS,
        staff_actions=STAFF_ACTIONS,
        stats=selectors.stats,
        export_rows=selectors.export_rows,
        personal_data=selectors.personal_data,
        erase=selectors.erase,
        participant_ids=selectors.participant_ids,
        module_template="consultations/module_summary.html",
        moderation_queue=selectors.moderation_queue,
        moderation_count=selectors.moderation_count,
        offline_channels=(Channel.PAPER, Channel.EMAIL),
        desk_entry=desk.DESK_ENTRY,
        inputs=selectors.inputs,
        participant_addresses=selectors.participant_addresses,
        decision_basis_documents=decision_basis.decision_basis_documents,
        reference_prefix=REFERENCE_PREFIX,
        stat_labels={
            "comments": pgettext_lazy("consultation", "Comments"),
            "by_organisations": _("Comments from organisations and authorities"),
            "by_letter": _("Comments by letter or e-mail"),
            "answers": _("Official answers"),
        },
        audit_labels={
            "consultations.version_create": _("Saved a version of a consultation document"),
            "consultations.version_publish": _("Published a version of a consultation document"),
            "consultations.version_discard": _("Removed a version of a consultation document that was not published"),
            "consultations.image_add": _("Added a picture to a consultation document"),
            "consultations.image_describe": _("Described a picture in a consultation document"),
            "consultations.attachment_add": _("Added an attachment to a consultation document"),
            "consultations.attachment_remove": _("Removed an attachment from a consultation document"),
            "consultations.comment_create": _("Commented on a consultation document"),
            "consultations.comment_undo": _("Took back a comment entered by mistake"),
            "consultations.answer_create": _("Answered a comment in a consultation"),
            "consultations.follow": _("Started following a consultation document"),
            "consultations.unfollow": _("Stopped following a consultation document"),
            "consultations.position_set": _("Set the municipality's position on a comment"),
            "consultations.summary_set": _("Summarised the comments on a part of a consultation document"),
            "consultations.report_request": _("Asked for the consultation report as Word and PDF"),
        },
        staff_pages=navigation.staff_pages,
        honours_public_identity=True,
        public_names_hide=selectors.public_names_hide,
    )
)
