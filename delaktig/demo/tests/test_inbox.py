"""The demo inbox: the backend keeps each e-mail, the pages list and show it, and only while the backend is on."""

import datetime

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from delaktig.demo.hooks import demo_inbox_prune
from delaktig.demo.inbox import text_with_links
from delaktig.demo.mail import BACKEND
from delaktig.demo.models import DemoMail


@pytest.fixture
def demo_inbox(settings, db):
    settings.EMAIL_BACKEND = BACKEND


def send(subject="Bekräfta din underskrift", body="Hej!", to=("rut@example.se",)):
    EmailMessage(subject, body, "noreply@delaktig.example", list(to)).send()


def test_the_backend_keeps_every_email_with_its_html_and_attachment_names(demo_inbox):
    message = EmailMultiAlternatives("Rapport", "Se bilagan.", "noreply@delaktig.example", ["a@example.se"], ["b@x.se"])
    message.attach_alternative("<p>Se <b>bilagan</b>.</p>", "text/html")
    message.attach("rapport.csv", "a;b\n", "text/csv")
    assert message.send() == 1
    kept = DemoMail.objects.get()
    assert kept.recipients() == ["a@example.se", "b@x.se"]
    assert (kept.subject, kept.body, kept.from_email) == ("Rapport", "Se bilagan.", "noreply@delaktig.example")
    assert kept.html == "<p>Se <b>bilagan</b>.</p>" and kept.attachments == ["rapport.csv"]
    assert kept.sent_at is not None


def test_the_inbox_pages_are_404_when_the_demo_backend_is_off(client, db):
    kept = DemoMail.objects.create(to="rut@example.se", subject="Hej", body="Hej", html="<p>Hej</p>")
    for url in (
        reverse("demo:inbox"),
        reverse("demo:message", args=[kept.pk]),
        reverse("demo:message_html", args=[kept.pk]),
    ):
        assert client.get(url).status_code == 404
    assert "demoinkorg" not in client.get("/").content.decode()


def test_every_page_says_where_the_email_goes_when_the_demo_backend_is_on(client, demo_inbox, municipality):
    page = client.get(f"/{municipality.slug}/").content.decode()
    assert "Demo: e-post skickas inte på riktigt, den hamnar i demoinkorgen." in page
    assert f'href="{reverse("demo:inbox")}"' in page


def test_the_inbox_lists_newest_first_searches_by_recipient_and_pages(client, demo_inbox):
    for n in range(30):
        send(subject=f"Mejl {n}", to=[f"person{n % 3}@example.se"])
    DemoMail.objects.filter(subject="Mejl 0").update(sent_at=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(reverse("demo:inbox")).content.decode()
    assert "30 e-postmeddelanden" in page
    assert page.index("Mejl 29") < page.index("Mejl 28")
    assert "Mejl 0<" not in page and "Sida 1 av 2" in page
    second = client.get(reverse("demo:inbox"), {"page": 2}).content.decode()
    assert "Mejl 0<" in second
    found = client.get(reverse("demo:inbox"), {"till": "PERSON1@"}).content.decode()
    assert "10 e-postmeddelanden" in found and "person0@" not in found
    none = client.get(reverse("demo:inbox"), {"till": "nobody"}).content.decode()
    assert "Ingen e-post till den adressen." in none
    assert "Alla som använder demon kan läsa den." in page


def test_the_message_shows_the_text_escaped_with_its_web_addresses_as_links(client, demo_inbox):
    link = "http://127.0.0.1:8000/hagby/forslag/1/bekrafta/abc/"
    send(body=f'Hej <b>Rut</b>!\n\nBekräfta här: {link}.\nVänliga "hälsningar"')
    kept = DemoMail.objects.get()
    page = client.get(reverse("demo:message", args=[kept.pk])).content.decode()
    assert "Hej &lt;b&gt;Rut&lt;/b&gt;!" in page
    assert '<a href="http://127.0.0.1:8000/hagby/forslag/1/bekrafta/abc/">' in page
    assert "rut@example.se" in page and "Demoinkorg" in page


def test_links_are_made_only_of_http_addresses_and_everything_else_is_escaped():
    html = text_with_links('javascript:alert(1) <script>x</script> https://a.example/?q="1"&b=2), www.b.example\nrad 2')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://a.example/?q=' not in html.split("javascript")[0]
    assert html.count("<a ") == 1
    assert '<a href="https://a.example/?q=">' in html  # the quote ends the address
    assert "<br>" in html and html.startswith("<p>")


def test_the_html_version_is_shown_in_a_sandbox(client, demo_inbox):
    message = EmailMultiAlternatives("Hej", "Hej", None, ["rut@example.se"])
    message.attach_alternative("<p>Hej</p><script>alert(1)</script>", "text/html")
    message.send()
    kept = DemoMail.objects.get()
    response = client.get(reverse("demo:message_html", args=[kept.pk]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert client.get(reverse("demo:message_html", args=[kept.pk + 1])).status_code == 404


def test_old_demo_email_is_pruned(demo_inbox, settings):
    settings.DEMO_INBOX_KEEP_DAYS = 7
    send(subject="gammal")
    send(subject="ny")
    DemoMail.objects.filter(subject="gammal").update(sent_at=timezone.now() - datetime.timedelta(days=8))
    assert demo_inbox_prune() == {"demo_emails_deleted": 1}
    assert list(DemoMail.objects.values_list("subject", flat=True)) == ["ny"]


def test_nothing_is_kept_while_the_backend_is_another(db):
    send()
    assert len(mail.outbox) == 1 and not DemoMail.objects.exists()
