"""Coming matters: the public list under /<kommun>/kommande-beslut/, staff pages under /personal/arenden/."""

from django.urls import path

from .views import public, staff

app_name = "matters"

M = "<slug:municipality_slug>"
S = f"{M}/personal/arenden"

urlpatterns = [
    path(f"{M}/kommande-beslut/", public.coming, name="coming"),
    path(f"{S}/", staff.matters, name="staff_list"),
    path(f"{S}/nytt/", staff.matter_new, name="staff_new"),
    path(f"{S}/<int:pk>/", staff.matter, name="staff_matter"),
    path(f"{S}/<int:pk>/andra/", staff.matter_edit, name="staff_edit"),
    path(f"{S}/<int:pk>/dialog/", staff.matter_link, name="staff_link"),
    path(f"{S}/<int:pk>/beslutat/", staff.matter_decided, name="staff_decided"),
    path(f"{S}/<int:pk>/stycke.docx", staff.paragraph_download, {"kind": "docx"}, name="staff_paragraph_docx"),
    path(f"{S}/<int:pk>/stycke.txt", staff.paragraph_download, {"kind": "txt"}, name="staff_paragraph_txt"),
]
