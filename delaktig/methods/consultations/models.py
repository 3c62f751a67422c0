"""Document consultation: a document (a plan, programme or policy draft) in versions, each version stored as
chapters and paragraphs, commented on as a whole, per chapter or per paragraph.

Anchors are stable numbers within a document: a chapter or paragraph keeps its anchor in a new version when it lives
on there (versions.matched), so a comment written on version 1 still belongs to the same text in version 2.
Comments are the shared participation.Comment (targeting the document, a chapter or a paragraph); what this method
adds to each (whom the writer represents, the desk's private sender, the municipality's position) is a Remark.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel

REFERENCE_PREFIX = "SM"  # comment references read "SM-12"; the manifest declares the same prefix
TITLE_MAX = 200
COMMENT_MAX = 4000


class Source(models.TextChoices):
    MARKDOWN = "markdown", _("Markdown")
    DOCX = "docx", _("Word file")
    PASTED = "pasted", _("Pasted text")


class Represents(models.TextChoices):
    MYSELF = "myself", _("Myself")
    ORGANISATION = "organisation", _("An organisation")
    AUTHORITY = "authority", _("An authority")


class Position(models.TextChoices):
    TAKEN = "taken", _("Taken into account")
    PARTLY = "partly", _("Partly taken into account")
    NOT_TAKEN = "not_taken", _("Not taken into account")


class AnswerRole(models.TextChoices):
    OFFICER = "officer", _("Officer")
    POLITICIAN = "politician", _("Politician")


def _upload_to(instance, filename):
    return f"consultations/{instance.document.municipality_id}/{instance.document_id}/{filename}"


class Document(TimeStampedModel):
    """The document of one consultation module."""

    module = models.OneToOneField(
        "participation.Module", on_delete=models.CASCADE, related_name="consultation_document"
    )
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    next_anchor = models.PositiveIntegerField(default=1)  # the next unused anchor number in the document

    class Meta:
        verbose_name = _("consultation document")

    def __str__(self):
        return f"{self.module}"


class Version(TimeStampedModel):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    source = models.CharField(_("made from"), max_length=20, choices=Source.choices)
    note = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("version of a document")
        verbose_name_plural = _("versions of documents")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="consultation_version_unique")]

    def __str__(self):
        return f"{self.title} ({self.number})"


class FileKind(models.TextChoices):
    DOCX = "docx", _("Word file")
    PDF = "pdf", _("PDF file")


def _version_file_upload_to(instance, filename):
    document = instance.version.document
    return f"consultations/{document.municipality_id}/{document.pk}/{filename}"


class VersionFile(models.Model):
    """The whole document of a version as a file to download (Word or PDF): made once and kept (document_files.py),
    so that the public page can say each file's size, and made again when the pictures change."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=10, choices=FileKind.choices)
    file = models.FileField(upload_to=_version_file_upload_to)
    size = models.PositiveIntegerField()
    made_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "kind"], name="consultation_version_file_unique")]

    def __str__(self):
        return f"{self.version} ({self.kind})"


class Chapter(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="chapters")
    order = models.PositiveIntegerField()
    anchor = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=500, blank=True)
    level = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="consultation_chapter_anchor_unique"),
            models.UniqueConstraint(fields=["version", "order"], name="consultation_chapter_order_unique"),
        ]

    def __str__(self):
        return self.title

    @property
    def html_id(self):
        return f"kapitel-{self.anchor}"


