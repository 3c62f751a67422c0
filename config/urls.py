from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from delaktig.accounts.views import admin_login
from delaktig.identity import views as identity_views
from delaktig.participation.urls import public_patterns, staff_patterns

urlpatterns = [
    path("", include("delaktig.proposals.urls")),  # first: a signing rush resolves its URL at once
    path("django-admin/login/", admin_login, name="admin_login"),  # through the site's login, with its limits
    path("django-admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("delaktig.identity.urls")),  # e-ID and staff single sign-on, before accounts' /konto/…
    path("", include("delaktig.accounts.urls")),  # /konto/… and /<municipality>/konto/…
    path("test-e-legitimation/", identity_views.test_provider, name="test_eid_provider_root"),  # 404 unless on
    path("test-e-legitimation/<path:rest>", identity_views.test_provider),
    path("", include("delaktig.organisations.urls")),
    path("", include("delaktig.foundation.urls")),
    path("", include("delaktig.privacy.urls")),
    path("", include("delaktig.dialogues.urls")),
    path("", include("delaktig.participation.staff_pages_urls")),
    path("", include("delaktig.mailings.urls")),
    path("", include("delaktig.results.urls")),
    path("", include("delaktig.council.urls")),
    path("", include("delaktig.matters.urls")),
    path("", include("delaktig.actionplan.urls")),
    path("", include("delaktig.baseline.urls")),
    path("", include("delaktig.panel.urls")),
    path("", include("delaktig.forums.urls")),
    path("", include("delaktig.decisionbasis.urls")),
    path("", include("delaktig.followup.urls")),
    path("", include("delaktig.reports.urls")),
    path("", include("delaktig.opendata.urls")),
    path("", include("delaktig.archive.urls")),
    path("", include("delaktig.demo.urls")),  # the demo inbox; 404 unless EMAIL_BACKEND is the demo one
    *public_patterns(),
    *staff_patterns(),
    path("", include("delaktig.core.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "delaktig.core.views.bad_request"
handler403 = "delaktig.core.views.permission_denied"
handler404 = "delaktig.core.views.page_not_found"
handler500 = "delaktig.core.views.server_error"
