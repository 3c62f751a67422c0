import datetime

import factory
from django.utils import timezone

from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import (
    Category,
    Proposal,
    ProposalCase,
    RegistryEntry,
    Route,
    Signature,
    SignatureStatus,
    Status,
)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Kategori {n}")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    municipality = factory.SubFactory(MunicipalityFactory)
    route = Route.EPETITION
    status = Status.SUBMITTED
    title = factory.Sequence(lambda n: f"Bygg en lekplats i Norrby ({n})")
    text = "Barnen i Norrby har ingen lekplats nära. Bygg en vid skolan."
    proposer_name = "Rut Resident"
    registration_number = factory.Sequence(lambda n: f"KS 2026/{1000 + n}")
    submitted_at = factory.LazyFunction(timezone.now)


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signature

    proposal = factory.SubFactory(ProposalFactory)
    signer_key = factory.Sequence(lambda n: f"signer{n}@example.se")
    email = factory.LazyAttribute(lambda s: s.signer_key if "@" in s.signer_key else "")
    email_domain = factory.LazyAttribute(lambda s: s.email.rpartition("@")[2])
    name = factory.Sequence(lambda n: f"Signerare {n}")
    status = SignatureStatus.VALID
    confirmed_at = factory.LazyFunction(timezone.now)


class ProposalCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalCase

    proposal = factory.SubFactory(ProposalFactory)
    registration_number = factory.LazyAttribute(lambda c: c.proposal.registration_number)
    body = factory.LazyAttribute(lambda c: c.proposal.municipality.get_deciding_body())


class RegistryEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistryEntry

    municipality = factory.SubFactory(MunicipalityFactory)
    registration_number = factory.Sequence(lambda n: f"KS 2026/{5000 + n}")
    received_on = factory.LazyFunction(timezone.localdate)
    sender_reference = factory.Sequence(lambda n: f"person{n}@example.se")
    description = "E-förslag: Bygg en lekplats i Norrby"


def collecting(proposal, *, threshold=3, days_left=30):
    """Put `proposal` in the signing period with a frozen threshold (as an approval would)."""
    now = timezone.now()
    proposal.status = Status.COLLECTING
    proposal.threshold = threshold
    proposal.signing_starts_at = now - datetime.timedelta(days=1)
    proposal.signing_ends_at = now + datetime.timedelta(days=days_left)
    proposal.save()
    return proposal
