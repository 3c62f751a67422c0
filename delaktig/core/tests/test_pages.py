import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from delaktig.core import views
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.models import Municipality
from delaktig.organisations.tests.factories import MunicipalityFactory


def url(name, municipality):
    return reverse(name, args=[municipality.slug])


@pytest.mark.django_db
def test_home_lists_open_dialogues_as_cards(client, municipality):
    open_one = dialogue_in_state(State.OPEN, municipality=municipality, title="Öppen dialog")
    dialogue_in_state(State.PLANNED, municipality=municipality, title="Kommande dialog")
    response = client.get(url("core:home", municipality))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Öppen dialog" in html
    assert "Kommande dialog" not in html
    assert f'{open_one.get_absolute_url()}#take-part"' in html
    assert str(open_one.ladder.label) in html
    for name in ("dialogues:list", "foundation:principles", "foundation:toolbox"):
        assert url(name, municipality) in html


@pytest.mark.django_db
def test_home_empty_state(client, municipality):
    response = client.get(url("core:home", municipality))
    assert response.status_code == 200
    assert response.context["open_dialogues"] == []
    assert 'class="notice"' in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_when_only_one_municipality(client, municipality):
    assert Municipality.objects.count() == 1
    response = client.get(reverse("core:root"))
    assert response.status_code == 302
    assert response["Location"] == url("core:home", municipality)


@pytest.mark.django_db
def test_root_lists_municipalities(client, municipality, other_municipality):
    html = client.get(reverse("core:root")).content.decode()
    assert municipality.name in html
    assert other_municipality.name in html


@pytest.mark.django_db
def test_root_without_municipalities(client):
    assert client.get(reverse("core:root")).status_code == 200


@pytest.mark.django_db
def test_inactive_municipality_is_404(client):
    muni = MunicipalityFactory(is_active=False)
    assert client.get(url("core:home", muni)).status_code == 404


@pytest.mark.django_db
def test_accessibility_statement(client, municipality):
    response = client.get(url("core:accessibility", municipality))
    html = response.content.decode()
    assert response.status_code == 200
    assert "digg.se" in html
    assert 'name="description"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_accessibility_report_valid(client, municipality):
    municipality.contact_email = "kommun@example.se"
    municipality.save()
    data = {"page": "Startsidan", "description": "Knappen går inte att nå med tangentbordet.", "email": ""}
    response = client.post(url("core:accessibility", municipality), data, follow=True)
    assert response.redirect_chain[-1] == (url("core:accessibility", municipality), 302)
    assert len(list(response.context["messages"])) == 1
    assert 'class="notice notice--success"' in response.content.decode()
    assert mail.outbox[0].to == ["kommun@example.se"]
    assert "tangentbordet" in mail.outbox[0].body


@pytest.mark.django_db
def test_accessibility_report_invalid_keeps_input(client, municipality):
    data = {"page": "Listan med dialoger", "description": "", "email": "inte-en-adress"}
    response = client.post(url("core:accessibility", municipality), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Listan med dialoger" in html
    assert "inte-en-adress" in html
    assert mail.outbox == []


@pytest.mark.django_db
def test_accessibility_report_huge_input(client, municipality):
    data = {"page": "x" * 10000, "description": "y" * 100000}
    assert client.post(url("core:accessibility", municipality), data).status_code == 200


@pytest.mark.django_db
def test_privacy_page(client, municipality):
    response = client.get(url("core:privacy", municipality))
    html = response.content.decode()
    assert response.status_code == 200
    assert "6.1 e" in html
    assert "sessionid" in html


@pytest.mark.django_db
def test_easy_read_is_swedish(client, municipality, settings):
    response = client.get(url("core:easy_read", municipality), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<div lang="sv">' in response.content.decode()
    assert "Säg vad du tycker" in response.content.decode()  # Swedish even when the reader chose English
    assert url("dialogues:list", municipality) in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["core:home", "core:privacy", "core:easy_read"])
def test_read_only_pages_refuse_post(client, municipality, name):
    assert client.post(url(name, municipality)).status_code == 405


@pytest.mark.django_db
def test_404_page_renders(client, municipality):
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    assert "errors/404.html" in [t.name for t in response.templates]
    assert reverse("core:root") in response.content.decode()
    inside = client.get(f"/{municipality.slug}/dialoger/123456/")
    assert inside.status_code == 404
    assert url("core:home", municipality) in inside.content.decode()


@pytest.mark.django_db
def test_400_and_403_pages_render(municipality):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.municipality = None
    assert views.bad_request(request).status_code == 400
    assert views.permission_denied(request).status_code == 403


def test_500_page_needs_no_request_context():
    response = views.server_error(None)
    assert response.status_code == 500
    assert 'href="/"' in response.content.decode()


def test_swedish_unless_the_visitor_chooses_english(client, municipality):
    response = client.get(f"/{municipality.slug}/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": f"/{municipality.slug}/"})
    response = client.get(f"/{municipality.slug}/")
    assert '<html lang="en">' in response.content.decode()


