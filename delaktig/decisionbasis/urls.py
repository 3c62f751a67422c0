from django.urls import path

from . import views

app_name = "decisionbasis"

B = "<slug:municipality_slug>/personal/dialoger/<int:dialogue_id>/beslutsunderlag"
V = f"{B}/v<int:version>"
# Public: a version sent to the board, beside the dialogue's public page.
P = "<slug:municipality_slug>/dialoger/<int:dialogue_id>/beslutsunderlag/v<int:version>"

urlpatterns = [
    path(f"{B}/", views.basis_list, name="list"),
    path(f"{B}/ny/", views.basis_generate, name="generate"),
    path(f"{V}/", views.basis_detail, name="detail"),
    path(f"{V}/pdf/", views.basis_download, {"kind": "pdf"}, name="pdf"),
    path(f"{V}/word/", views.basis_download, {"kind": "docx"}, name="docx"),
    path(f"{V}/samradsredogorelse/", views.basis_download, {"kind": "consultation"}, name="consultation"),
    path(f"{V}/bilaga/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path(f"{V}/skicka/", views.basis_send, name="send"),
    path("<slug:municipality_slug>/personal/beslutsunderlag/mall/", views.letterhead, name="letterhead"),
    path("<slug:municipality_slug>/personal/beslutsunderlag/mall/logotyp/", views.letterhead_logo, name="logo"),
    path(f"{P}/pdf/", views.public_download, {"kind": "pdf"}, name="public_pdf"),
    path(f"{P}/word/", views.public_download, {"kind": "docx"}, name="public_docx"),
    path(f"{P}/bilaga/<int:attachment_id>/", views.public_attachment_download, name="public_attachment"),
]
