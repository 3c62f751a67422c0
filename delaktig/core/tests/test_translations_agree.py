"""Django merges every app's catalogue into one, so a (context, msgid) has one Swedish wording across all apps.

When two apps translate the same msgid differently, only one of them wins (by INSTALLED_APPS order) and the other
app shows a wording it did not choose. Where the meaning differs, the msgid needs a context (pgettext, `context`
in templates); where only the wording differs, every app uses the same one.
"""

import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = sorted(
    path for folder in ("delaktig", "tests") for path in (ROOT / folder).glob("**/locale/*/LC_MESSAGES/django.po")
)
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(text):
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(0)), text[1:-1])


def translations(path):
    """Yield (context, msgid, translation) for each translated, current, non-fuzzy entry of a .po file."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields = defaultdict(str)
        field = None
        for line in block.splitlines():
            if line.startswith('"') and field:
                fields[field] += unquote(line)
            elif match := re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line):
                field = match.group(1)
                fields[field] = unquote(match.group(2))
            elif not line.startswith("#") or line.startswith("#~"):
                field = None
        plural = [fields[key] for key in sorted(fields) if key.startswith("msgstr[")]
        translation = tuple(plural) if plural else fields["msgstr"]
        if fields["msgid"] and any(translation) and "#, fuzzy" not in block:
            yield fields.get("msgctxt"), fields["msgid"], translation


def wordings():
    found = defaultdict(dict)
    for path in CATALOGUES:
        app = path.parents[3].relative_to(ROOT).as_posix()
        language = path.parents[1].name
        for context, msgid, translation in translations(path):
            found[(language, context, msgid)][app] = translation
    return found


def test_the_parser_reads_contexts_plurals_and_wrapped_lines():
    found = wordings()
    assert len(found) > 1000
    assert any(context for _, context, _ in found)
    assert any(isinstance(translation, tuple) for apps in found.values() for translation in apps.values())
    assert any(len(msgid) > 100 for _, _, msgid in found)


def describe(context, msgid, apps):
    where = f"{msgid!r} (context {context!r})" if context else repr(msgid)
    return f"{where}: " + ", ".join(f"{app} {translation!r}" for app, translation in sorted(apps.items()))


def test_one_swedish_wording_per_msgid_across_apps():
    collisions = sorted(
        describe(context, msgid, apps)
        for (_, context, msgid), apps in wordings().items()
        if len(set(apps.values())) > 1
    )
    assert not collisions, (
        f"{len(collisions)} msgids are translated differently by different apps; give the msgid a context where the "
        "meaning differs, or use one wording:\n" + "\n".join(collisions)
    )
