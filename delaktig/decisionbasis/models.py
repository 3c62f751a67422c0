"""The decision basis: the report the deciding body reads, in versions, as PDF and Word.

Each generation is a new row (version 1, 2, … per dialogue); a row is never generated twice into another
version's files. The row carries its own progress while the background task renders it.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.background.jobs import ProgressRow
from delaktig.core.models import TimeStampedModel

# "1.", "2)", "-", "•" typed at the start of a line of the proposed decision: the document numbers the points itself.
TYPED_NUMBERING = re.compile(r"^\s*(?:\d+\s*[.):]|[-–•*])\s*")


def proposed_points(text):
    points = (TYPED_NUMBERING.sub("", line).strip() for line in (text or "").splitlines())
    return tuple(point for point in points if point)


class Status(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


def _upload_to(instance, filename):
    return f"decisionbasis/{instance.dialogue.municipality_id}/{instance.dialogue_id}/{filename}"


class DecisionBasis(ProgressRow, TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="decision_bases")
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40)
    assessment = models.TextField(_("officer's assessment"))
    consultation_text = models.TextField(_("consultation report"), blank=True)
    consultation_file = models.FileField(_("consultation report (PDF)"), upload_to=_upload_to, blank=True)
    representativeness_text = models.TextField(_("comment on representativeness"), blank=True)
    representativeness_computed = models.TextField(blank=True)  # written by the generation, from the figures
    # The officer's report (tjänsteskrivelse): to whom, what is proposed, who signs. Names are copied as text, so a
    # version says what it said when it was made, whatever happens to the body or the person later.
    addressee = models.CharField(_("to"), max_length=160, blank=True)
    department = models.CharField(_("department"), max_length=160, blank=True)
    background = models.TextField(_("background of the matter"), blank=True)
    proposed_decision = models.TextField(_("proposed decision"), blank=True)  # one point per line
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    signer_title = models.CharField(pgettext_lazy("person", "title"), max_length=120, blank=True)
    # The child-rights assessment (barnkonsekvensanalys) is part of the version when children are affected.
    children_affected = models.BooleanField(_("children are affected"), default=False)
    child_rights_text = models.TextField(_("child-rights assessment"), blank=True)
    # Sent to the deciding body: from then on a public document (allmän handling) that anyone may read.
    sent_at = models.DateTimeField(_("sent to the board"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to=_upload_to, blank=True)
    docx = models.FileField(upload_to=_upload_to, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("decision basis")
        verbose_name_plural = _("decision bases")
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "version"], name="decision_basis_version_unique"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="decision_basis_progress_max_100"),
            models.CheckConstraint(condition=~Q(registration_number=""), name="decision_basis_has_registration"),
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(status="done"), name="decision_basis_sent_only_when_done"
            ),
        ]

    def __str__(self):
        return f"{self.registration_number} v{self.version}"

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def proposed_points(self):
        """The proposed decision as its numbered points: one per non-empty line, any typed numbering removed."""
        return proposed_points(self.proposed_decision)

    @property
    def pdf_size(self):
        return self.size_of("pdf")

    @property
    def docx_size(self):
        return self.size_of("docx")

    @property
    def consultation_size(self):
        return self.size_of("consultation_file")

    def consultation_file_name(self):
        """The uploaded consultation report's name for people (the stored name may carry a storage suffix)."""
        return f"samradsredogorelse-v{self.version}.pdf"

    def file_name(self, extension):
        """Swedish file name: beslutsunderlag-<regnr>-v<n>.<ext>, the number made safe for a file name."""
        safe = "".join(c if c.isalnum() else "-" for c in self.registration_number).strip("-")
        while "--" in safe:
            safe = safe.replace("--", "-")
        return f"beslutsunderlag-{safe}-v{self.version}.{extension}"


def _logo_upload_to(instance, filename):
    return f"decisionbasis/{instance.municipality_id}/logo/{filename}"


class Letterhead(TimeStampedModel):
    """The municipality's own look of its decision basis: the logo at the top of the first page. The fixed texts and
    the order of the sections come from the handbook's template page (layout.py)."""

    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="decision_basis_letterhead"
    )
    logo = models.FileField(_("logo"), upload_to=_logo_upload_to, blank=True)

    class Meta:
        verbose_name = _("letterhead of the decision basis")
        verbose_name_plural = _("letterheads of the decision basis")

    def __str__(self):
        return str(self.municipality)


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"
    PNG = "png", pgettext_lazy("file type", "PNG image")
    JPEG = "jpeg", pgettext_lazy("file type", "JPEG image")


ATTACHMENT_CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AttachmentKind.PNG: "image/png",
    AttachmentKind.JPEG: "image/jpeg",
}


def _attachment_upload_to(instance, filename):
    return f"decisionbasis/{instance.basis.dialogue.municipality_id}/{instance.basis.dialogue_id}/bilagor/{filename}"


class Attachment(TimeStampedModel):
    """A file the officer attaches to a version (a map, a survey report, an earlier decision): listed among the
    attachments, carried inside the PDF, and public with the version once it is sent to the board."""

    basis = models.ForeignKey(DecisionBasis, on_delete=models.CASCADE, related_name="attachments")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("file type"), max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(_("size"))
    file = models.FileField(upload_to=_attachment_upload_to)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name

    @property
    def content_type(self):
        return ATTACHMENT_CONTENT_TYPES[AttachmentKind(self.kind)]
