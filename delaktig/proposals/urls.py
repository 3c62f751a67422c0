"""Proposals' URLs: one prefix each for residents and staff, so resolving costs a regex per group.

config/urls.py mounts these first: a signing rush resolves its URL after a handful of patterns.
"""

from django.urls import include, path

from . import signatures as signing
from .handling import public, staff

app_name = "proposals"

M = "<slug:municipality_slug>"

public_patterns = [
    path("<int:pk>/underteckna/", signing.sign, name="sign"),
    path("", public.proposal_list, name="list"),
    path("flode.atom", public.ProposalFeed(), name="feed"),
    path("nytt/", public.proposal_write, {"route": "epetition"}, name="write"),
    path("nytt/granska/", public.proposal_preview, name="preview"),
    path("nytt/skickat/<int:pk>/", public.proposal_submitted, name="submitted"),
    path("<int:pk>/", public.proposal_detail, name="detail"),
    path("<int:pk>/kommentera/", public.proposal_comment, name="comment"),
    path("<int:pk>/aterkalla/", public.proposal_withdraw, name="withdraw"),
    path("<int:pk>/underteckna/tack/", signing.sign_done, name="sign_done"),
    path("<int:pk>/underteckna/skicka-lanken-igen/", signing.signature_resend, name="signature_resend"),
    path("bekrafta/<str:token>/", signing.confirm, name="confirm_signature"),
    path("<int:pk>/antal.json", signing.count_json, name="count"),
]

staff_patterns = [
    path("<int:pk>/pappersunderskrifter/", signing.paper_signatures, name="paper_signatures"),
    path("ogiltigforklara/", signing.invalidate, name="invalidate"),
    path("", staff.proposal_list, name="staff_list"),
    path("moderering/", staff.moderation, name="moderation"),
    path("moderering/kommentarer/<int:comment_id>/", staff.comment_moderate, name="comment_moderate"),
    path("<int:pk>/", staff.proposal_detail, name="staff_detail"),
    path("<int:pk>/steg/<slug:step>/", staff.take_step, name="staff_step"),
    path("<int:pk>/beslut/", staff.decision, name="decision"),
    path("<int:pk>/svar/", staff.answer_mailing, name="answer_mailing"),
    path("<int:pk>/remiss/", staff.referral, name="referral"),
    path("<int:pk>/remiss/svar/", staff.referral_answer, name="referral_answer"),
    path("<int:pk>/diarienummer/", staff.number_change, name="number_change"),
    path("diarium.csv", staff.registry_csv, name="registry_csv"),
    path("installningar/", staff.settings_edit, name="settings"),
    path("kategorier/", staff.categories, name="categories"),
    path("rapport/", staff.unfinished_report, name="unfinished_report"),
    path("rapport.csv", staff.unfinished_report_csv, name="unfinished_report_csv"),
]

urlpatterns = [
    path(f"{M}/forslag/", include(public_patterns)),
    path(f"{M}/personal/forslag/", include(staff_patterns)),
    path(f"{M}/medborgarforslag/nytt/", public.proposal_write, {"route": "citizen_proposal"}, name="write_citizen"),
]
