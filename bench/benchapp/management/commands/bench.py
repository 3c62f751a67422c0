"""manage.py bench <action>: seeding and checks for bench/run.py. Prints one JSON object."""

import json

from django.core.management.base import BaseCommand

from bench.benchapp import seed


class Command(BaseCommand):
    help = "Benchmark data: seed, proposal, signers, busy, verify, queries, count-queries (bench settings only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["seed", "proposal", "signers", "busy", "verify", "queries", "count-queries"]
        )
        parser.add_argument("--threshold", type=int, default=10**9)
        parser.add_argument("--count", type=int, default=0)
        parser.add_argument("--prefix", default="signer")
        parser.add_argument("--pk", type=int, action="append", default=[])
        parser.add_argument("--out", default="")
        parser.add_argument("--signatures", type=int, default=100_000)
        parser.add_argument("--comments", type=int, default=10_000)

    def handle(self, *args, **options):
        result = getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        self.stdout.write(json.dumps(result))

    def _seed(self, options):
        return {"slug": seed.municipality_get().slug}

    def _proposal(self, options):
        proposal = seed.proposal_create(threshold=options["threshold"])
        return {"pk": proposal.pk, "slug": proposal.municipality.slug, "threshold": proposal.threshold}

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
