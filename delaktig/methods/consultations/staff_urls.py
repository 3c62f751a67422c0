"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/consultations/."""

from django.urls import path

from .views import staff, staff_comments, staff_report

urlpatterns = [
    path("", staff.index, name="index"),
    path("importera/", staff.import_text, name="import"),
    path("versioner/<int:version>/publicera/", staff.version_publish, name="version_publish"),
    path("versioner/<int:version>/ta-bort/", staff.version_discard, name="version_discard"),
    path("bilder/", staff.images, name="images"),
    path("bilagor/", staff.attachments, name="attachments"),
    path("bilagor/<int:attachment_id>/ta-bort/", staff.attachment_remove, name="attachment_remove"),
    path("kommentarer/", staff_comments.comments, name="comments"),
    path("kommentarer/<int:comment_id>/", staff_comments.comment, name="comment"),
    path("kommentarer/<int:comment_id>/moderera/", staff_comments.moderate, name="moderate"),
    path("samradsredogorelse/", staff_report.report, name="report"),
    path("samradsredogorelse/sammanfattning/<int:index>/", staff_report.summary, name="summary"),
    path("samradsredogorelse/samradsredogorelse.docx", staff_report.report_docx, name="report_docx"),
    path("samradsredogorelse/samradsredogorelse.pdf", staff_report.report_pdf, name="report_pdf"),
]
