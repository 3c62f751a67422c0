"""Every audit event the code writes can be read in words (the audit-log viewer, a dialogue's history)."""

import re
from pathlib import Path

import delaktig
from delaktig.core.audit import _known_label, event_label
from delaktig.core.models import AuditEvent

WRITTEN = re.compile(r'action="([a-z_]+\.[a-z_]+)"')


def actions_in_the_code():
    found = {}
    for path in Path(delaktig.__file__).parent.rglob("*.py"):
        if "tests" not in path.parts:
            for action in WRITTEN.findall(path.read_text(encoding="utf-8")):
                found.setdefault(action, str(path))
    return found


def test_every_action_written_in_the_code_has_a_label():
    found = actions_in_the_code()
    assert len(found) > 100  # the scan finds them
    assert {action: path for action, path in found.items() if _known_label(action) is None} == {}


def test_a_lifecycle_step_without_a_label_is_read_from_its_event():
    event = AuditEvent(action="somewhere.step_unknown", data={"label": "Skickades vidare"})
    assert event_label(event) == "Skickades vidare"
    assert str(event_label(AuditEvent(action="somewhere.step_unknown", data={}))) == "Annan ändring"
