"""Swedish is the residents' language: every app's catalogue is complete, with nothing left fuzzy."""

import re
from pathlib import Path

import pytest

DELAKTIG = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(DELAKTIG.glob("**/locale/sv/LC_MESSAGES/django.po"))
METHOD_APPS = {path.parent.name for path in (DELAKTIG / "methods").glob("*/apps.py")}


def entries(path):
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"', block, re.M)
        if msgid and not block.lstrip().startswith("#~") and (msgid.group(1) or '\n"' in block.split("msgstr")[0]):
            yield block


def test_every_app_with_text_has_a_catalogue():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert {"core", "organisations", "accounts", "foundation", "dialogues", "participation"} <= apps
    assert apps >= METHOD_APPS, "every participation method speaks Swedish"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_complete(path):
    untranslated = [
        block.split("\n")[-2 if "msgid_plural" in block else -1]
        for block in entries(path)
        if re.search(r'^msgstr(\[\d\])? ""\s*\Z', block, re.M) and not re.search(r'^"', block.split("msgstr")[-1], re.M)
    ]
    fuzzy = [block for block in entries(path) if "#, fuzzy" in block]
    assert not untranslated, f"{len(untranslated)} untranslated in {path}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {path}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_header_is_swedish_and_not_fuzzy(path):
    """A fuzzy header is emptied by `msgattrib --clear-fuzzy --empty`, and the catalogue then loses its charset."""
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    assert "#, fuzzy" not in header
    assert '"Language: sv\\n"' in header and "charset=UTF-8" in header
