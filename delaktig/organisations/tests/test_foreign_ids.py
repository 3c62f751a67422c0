"""Another municipality's object is a 404 for every role: the object is looked up before the role is refused.

Every URL pattern that names an object by id is filled with the ids of Hagfors's demo objects and asked for
under Kramfors's address, by GET and by POST, by two Kramfors people: one with every staff role and one with none.
A view that refuses the role before it looks the object up answers the second with a 403; a view that looks the
object up without the municipality, behind its role check, answers the first with the object. Every role's
permission lies between the two, so the two sweeps stand for each role's. A wrong role on the municipality's own
object may still be a 403; a foreign id never is.
"""

import re
from contextlib import suppress
from importlib import import_module

import pytest
from django.apps import apps
from django.test import Client
from django.urls import get_resolver

from delaktig.accounts.models import User
from delaktig.demo.tests.site import demo_site  # noqa: F401 (a fixture)
from delaktig.organisations.models import Membership, Role
from delaktig.participation.registry import registry

pytestmark = pytest.mark.django_db
ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")
OBJECT_ARGUMENT = re.compile(r"^(pk|\w+_id)$")
# What a `pk` names, by URL name or namespace: (model, how it reaches the municipality).
PK_MODELS = {
    "organisations:checklist_edit": ("organisations.ChecklistQuestion", "municipality"),
    "organisations:area_edit": ("organisations.Area", "municipality"),
    "organisations:area_delete": ("organisations.Area", "municipality"),
    "dialogues": ("dialogues.Dialogue", "municipality"),
    "participation": ("dialogues.Dialogue", "municipality"),
    "followup": ("dialogues.Dialogue", "municipality"),
    "proposals": ("proposals.Proposal", "municipality"),
    "mailings": ("mailings.Mailing", "municipality"),
    "council:staff_meeting": ("council.Meeting", "municipality"),
    "council:staff_meeting_cancel": ("council.Meeting", "municipality"),
    "council:staff_question": ("council.Question", "municipality"),
    "panel:staff_member": ("panel.PanelMember", "municipality"),
    "panel:staff_sample": ("panel.Sample", "municipality"),
    "matters": ("matters.Matter", "municipality"),
    "actionplan:plan_edit": ("actionplan.ActionPlan", "municipality"),
    "actionplan:goal_add": ("actionplan.ActionPlan", "municipality"),
    "actionplan:action_new": ("actionplan.ActionPlan", "municipality"),
    "actionplan": ("actionplan.Action", "goal__plan__municipality"),
    "baseline:staff_activity": ("baseline.Activity", "municipality"),
    "baseline:staff_activity_delete": ("baseline.Activity", "municipality"),
    "baseline:staff_capacity_edit": ("baseline.Capacity", "municipality"),
    "identity:provider_edit": ("identity.OidcConfiguration", "municipality"),
    "identity:provider_delete": ("identity.OidcConfiguration", "municipality"),
}
ID_MODELS = {
    "user_id": ("accounts.User", "memberships__municipality"),
    "dialogue_id": ("dialogues.Dialogue", "municipality"),
    "module_id": ("participation.Module", "dialogue__municipality"),
    "comment_id": ("participation.Comment", "municipality"),
    "measure_id": ("followup.Measure", "dialogue__municipality"),
    "theme_id": ("results.Theme", "dialogue__municipality"),
    "quote_id": ("results.Quote", "dialogue__municipality"),
    "run_id": ("results.ThemeSuggestionRun", "dialogue__municipality"),
    "record_id": ("participation.DeskRecord", "module__dialogue__municipality"),
    "body_id": ("organisations.Body", "municipality"),
    "forum_id": ("forums.Forum", "municipality"),
    "forum_member_id": ("forums.ForumMember", "forum__municipality"),
    "forum_meeting_id": ("forums.ForumMeeting", "forum__municipality"),
    "forum_consultation_id": ("forums.Consultation", "forum__municipality"),
    "forum_statement_id": ("forums.Statement", "consultation__forum__municipality"),
    "export_id": ("archive.ArchiveExport", "dialogue__municipality"),
    "attachment_id": ("decisionbasis.Attachment", "basis__dialogue__municipality"),
    "generation_id": ("reports.ReportGeneration", "report__municipality"),
    "person_id": ("accounts.User", "memberships__municipality"),  # a person the municipality knows (privacy)
}
# A method says what its own URLs' ids name in `URL_OBJECTS` of its tests/contract.py: {argument: (model, path)}.
OTHER_VALUES = {"step": "x", "slug": "x", "kind": "input", "version": "1", "index": "0", "token": "x", "year": "2000"}


