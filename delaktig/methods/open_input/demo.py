"""Demo content: the demo loader calls populate() for each dialogue that collects input."""

import datetime

from django.utils import timezone

from delaktig.participation.models import Channel
from delaktig.participation.services import comment_create

from .services import categories_set, input_create, input_enter_offline, support_toggle

CATEGORIES = ["Trygghet", "Mötesplatser", "Natur och grönska", "Trafik"]
# (writer, title, text, category index, supporters)
INPUTS = [
    (
        "invanare",
        "Mer belysning längs gångvägen",
        "Det är mörkt på kvällarna. Fler lampor gör att fler vågar gå här.",
        0,
        ["invanare2", "invanare3"],
    ),
    (
        "invanare2",
        "Bänkar i skuggan",
        "Äldre och småbarnsföräldrar behöver kunna vila. Sätt bänkar under träden.",
        2,
        ["invanare"],
    ),
    (
        "invanare3",
        "En plats för unga att hänga",
        "Ett tak och några sittplatser där unga får vara utan att störa.",
        1,
        ["invanare", "invanare2"],
    ),
    (
        "invanare",
        "Blommande ängar i stället för gräsmatta",
        "Det är bra för pollinerare och kostar mindre att sköta.",
        2,
        [],
    ),
]


# The names residents write under when the dialogue asks for a pseudonym.
PSEUDONYMS = {"invanare": "Skogsmus 17", "invanare2": "Älvtrast 204", "invanare3": "Berghare 58"}


def populate(module, *, people, content=None):
    categories_set(module=module, categories=CATEGORIES, actor=people["handlaggare"])
    created = []
    for local, title, text, category, supporters in INPUTS:
        item = input_create(
            module=module,
            author=people[local],
            title=title,
            text=text,
            category=CATEGORIES[category],
            pseudonym=PSEUDONYMS[local],
        )
        for supporter in supporters:
            support_toggle(item=item, user=people[supporter])
        created.append(item)
    comment_create(
        target=created[0],
        dialogue=module.dialogue,
        author=people["invanare3"],
        text="Håller med, särskilt vid tunneln.",
        pseudonym=PSEUDONYMS["invanare3"],
    )
    input_enter_offline(
        module=module,
        entered_by=people["handlaggare"],
        channel=Channel.MEETING,
        title="Toaletter vid lekplatsen",
        text="Framfört på dialogmötet i biblioteket: en offentlig toalett behövs.",
        category=CATEGORIES[1],
        received_on=timezone.localdate() - datetime.timedelta(days=3),
    )
