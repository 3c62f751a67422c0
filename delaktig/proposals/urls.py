from django.urls import path

from .views import public, signing, staff

app_name = "proposals"

M = "<slug:municipality_slug>"
P = f"{M}/forslag"
S = f"{M}/personal/forslag"

urlpatterns = [
    # Residents: reading, proposing, following up
    path(f"{P}/", public.proposal_list, name="list"),
    path(f"{P}/flode.atom", public.ProposalFeed(), name="feed"),
    path(f"{P}/nytt/", public.proposal_write, {"route": "epetition"}, name="write"),
    path(f"{M}/medborgarforslag/nytt/", public.proposal_write, {"route": "citizen_proposal"}, name="write_citizen"),
    path(f"{P}/nytt/granska/", public.proposal_preview, name="preview"),
    path(f"{P}/nytt/skickat/<int:pk>/", public.proposal_submitted, name="submitted"),
    path(f"{P}/<int:pk>/", public.proposal_detail, name="detail"),
    path(f"{P}/<int:pk>/kommentera/", public.proposal_comment, name="comment"),
    path(f"{P}/<int:pk>/aterkalla/", public.proposal_withdraw, name="withdraw"),
    # Signing
    path(f"{P}/<int:pk>/underteckna/", signing.sign, name="sign"),
    path(f"{P}/<int:pk>/underteckna/tack/", signing.sign_done, name="sign_done"),
    path(f"{P}/bekrafta/<str:token>/", signing.confirm, name="confirm_signature"),
    path(f"{P}/<int:pk>/antal.json", signing.count_json, name="count"),
    path(f"{S}/<int:pk>/pappersunderskrifter/", signing.paper_signatures, name="paper_signatures"),
    path(f"{S}/ogiltigforklara/", signing.invalidate, name="invalidate"),
    # Staff: moderation, handling, records, settings, reports
    path(f"{S}/", staff.proposal_list, name="staff_list"),
    path(f"{S}/moderering/", staff.moderation, name="moderation"),
    path(f"{S}/moderering/kommentarer/<int:comment_id>/", staff.comment_moderate, name="comment_moderate"),
    path(f"{S}/<int:pk>/", staff.proposal_detail, name="staff_detail"),
    path(f"{S}/<int:pk>/steg/<slug:step>/", staff.take_step, name="staff_step"),
    path(f"{S}/<int:pk>/beslut/", staff.decision, name="decision"),
    path(f"{S}/<int:pk>/svar/", staff.answer_mailing, name="answer_mailing"),
    path(f"{S}/diarium.csv", staff.registry_csv, name="registry_csv"),
    path(f"{S}/installningar/", staff.settings_edit, name="settings"),
    path(f"{S}/kategorier/", staff.categories, name="categories"),
    path(f"{S}/rapport/", staff.unfinished_report, name="unfinished_report"),
    path(f"{S}/rapport.csv", staff.unfinished_report_csv, name="unfinished_report_csv"),
]