class Image(TimeStampedModel):
    """A picture of the document, cleaned by core.images.photo_clean (no EXIF, at most 2048 pixels)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="images")
    name = models.CharField(_("file name"), max_length=200)  # what ![…](name) or a Word picture in the text names
    file = models.FileField(upload_to=_upload_to)
    description = models.CharField(_("description"), max_length=500)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Paragraph(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="paragraphs")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="paragraphs")
    order = models.PositiveIntegerField()
    anchor = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, default="text")  # text.Paragraph.kind: text, list, table or image
    text = models.TextField()
    source = models.CharField(max_length=300, blank=True)  # an image's file name in the text
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="consultation_paragraph_anchor_unique"),
            models.UniqueConstraint(fields=["version", "order"], name="consultation_paragraph_order_unique"),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def html_id(self):
        return f"stycke-{self.anchor}"

    @property
    def lines(self):
        return self.text.split("\n")


class Attachment(TimeStampedModel):
    """A PDF that belongs to the document (a map, an investigation)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=_upload_to)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self):
        return self.title


class Remark(models.Model):
    """What a consultation adds to a participation.Comment: where it was written, whom the writer represents, the
    sender of a letter or e-mail (never public) and the municipality's response and position for the report."""

    comment = models.OneToOneField(
        "participation.Comment", on_delete=models.CASCADE, primary_key=True, related_name="consultation_remark"
    )
    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="consultation_remarks")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="remarks")
    chapter_anchor = models.PositiveIntegerField(null=True, blank=True)  # None: on the whole document
    paragraph_anchor = models.PositiveIntegerField(null=True, blank=True)  # None: on the whole chapter or document
    represents = models.CharField(_("whom the comment represents"), max_length=20, choices=Represents.choices)
    organisation = models.CharField(_("name of the organisation or authority"), max_length=200, blank=True)
    # Entered at the desk: the day it came and who sent it (kept for the case, never shown publicly)
    received_on = models.DateField(_("date received"), null=True, blank=True)
    sender_name = models.CharField(_("sender"), max_length=200, blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices, blank=True)
    response = models.TextField(_("the municipality's response"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraph_anchor__isnull=True) | Q(chapter_anchor__isnull=False),
                name="consultation_remark_paragraph_in_chapter",
            ),
            models.CheckConstraint(
                condition=Q(represents="myself") | ~Q(organisation=""), name="consultation_remark_names_organisation"
            ),
        ]

    def __str__(self):
        return f"{REFERENCE_PREFIX}-{self.comment_id}"

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}-{self.comment_id}"


class Answer(TimeStampedModel):
    """An official answer to a comment by an officer or a politician, shown under the comment."""

    comment = models.ForeignKey("participation.Comment", on_delete=models.CASCADE, related_name="consultation_answers")
    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="consultation_answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("name shown"), max_length=120)
    role = models.CharField(_("answers as"), max_length=20, choices=AnswerRole.choices)
    text = models.TextField(_("answer"), max_length=COMMENT_MAX)

    class Meta:
        verbose_name = _("answer to a remark")
        verbose_name_plural = _("answers to remarks")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class SectionSummary(models.Model):
    """The staff's summary of the comments on one section (a chapter, or 0 for the whole document)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="summaries")
    chapter_anchor = models.PositiveIntegerField()  # 0: the document as a whole
    text = models.TextField(_("summary"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "chapter_anchor"], name="consultation_summary_unique")
        ]

    def __str__(self):
        return self.text[:60]


class Follower(models.Model):
    """A resident who wants an e-mail when official answers come."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "user"], name="consultation_follower_unique")]

    def __str__(self):
        return f"{self.user_id} → {self.document_id}"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ReportFile(TimeStampedModel):
    """The consultation report as Word and PDF files, made in the background when staff ask for it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="report_files")
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    docx = models.FileField(upload_to=_upload_to, blank=True)
    pdf = models.FileField(upload_to=_upload_to, blank=True)
    comments = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("consultation report")
        verbose_name_plural = _("consultation reports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.document} ({self.status})"

    @property
    def is_running(self):
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    def size_of(self, kind):
        """Size in bytes of a stored file, or None when it is missing (the page still renders)."""
        stored = getattr(self, kind)
        try:
            return stored.size if stored else None
        except (OSError, ValueError):
            return None

    @property
    def docx_size(self):
        return self.size_of("docx")

    @property
    def pdf_size(self):
        return self.size_of("pdf")
