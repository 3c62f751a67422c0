"""The templates a survey can start from, shipped as data files beside this module (one JSON file each).

Each file holds what services_builder.survey_from_template builds: the survey's title, introduction, access and
"about you" setting, and its sections with their questions (type, text, help, required, options as questions.py
describes them). A condition names an earlier question by its place, "1.3" for the third question on the first
page. Texts are written for residents, in Swedish; the youth survey in easy Swedish.
"""

import json
from functools import cache
from pathlib import Path

KEYS = ("evaluation", "neighbourhood", "youth")
FOLDER = Path(__file__).resolve().parent


@cache
def template_get(key):
    """The template `key` as a dict, or None when there is no such template."""
    if key not in KEYS:
        return None
    data = json.loads((FOLDER / f"{key}.json").read_text(encoding="utf-8"))
    return {"key": key, **data}


def templates():
    return [template_get(key) for key in KEYS]
