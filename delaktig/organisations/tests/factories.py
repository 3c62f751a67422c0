import datetime
from collections.abc import Mapping

import factory

from delaktig.accounts.tests.factories import UserFactory
from delaktig.organisations.models import Body, Decision, Department, Membership, Municipality, Role
from delaktig.organisations.services import checklist_reset


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Exempelby {n}")
    municipality_code = factory.Sequence(lambda n: f"{(9000 + n) % 10000:04d}")  # four digits, as in SCB codes
    slug = factory.Sequence(lambda n: f"exempelby-{n}")

    @factory.post_generation
    def with_defaults(obj, create, extracted, **kwargs):
        """A council as deciding body, an executive board, a committee and the default checklist."""
        if not create or extracted is False:
            return
        council = BodyFactory(municipality=obj, name="Kommunfullmäktige", short_name="KF", kind=Body.Kind.COUNCIL)
        BodyFactory(municipality=obj, name="Kommunstyrelsen", short_name="KS", kind=Body.Kind.EXECUTIVE_BOARD)
        BodyFactory(municipality=obj, name="Kultur- och fritidsnämnden", kind=Body.Kind.COMMITTEE)
        DepartmentFactory(municipality=obj, name="Kultur- och fritidsförvaltningen")
        obj.deciding_body = council
        obj.save(update_fields=["deciding_body"])
        checklist_reset(municipality=obj)
        from delaktig.organisations.models import TargetGroup

        TargetGroup.objects.create(municipality=obj, name="Unga", rarely_participates=True)
        TargetGroup.objects.create(municipality=obj, name="Alla invånare")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Nämnd {n}")
    kind = Body.Kind.COMMITTEE


class DecisionFactory(factory.django.DjangoModelFactory):
    """A decision of the municipality's deciding body (usually the council), as the minutes have it."""

    class Meta:
        model = Decision

    municipality = factory.SubFactory(MunicipalityFactory)
    body = factory.LazyAttribute(lambda decision: decision.municipality.get_deciding_body())
    date = datetime.date(2026, 3, 12)
    minute_item = "§ 45"
    number = ""
    text = ""


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Förvaltning {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Role.OFFICER


def staff_member(municipality, role):
    """The test person with `role` in the municipality; elected officials and the presidium sit on the council."""
    user = UserFactory(email=f"{role}.{municipality.slug}@example.se", name=f"{role.title()} Test")
    council = municipality.get_deciding_body() if role in (Role.ELECTED_OFFICIAL, Role.PRESIDIUM) else None
    MembershipFactory(user=user, municipality=municipality, role=role, body=council)
    return user


class StaffOf(Mapping):
    """A person for each staff role, made the first time it is asked for: a test builds only whom it uses.
    Looping over it (or .values(), .items()) makes everyone."""

    def __init__(self, municipality):
        self.municipality = municipality
        self._made = {}

    def __getitem__(self, role):
        if role not in Role.values:
            raise KeyError(role)
        if role not in self._made:
            self._made[role] = staff_member(self.municipality, role)
        return self._made[role]

    def __iter__(self):
        return iter(Role.values)

    def __len__(self):
        return len(Role.values)


def staff_for(municipality):
    """A person for each staff role in the municipality, made when asked for (StaffOf)."""
    return StaffOf(municipality)