def test_input_the_database_cannot_hold_is_a_400(rf):
    from delaktig.core.middleware import BadInputMiddleware

    request = rf.get("/")
    request.municipality = None
    middleware = BadInputMiddleware(lambda r: None)
    assert middleware.process_exception(request, OverflowError("int too large to convert")).status_code == 400
    assert middleware.process_exception(request, KeyError("other")) is None


def test_a_form_sent_without_its_token_is_refused_with_an_explanation(municipality):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{municipality.slug}/tillganglighet/", {"page": "x", "description": "y"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


def test_reading_pages_take_the_municipality_from_the_cache_and_a_change_clears_it(client, municipality):
    from django.core.cache import cache

    from delaktig.core.middleware import municipality_cache_key

    client.get(f"/{municipality.slug}/")
    assert cache.get(municipality_cache_key(municipality.slug)) == municipality
    municipality.name = "Nytt namn"
    municipality.save()
    assert cache.get(municipality_cache_key(municipality.slug)) is None
    assert "Nytt namn" in client.get(f"/{municipality.slug}/").content.decode()


def test_this_process_keeps_its_own_copy_for_a_moment_and_forgets_it_on_save(client, municipality):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from delaktig.core import memo

    client.get(f"/{municipality.slug}/")
    cache.clear()  # the shared cache is gone (another process, a restart): this process's copy still serves
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/{municipality.slug}/integritet/").status_code == 200
    assert not [query for query in captured if 'FROM "organisations_municipality"' in query["sql"]]
    municipality.is_active = False
    municipality.save()
    assert client.get(f"/{municipality.slug}/").status_code == 404
    memo.clear_all()


def test_a_form_reads_the_municipality_fresh_unless_its_view_says_a_copy_will_do(client, municipality):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from delaktig.core import memo
    from delaktig.core.middleware import MunicipalityMiddleware, municipality_copy_will_do

    def municipality_queries(method, view):
        request = getattr(RequestFactory(), method)("/")
        with CaptureQueriesContext(connection) as captured:
            MunicipalityMiddleware(lambda r: None).process_view(
                request, view, (), {"municipality_slug": municipality.slug}
            )
        assert request.municipality == municipality
        return [query for query in captured if 'FROM "organisations_municipality"' in query["sql"]]

    def plain(request):
        return None

    client.get(f"/{municipality.slug}/")  # this process now holds a copy
    assert municipality_queries("get", plain) == []
    assert len(municipality_queries("post", plain)) == 1
    assert municipality_queries("post", municipality_copy_will_do(lambda request: None)) == []
    memo.clear_all()


def test_numbers_have_thin_thousands_and_a_decimal_comma():
    from delaktig.core.templatetags.delaktig import number

    assert number(12345) == "12\u00a0345"
    assert number(12.5) == "12,5" and number(1234.25) == "1\u00a0234,2"
    assert number(None) == "" and number("färre än 5") == "färre än 5"


def test_ids_and_numbers_in_attributes_are_never_written_with_a_thousands_separator():
    """USE_THOUSAND_SEPARATOR writes 1302 as "1 302" wherever a template prints a number: in an id, a form
    value or a progress bar's max that breaks the page once a table passes 999 rows."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    attribute = r'(?:id|for|value|max|min|aria-labelledby)="[^"]*'
    number = r"\{\{ *[\w.]*(?:\.pk|\.id|total|sent|count|threshold) *\}\}"
    bare = re.compile(attribute + number)
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.glob("**/templates/**/*.html")
        for match in bare.finditer(path.read_text())
    ]
    assert not found, "\n".join(found)
