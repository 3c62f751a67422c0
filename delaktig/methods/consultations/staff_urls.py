"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/consultations/."""

from django.urls import path

from .views import staff, staff_comments, staff_report

urlpatterns = [
    path("", staff.index, name="index"),
    path("importera/", staff.import_text, name="import"),
    path("bilder/", staff.images, name="images"),
    path("bilagor/", staff.attachments, name="attachments"),
    path("kommentarer/", staff_comments.comments, name="comments"),
    path("kommentarer/<int:comment_id>/", staff_comments.comment, name="comment"),
    path("redogorelse/", staff_report.report, name="report"),
    path("redogorelse/docx/", staff_report.report_docx, name="report_docx"),
    path("redogorelse/pdf/", staff_report.report_pdf, name="report_pdf"),
]
