"""How long the decision basis takes for a dialogue with 5,000 inputs: gather, PDF and Word, each timed.

    .venv/bin/python bench/report_timing.py                # 5,000 open-input inputs, throwaway SQLite
    .venv/bin/python bench/report_timing.py --inputs 20000
    DATABASE_URL=postgres://… .venv/bin/python bench/report_timing.py   # that database; everything rolled back

The data is built with bulk_create straight into the open-input models (a bench script, not product code):
inputs on every channel, most with a theme, some with age band and gender, quotes on each theme. Then one
version is requested through the service (as the form does) and generated step by step, each step timed;
last the whole generation runs once more as the worker runs it. Nothing is left behind: the SQLite file and the
media files live in a temporary directory, and on another database all rows are rolled back.
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Fler bänkar vid lekplatsen så att äldre kan vila medan barnen leker.",
    "Sänk hastigheten på Storgatan, det är farligt för barn som cyklar till skolan.",
    "Biblioteket borde ha öppet på söndagar och fler platser att sitta och läsa.",
    "Bättre belysning längs gångvägen till badplatsen, det är mörkt på kvällen.",
    "En utegym vid idrottsplatsen skulle locka fler unga att träna.",
    "Cykelparkering med tak vid stationen behövs, cyklarna blir blöta.",
    "Plantera fler träd på torget för skugga på sommaren.",
    "Fler papperskorgar i parken, det skräpas ner på helgerna.",
]
THEMES = ["Lekplats", "Trafik", "Bibliotek", "Belysning", "Idrott", "Grönska"]
CHANNELS = ["online"] * 8 + ["paper", "meeting"]
AGE_BANDS = ["under_18", "18_29", "30_44", "45_64", "65_79", "80_plus"]
GENDERS = ["woman", "man", "other", "prefer_not_to_say"]


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000, help="number of inputs (default 5000)")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def setup(tmp):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'report-timing.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp / "media")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results.append((label, time.perf_counter() - start))
    print(f"  {label:<44} {results[-1][1]:8.2f} s", flush=True)


def build(count, rng):
    """A closed dialogue with one open-input module, `count` inputs, themes, tags and quotes."""
    from django.utils import timezone

    from delaktig.accounts.models import User
    from delaktig.dialogues.models import State
    from delaktig.dialogues.tests.factories import DialogueFactory, fill_for_state
    from delaktig.methods.open_input.models import Input
    from delaktig.organisations.tests.factories import MunicipalityFactory, staff_for
    from delaktig.participation.models import Module
    from delaktig.results.models import InputTag, Quote, Theme

    municipality = MunicipalityFactory(name="Tidtagningsby", slug=f"tidtagning-{rng.randrange(10**6)}")
    officer = staff_for(municipality)["officer"]
    dialogue = fill_for_state(DialogueFactory(municipality=municipality, case_number="KS 2026/500"), State.CLOSED)
    module = Module.objects.create(dialogue=dialogue, method="open_input", name="Lämna synpunkter")
    authors = User.objects.bulk_create(
        User(email=f"bench-{municipality.slug}-{n}@example.se", name=f"Invånare {n}", password="!")
        for n in range(count // 5)
    )
    now = timezone.now()
    inputs = Input.objects.bulk_create(
        (_input(n, rng, module, municipality, authors, now, Input) for n in range(count)), batch_size=1000
    )
    themes = [Theme.objects.create(dialogue=dialogue, name=name, order=n) for n, name in enumerate(THEMES)]
    tags = [
        InputTag(dialogue=dialogue, input_ref=f"open_input:{item.pk}", theme=themes[n % len(themes)])
        for n, item in enumerate(inputs)
        if n % 5
    ]
    InputTag.objects.bulk_create(tags, batch_size=1000)
    quotes = [
        Quote(dialogue=dialogue, input_ref=f"open_input:{item.pk}", text=item.text, theme=themes[n % len(themes)])
        for n, item in enumerate(inputs[1:19], start=1)
    ]
    Quote.objects.bulk_create(quotes)
    return dialogue, officer


def _input(n, rng, module, municipality, authors, now, model):
    channel = rng.choice(CHANNELS)
    told = rng.random() < 0.6
    return model(
        module=module,
        municipality=municipality,
        author=rng.choice(authors) if channel == "online" else None,
        title=f"Synpunkt {n + 1}",
        text=f"{rng.choice(TEXTS)} {rng.choice(TEXTS)}",
        channel=channel,
        age_band=rng.choice(AGE_BANDS) if told else "",
        gender=rng.choice(GENDERS) if told else "",
    )


def measure(dialogue, officer, results):
    from delaktig.decisionbasis import content, render, services
    from delaktig.decisionbasis.selectors import signers_for

    basis = services.decision_basis_request(
        dialogue=dialogue,
        actor=officer,
        assessment="Bedömning för tidtagning.",
        proposed_decision="Resultatet tas med i ärendet.",
        signer=signers_for(dialogue.municipality).filter(user=officer).first(),
        addressee=dialogue.municipality.get_deciding_body(),
        child_rights_text="Barnkonsekvensanalys för tidtagning.",
    )
    with timed("gather (dialogue, results, figures)", results):
        gathered = content.gather(basis)
    with timed("PDF (WeasyPrint)", results):
        pdf = render.render_pdf(gathered)
    with timed("Word (python-docx)", results):
        docx = render.render_docx(gathered)
    print(f"  {'sizes':<44} PDF {len(pdf) / 1024:.0f} kB, Word {len(docx) / 1024:.0f} kB")
    with timed("whole generation as the worker runs it", results):
        done = services.decision_basis_generate(basis_id=basis.pk)
    assert done.status == "done", done.error


class Rollback(Exception):
    pass


def main():
    args = parse()
    tmp = Path(tempfile.mkdtemp(prefix="delaktig-report-timing-"))
    results = []
    try:
        setup(tmp)
        from django.core.management import call_command
        from django.db import connection, transaction

        print(f"Decision basis timing: {args.inputs:,} inputs on {connection.vendor}".replace(",", " "))
        with timed("migrate (not part of the report)", []):
            call_command("migrate", verbosity=0, interactive=False)
        try:
            with transaction.atomic():
                with timed("build the data (not part of the report)", []):
                    dialogue, officer = build(args.inputs, random.Random(args.seed))
                measure(dialogue, officer, results)
                raise Rollback
        except Rollback:
            pass
        steps = sum(seconds for label, seconds in results[:3])
        print(f"  {'total of gather + PDF + Word':<44} {steps:8.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
