"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/consultations/."""

from django.urls import path

from .views import public

urlpatterns = [
    path("", public.index, name="index"),
    path("kommentera/<slug:slug>/", public.comment, name="comment"),
    path("tack/", public.done, name="done"),
    path("folj/", public.follow, name="follow"),
    path("dokument.docx", public.download, {"kind": "docx"}, name="download"),
    path("dokument.pdf", public.download, {"kind": "pdf"}, name="download_pdf"),
    path("versioner/<int:version>/", public.changes, name="changes"),
    path("bilder/<int:image_id>/", public.image, name="image"),
    path("bilagor/<int:attachment_id>/", public.attachment, name="attachment"),
]
