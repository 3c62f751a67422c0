"""manage.py bench <action>: seeding and checks for bench/run.py. Prints one JSON object."""

import json

from django.core.management.base import BaseCommand

from bench.benchapp import seed


class Command(BaseCommand):
    help = (
        "Benchmark data: seed, proposal, signers, busy, verify, queries, count-queries, lists, elsewhere, "
        "list-queries, survey, survey-verify, survey-queries, survey-respondents, maps, vote, "
        "vote-verify "
        "(bench settings only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            choices=[
                *("seed", "proposal", "signers", "busy", "verify", "queries", "count-queries"),
                *("lists", "elsewhere", "list-queries", "survey", "survey-verify", "survey-queries"),
                "survey-respondents",
                "maps",
                "vote",
                "vote-verify",
            ],
        )
        parser.add_argument("--threshold", type=int, default=10**9)
        parser.add_argument("--count", type=int, default=0)
        parser.add_argument("--prefix", default="signer")
        parser.add_argument("--pk", type=int, action="append", default=[])
        parser.add_argument("--out", default="")
        parser.add_argument("--signatures", type=int, default=100_000)
        parser.add_argument("--comments", type=int, default=10_000)
        # W4: a municipality with `--count` of every list's items, `--inputs` in the results workspace
        parser.add_argument("--slug", default="")
        parser.add_argument("--code", default="")
        parser.add_argument("--inputs", type=int, default=0)
        parser.add_argument("--each", type=int, default=0, help="valid signatures per e-petition")
        parser.add_argument("--urls", default="{}", help="list-queries: JSON {name: path}")
        parser.add_argument("--session", default="", help="list-queries: the staff session key")
        # W7: a survey with `--responses` stored (survey), what a run stored in it (survey-verify, --pk, --prefix)
        parser.add_argument("--responses", type=int, default=0)
        # W6: a vote cast by logged-in voters (account) or with an e-mail address confirmed by a link (email_link)
        parser.add_argument("--voting-by", default="account", choices=["account", "email_link"])
        # W7 submit: `--count` respondents of survey `--pk` at its check page, written to `--out` (survey-respondents)

    def handle(self, *args, **options):
        result = getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        self.stdout.write(json.dumps(result))

    def _seed(self, options):
        return {"slug": seed.municipality_get().slug}

    def _proposal(self, options):
        proposal = seed.proposal_create(threshold=options["threshold"])
        return {"pk": proposal.pk, "slug": proposal.municipality.slug, "threshold": proposal.threshold}

    def _vote(self, options):
        from bench.benchapp.votes import vote_create

        return vote_create(voting_by=options["voting_by"])

    def _vote_verify(self, options):
        from bench.benchapp.votes import vote_verify

        return vote_verify(options["pk"][0])

    def _signers(self, options):
        keys = seed.signers_create(options["count"], options["prefix"])
        with open(options["out"], "w") as out:
            out.write("\n".join(keys))
        return {"sessions": len(keys), "file": options["out"]}

    def _busy(self, options):
        proposal = seed.busy_proposal_create(
            signatures=options["signatures"], comments=options["comments"], title="Ett mycket populärt förslag"
        )
        return {"pk": proposal.pk, "slug": proposal.municipality.slug}

    def _verify(self, options):
        return {str(pk): seed.proposal_verify(pk) for pk in options["pk"]}

    def _queries(self, options):
        from bench.benchapp.querycheck import queries_per_page

        return queries_per_page(options["pk"])

    def _count_queries(self, options):
        from bench.benchapp.querycheck import queries_per_count

        return queries_per_count(options["pk"][0])

    def _lists(self, options):
        from bench.benchapp.lists import lists_create

        return lists_create(
            slug=options["slug"],
            code=options["code"],
            items=options["count"],
            inputs=options["inputs"],
            signatures_each=options["each"],
        )

    def _elsewhere(self, options):
        from bench.benchapp.lists import epetitions_create, municipality_make

        municipality = municipality_make(options["slug"], options["code"])
        proposals = epetitions_create(municipality, options["count"], options["each"])
        return {"slug": municipality.slug, "epetitions": len(proposals), "signatures": len(proposals) * options["each"]}

    def _list_queries(self, options):
        from bench.benchapp.querycheck import queries_per_list

        return queries_per_list(json.loads(options["urls"]), options["session"])

    def _survey(self, options):
        from bench.benchapp.surveys import staff_session, survey_create

        return {**survey_create(responses=options["responses"]), "session": staff_session()}

    def _survey_verify(self, options):
        from bench.benchapp.surveys import survey_verify

        return survey_verify(options["pk"][0], options["prefix"])

    def _survey_queries(self, options):
        from bench.benchapp.querycheck import queries_per_list

        urls = json.loads(options["urls"])
        return queries_per_list(urls, options["session"], staff_lists=tuple(urls))

    def _survey_respondents(self, options):
        import time

        from bench.benchapp.surveys import prepared_as_answered, respondents_prepare

        pk = options["pk"][0]
        started = time.perf_counter()
        made = respondents_prepare(pk, options["count"], options["prefix"])
        seconds = time.perf_counter() - started
        with open(options["out"], "w") as out:
            json.dump(made, out)
        return {"respondents": len(made), "file": options["out"], "seconds": round(seconds, 1),
                "as_answered": prepared_as_answered(pk)}  # fmt: skip

    def _maps(self, options):
        from bench.benchapp.maps import maps_create

        return maps_create(slug=options["slug"], code=options["code"], inputs=options["count"])
