"""Follow-up's URLs: a dialogue's feedback and measures in the staff workspace, public measures and the feed."""

from django.urls import path

from .feeds import FeedbackFeed
from .views import public, staff

app_name = "followup"

M = "<slug:municipality_slug>"
S = f"{M}/personal/uppfoljning"
D = f"{S}/dialoger/<int:pk>"

urlpatterns = [
    # Public site
    path(f"{M}/aterkoppling/flode.atom", FeedbackFeed(), name="feed"),
    path(f"{M}/genomforande/", public.implementation, name="implementation"),
    # Staff workspace
    path(f"{S}/installningar/", staff.settings_edit, name="settings"),
    path(f"{D}/aterkoppling/", staff.feedback, name="feedback"),
    path(f"{D}/atgarder/", staff.measures, name="measures"),
    path(f"{D}/deltagarnas-utvardering/", staff.participants_evaluation, name="participants_evaluation"),
    path(f"{D}/atgarder/ny/", staff.measure_create, name="measure_create"),
    path(f"{D}/atgarder/<int:measure_id>/", staff.measure_edit, name="measure"),
    path(f"{D}/atgarder/<int:measure_id>/uppdatering/", staff.measure_update_add, name="measure_update"),
    path(f"{D}/atgarder/<int:measure_id>/steg/<slug:step>/", staff.measure_step, name="measure_step"),
]