def object_routes(resolver=None, prefix="", namespace=""):
    """[(url name, route)] for every staff page pattern that names an object by id."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            found += object_routes(pattern, route, f"{pattern.namespace}:" if pattern.namespace else namespace)
        elif "/personal/" in route and any(OBJECT_ARGUMENT.match(n) for _, n in ARGUMENT.findall(route)):
            found.append((namespace + (pattern.name or "?"), route))
    return found


def home_pk(label, path, municipality):
    """The id of one of `municipality`'s objects of that kind (an id that exists nowhere when it has none)."""
    pk = apps.get_model(label).objects.filter(**{path: municipality}).values_list("pk", flat=True).first()
    return pk or 10**9


def method_url_objects():
    """{URL namespace: {argument: (model, path)}} from each registered method's tests/contract.py."""
    found = {}
    for manifest in registry:
        objects = {}
        with suppress(ModuleNotFoundError):
            contract = import_module(f"{apps.get_app_config(manifest.key).name}.tests.contract")
            objects = getattr(contract, "URL_OBJECTS", {})
        found[manifest.key] = found[f"{manifest.key}_staff"] = objects
    return found


def value_for(name, argument, municipality):
    method_objects = method_url_objects().get(name.split(":")[0], {})
    if argument in method_objects:
        return str(home_pk(*method_objects[argument], municipality))
    if argument == "pk":
        spec = PK_MODELS.get(name) or PK_MODELS.get(name.split(":")[0])
        assert spec, f"say in PK_MODELS what the pk of {name} names"
        return str(home_pk(*spec, municipality))
    if argument in ID_MODELS:
        return str(home_pk(*ID_MODELS[argument], municipality))
    assert argument in OTHER_VALUES, f"say in ID_MODELS or OTHER_VALUES what to put for <{argument}> in {name}"
    return OTHER_VALUES[argument]


def foreign_urls(home, other):
    urls = []
    for name, route in object_routes():
        path = ARGUMENT.sub(
            lambda m: other.slug if m[2] == "municipality_slug" else value_for(name, m[2], home),  # noqa: B023
            route,
        )
        urls.append((name, "/" + path))
    return urls


def test_the_sweep_covers_the_staff_pages():
    names = {name for name, _ in object_routes()}
    assert {"dialogues:staff_edit", "proposals:decision", "results:theme_edit", "followup:measure"} <= names
    assert len(names) >= 40


@pytest.fixture
def every_role(demo_site):  # noqa: F811
    """A person with every staff role in the other municipality (Kramfors)."""
    person = User.objects.create_user("alla.roller@kramfors.example", "x" * 12, name="Alla Roller")
    for role in Role.values:
        body = demo_site.other.get_deciding_body() if role in (Role.ELECTED_OFFICIAL, Role.PRESIDIUM) else None
        Membership.objects.create(user=person, municipality=demo_site.other, role=role, body=body)
    return person


@pytest.fixture
def no_role(db):
    return User.objects.create_user("ingen.roll@kramfors.example", "x" * 12, name="Ingen Roll")


@pytest.mark.parametrize("who", ["every_role", "no_role"])
def test_staff_of_another_municipality_get_404_on_its_object_ids(demo_site, who, request):  # noqa: F811
    client = Client()
    client.force_login(request.getfixturevalue(who))
    wrong = {}
    for name, url in foreign_urls(demo_site.home, demo_site.other):
        for verb in ("get", "post"):
            status = getattr(client, verb)(url).status_code
            if status not in (404, 405):
                wrong[f"{verb.upper()} {url} ({name})"] = status
    assert not wrong
