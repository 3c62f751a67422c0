"""The citizen panel: public pages under /<kommun>/medborgarpanel/, staff pages under /personal/medborgarpanel/."""

from django.urls import path

from .views import public, staff

app_name = "panel"

M = "<slug:municipality_slug>"
P = f"{M}/medborgarpanel"
S = f"{M}/personal/medborgarpanel"

urlpatterns = [
    # Public site; the pages with a token work without login, by the links in e-mails.
    path(f"{P}/", public.signup, name="signup"),
    path(f"{P}/skickat/", public.signup_sent, name="signup_sent"),
    path(f"{P}/bekrafta/<str:token>/", public.confirm, name="confirm"),
    path(f"{P}/valkommen/<str:token>/", public.welcome, name="welcome"),
    path(f"{P}/lamna/<str:token>/", public.leave, name="leave"),
    path(f"{P}/du-har-lamnat/", public.left, name="left"),
    path(f"{P}/mina-uppgifter/", public.my_data_request, name="my_data_request"),
    path(f"{P}/mina-uppgifter/<str:token>/", public.my_data, name="my_data"),
    path(f"{P}/mina-uppgifter/<str:token>/radera/", public.erase, name="erase"),
    # Staff workspace
    path(f"{S}/", staff.overview, name="staff_overview"),
    path(f"{S}/medlemmar/", staff.members, name="staff_members"),
    path(f"{S}/medlemmar/<int:pk>/", staff.member, name="staff_member"),
    path(f"{S}/importera/", staff.import_members, name="staff_import"),
    path(f"{S}/sammansattning/", staff.composition, name="staff_composition"),
    path(f"{S}/sammansattning.csv", staff.composition_csv, name="staff_composition_csv"),
    path(f"{S}/urval/", staff.samples, name="staff_samples"),
    path(f"{S}/urval/nytt/", staff.sample_new, name="staff_sample_new"),
    path(f"{S}/urval/<int:pk>/", staff.sample, name="staff_sample"),
    path(f"{S}/installningar/", staff.settings_edit, name="staff_settings"),
]
