"""The contract every participation method keeps. A new method is done when this passes for it.

See docs/adding-a-method.md. Data for the "with data" checks comes from the method's own
`<app>.tests.contract.contract_fixture(module) -> user`.
"""

import ast
import importlib
import re
import sys
import types
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.validators import validate_email
from django.db import connection
from django.template.loader import get_template, render_to_string
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import clear_url_caches, reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.core.contributions import Table
from delaktig.dialogues.models import PublicIdentity, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.models import Role
from delaktig.participation.models import Channel, Module
from delaktig.participation.registry import MeasureSuggestion, ModerationItem, PhaseType, registry
from delaktig.participation.services import module_add, phase_add
from delaktig.participation.urls import public_patterns, staff_patterns

from .dummy_method import dummy_manifest

METHODS = list(registry)
per_method = pytest.mark.parametrize("manifest", METHODS, ids=[m.key for m in METHODS])
CALLABLES = ("stats", "export_rows", "personal_data", "erase", "participant_ids")
PERSONAL_KEYS = {"author", "author_id", "author_name", "user", "user_id", "email", "name", "phone", "entered_by"}
SUMMARY_MAX_QUERIES = 2


def test_at_least_one_method_is_registered():
    assert METHODS, "No participation method registered: is autodiscovery of manifest.py broken?"


@per_method
def test_manifest_is_complete(manifest):
    assert manifest.key.isidentifier()
    assert str(manifest.name).strip() and str(manifest.description).strip()
    for name in CALLABLES:
        assert callable(getattr(manifest, name)), name
    assert manifest.moderation_queue is None or callable(manifest.moderation_queue)
    assert manifest.moderation_count is None or callable(manifest.moderation_count)
    assert manifest.min_identity_level in IdentityLevel.values
    assert set(manifest.offline_channels) <= set(Channel.values) - {Channel.ONLINE}


@per_method
def test_phase_types_grant_only_resident_actions(manifest):
    assert manifest.phase_types, "A method needs at least one phase type"
    for key, phase_type in manifest.phase_types.items():
        assert isinstance(phase_type, PhaseType)
        assert phase_type.key == key
        assert str(phase_type.name).strip()
        assert set(phase_type.features) <= set(manifest.resident_actions), key


@per_method
def test_staff_actions_name_real_roles_and_do_not_clash(manifest):
    for action, roles in manifest.staff_actions.items():
        assert roles and set(roles) <= set(Role.values), action
    assert not set(manifest.staff_actions) & set(manifest.resident_actions)
    assert "view" not in manifest.staff_actions and "view" not in manifest.resident_actions


@per_method
def test_urls_import_and_have_an_index(manifest):
    for dotted, namespace in ((manifest.public_urls, manifest.key), (manifest.staff_urls, f"{manifest.key}_staff")):
        names = {getattr(p, "name", None) for p in importlib.import_module(dotted).urlpatterns}
        assert "index" in names, dotted
        assert reverse(f"{namespace}:index", args=["exempel", 1, 2])


@per_method
def test_module_template_exists(manifest):
    assert get_template(manifest.module_template)


@per_method
def test_app_is_labelled_by_the_key_and_has_the_usual_files(manifest):
    app = apps.get_app_config(manifest.key)
    path = Path(app.path)
    for name in ("models", "phases", "urls", "views", "manifest"):
        assert (path / f"{name}.py").exists() or (path / name / "__init__.py").exists(), name


def module_for(manifest, municipality, staff):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    module = module_add(dialogue=dialogue, method=manifest.key, name="Kontrakt", actor=staff["officer"])
    phase_type = next(iter(manifest.phase_types))
    phase_add(
        module=module,
        phase_type=phase_type,
        name="Fas",
        starts_at=dialogue.opened_at,
        ends_at=dialogue.opened_at.replace(year=dialogue.opened_at.year + 1),
        actor=staff["officer"],
    )
    return module


def assert_stats_shape(stats):
    assert isinstance(stats, dict) and stats
    assert all(isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in stats.items())


@per_method
@pytest.mark.django_db
def test_reads_work_on_an_empty_module(manifest, municipality, staff, resident):
    module = module_for(manifest, municipality, staff)
    assert_stats_shape(manifest.stats(module))
    assert list(manifest.export_rows(module)) == []
    assert manifest.participant_ids(module) == set()
    assert manifest.people_counted is None or manifest.people_counted(module) == 0
    assert list(manifest.personal_data(resident)) == []
    assert manifest.erase(resident) == 0
    if manifest.moderation_queue:
        assert manifest.moderation_queue(municipality) == []
        assert manifest.moderation_count is None or manifest.moderation_count(municipality) == 0


@per_method
@pytest.mark.django_db
def test_people_read_words_not_keys(manifest, municipality, staff):
    """Every figure has a label, every audit event of the method is named, references have a short prefix,
    and the staff pages (offline entry, moderation …) are offered to the dialogue's staff page."""
    module = module_for(manifest, municipality, staff)
    assert set(manifest.stats(module)) <= set(manifest.stat_labels)
    assert re.fullmatch(r"[A-Z]{1,4}", manifest.reference_prefix)
    assert manifest.reference(121) == f"{manifest.reference_prefix}-121"
    assert all(action.startswith(f"{manifest.key}.") for action in manifest.audit_labels)
    assert manifest.staff_pages is not None
    pages = manifest.staff_pages(module, staff["officer"])
    assert pages and all(url.startswith(f"/{municipality.slug}/personal/") and str(title) for url, title in pages)
    assert manifest.staff_pages(module, staff["elected_official"]) != pages or not manifest.staff_actions


def contract_fixture(manifest):
    app = apps.get_app_config(manifest.key)
    try:
        module = importlib.import_module(f"{app.name}.tests.contract")
    except ModuleNotFoundError:
        pytest.skip(f"{app.name}.tests.contract.contract_fixture is missing (see docs/adding-a-method.md)")
    return module.contract_fixture


def assert_no_personal_data(rows, user):
    for row in rows:
        assert not set(row) & PERSONAL_KEYS, row
        values = " ".join(str(v) for v in row.values())
        assert user.email not in values and (not user.name or user.name not in values)


@per_method
@pytest.mark.django_db
def test_reads_and_erasure_work_on_a_module_with_data(manifest, municipality, staff):
    module = module_for(manifest, municipality, staff)
    user = contract_fixture(manifest)(module)
    stats = manifest.stats(module)
    assert_stats_shape(stats)
    assert any(stats.values())
    rows = list(manifest.export_rows(module))
    assert rows and all(isinstance(row, dict) for row in rows)
    assert_no_personal_data(rows, user)
    assert user.pk in manifest.participant_ids(module)
    counted = manifest.people_counted(module) if manifest.people_counted else 0
    assert isinstance(counted, int) and counted >= 0
    assert list(manifest.personal_data(user))
    assert manifest.erase(user) > 0
    assert list(manifest.personal_data(user)) == []
    assert user.pk not in manifest.participant_ids(module)


def assert_address_pairs(pairs):
    """Well-formed (email, name) pairs: strings, a valid address, each address once in lower case."""
    assert isinstance(pairs, list), type(pairs)
    for pair in pairs:
        assert isinstance(pair, tuple) and len(pair) == 2, pair
        email, name = pair
        assert isinstance(email, str) and isinstance(name, str), pair
        validate_email(email)
    lowered = [email.lower() for email, _name in pairs]
    assert len(lowered) == len(set(lowered)), lowered


@per_method
@pytest.mark.django_db
def test_participant_addresses_are_pairs_of_those_who_took_part_and_go_with_erasure(manifest, municipality, staff):
    """participant_addresses (optional): everyone who took part and gave an address, never after erasure."""
    if manifest.participant_addresses is None:
        pytest.skip("The method does not offer its participants' addresses")
    module = module_for(manifest, municipality, staff)
    assert manifest.participant_addresses(module) == []
    user = contract_fixture(manifest)(module)
    pairs = manifest.participant_addresses(module)
    assert_address_pairs(pairs)
    assert user.email.lower() in {email.lower() for email, _name in pairs}
    assert manifest.erase(user) > 0
    after = manifest.participant_addresses(module)
    assert_address_pairs(after)
    assert user.email.lower() not in {email.lower() for email, _name in after}


@per_method
@pytest.mark.django_db
def test_decision_basis_tables_are_tables_of_counts_without_personal_data(manifest, municipality, staff):
    """decision_basis_tables (optional): the module's answers counted, as tables; none on an empty module."""
    if manifest.decision_basis_tables is None:
        pytest.skip("The method counts nothing for the decision basis")
    module = module_for(manifest, municipality, staff)
    assert list(manifest.decision_basis_tables(module)) == []
    user = contract_fixture(manifest)(module)
    tables = list(manifest.decision_basis_tables(module))
    assert tables and all(isinstance(table, Table) for table in tables)
    for table in tables:
        assert table.caption and table.headers and all(len(row) == len(table.headers) for row in table.rows)
    assert_no_personal_data([{"rows": table.rows, "caption": table.caption} for table in tables], user)


@per_method
@pytest.mark.django_db
def test_measures_offered_are_suggestions_with_the_methods_refs(manifest, municipality, staff):
    """measures_offered (optional): none on an empty module; with data, MeasureSuggestions whose refs are the
    method's ("<key>:<id>", each once) and that name no person."""
    if manifest.measures_offered is None:
        pytest.skip("The method suggests no measures")
    module = module_for(manifest, municipality, staff)
    assert list(manifest.measures_offered(module)) == []
    user = contract_fixture(manifest)(module)
    offered = list(manifest.measures_offered(module))
    assert offered and all(isinstance(item, MeasureSuggestion) for item in offered)
    refs = [item.ref for item in offered]
    assert len(set(refs)) == len(refs) and all(ref.startswith(f"{manifest.key}:") for ref in refs)
    assert all(item.title and (item.cost is None or item.cost > 0) for item in offered)
    assert_no_personal_data([{"title": item.title, "description": item.description} for item in offered], user)


@per_method
@pytest.mark.django_db
def test_participant_evaluation_starts_once_after_closing_and_counts(manifest, municipality, staff):
    """participant_evaluation (optional): made once for a closed dialogue; figures only for dialogues asked."""
    if manifest.participant_evaluation is None:
        pytest.skip("The method does not ask participants to evaluate a dialogue")
    module = module_for(manifest, municipality, staff)
    contract_fixture(manifest)(module)
    dialogue = module.dialogue
    assert manifest.participant_evaluation.figures([dialogue]) == {}
    dialogue.state = State.CLOSED
    dialogue.save()
    first = manifest.participant_evaluation.start(dialogue, staff["officer"])
    assert first == manifest.participant_evaluation.start(dialogue, staff["officer"]) and first.startswith("/")
    figures = manifest.participant_evaluation.figures([dialogue])[dialogue.pk]
    assert (figures.invited, figures.answered) == (0, 0) and figures.questions
    assert all(question.answers == 0 and question.positive == 0 for question in figures.questions)


@per_method
def test_a_method_that_honours_the_public_identity_setting_can_hide_names(manifest):
    """honours_public_identity: the method follows Dialogue.public_identity; it must then hide names on request."""
    if manifest.honours_public_identity:
        assert callable(manifest.public_names_hide)
    else:
        assert manifest.public_names_hide is None


@per_method
@pytest.mark.django_db
@pytest.mark.parametrize("setting", [PublicIdentity.ANONYMOUS, PublicIdentity.ANONYMOUS_BY_DESIGN])
def test_an_anonymous_dialogue_shows_no_name_and_by_design_keeps_no_account(manifest, municipality, staff, setting):
    if not manifest.honours_public_identity:
        pytest.skip("The method does not honour the dialogue's public identity setting")
    module = module_for(manifest, municipality, staff)
    module.dialogue.public_identity = setting
    module.dialogue.save(update_fields=["public_identity"])
    user = contract_fixture(manifest)(module)
    records = list(manifest.inputs(module)) if manifest.inputs else []
    assert all(record.author_shown == "" for record in records)
    if setting == PublicIdentity.ANONYMOUS_BY_DESIGN:  # nothing the person wrote can be traced back to them
        written = {row.get("text") for row in manifest.personal_data(user)} - {None, ""}
        assert not written & {record.text for record in records}, written


@per_method
@pytest.mark.django_db
def test_hiding_public_names_leaves_no_name_shown(manifest, municipality, staff):
    if not manifest.honours_public_identity:
        pytest.skip("The method does not honour the dialogue's public identity setting")
    module = module_for(manifest, municipality, staff)
    contract_fixture(manifest)(module)
    assert manifest.public_names_hide(module) > 0
    assert all(record.author_shown == "" for record in (manifest.inputs(module) if manifest.inputs else []))


@per_method
@pytest.mark.django_db
def test_moderation_queue_lists_moderation_items(manifest, municipality, staff):
    if manifest.moderation_queue is None:
        pytest.skip("The method has nothing to moderate")
    module = module_for(manifest, municipality, staff)
    module.dialogue.moderation = "pre"
    module.dialogue.save(update_fields=["moderation"])
    contract_fixture(manifest)(module)
    items = manifest.moderation_queue(municipality)
    assert items and all(isinstance(item, ModerationItem) for item in items)
    assert all(item.dialogue.pk == module.dialogue_id for item in items)
    assert [item.created_at for item in items] == sorted(item.created_at for item in items)
    assert manifest.moderation_queue(municipality, limit=1) == items[:1]
    if manifest.moderation_count is not None:
        assert manifest.moderation_count(municipality) == len(items)


@per_method
@pytest.mark.django_db
def test_module_template_renders_within_the_query_budget(manifest, municipality, staff):
    module = module_for(manifest, municipality, staff)
    dialogue = module.dialogue
    module = dialogue.modules.select_related("dialogue__municipality").prefetch_related("phases").get()
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(manifest.module_template, {"module": module, "dialogue": dialogue})
    assert html.strip()
    assert len(queries) <= SUMMARY_MAX_QUERIES, [q["sql"] for q in queries]


# Adding a method touches no central file.

DELAKTIG = Path(__file__).resolve().parents[2]
# Every app but the methods and the demo. lint-imports holds the static imports (pyproject.toml); this test adds
# the dynamic ones (import_module("delaktig.methods...")), which an import graph cannot see.
CENTRAL_APPS = tuple(
    sorted(p.name for p in DELAKTIG.iterdir() if (p / "__init__.py").exists() and p.name not in {"methods", "demo"})
)


def imported_modules(path):
    package = ".".join(path.relative_to(DELAKTIG.parent).with_suffix("").parts[:-1])
    return set(imports_in(path.read_text(), package))


def imports_in(source, package):
    """Absolute names of everything `source` imports, including import_module("...") with a literal."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            yield ".".join(filter(None, [base, node.module or ""]))
        elif is_dynamic_import(node):
            yield str(node.args[0].value)


def is_dynamic_import(node):
    if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
        return False
    return getattr(node.func, "attr", getattr(node.func, "id", "")) in {"import_module", "__import__"}


def central_files():
    for app in CENTRAL_APPS:
        yield from sorted((DELAKTIG / app).rglob("*.py"))


def test_central_code_never_imports_a_method():
    assert {"core", "results", "followup", "decisionbasis", "opendata", "reports", "proposals"} <= set(CENTRAL_APPS)
    offenders = [
        f"{path.relative_to(DELAKTIG.parent)} imports {name}"
        for path in central_files()
        for name in imported_modules(path)
        if name == "delaktig.methods" or name.startswith("delaktig.methods.")
    ]
    assert offenders == []


def test_the_import_reader_sees_relative_and_dynamic_imports():
    source = "from ..methods import a_method\nimport_module('delaktig.methods.x')\nfrom . import models\n"
    names = set(imports_in(source, "delaktig.dialogues"))
    assert {"delaktig.methods", "delaktig.methods.x", "delaktig.dialogues"} <= names


@pytest.fixture
def dummy_urlconf():
    """A root URLconf built like config/urls.py, after the dummy method was registered."""
    with registry.temporarily(dummy_manifest()):
        urlconf = types.ModuleType("dummy_root_urlconf")
        urlconf.urlpatterns = public_patterns() + staff_patterns()
        sys.modules[urlconf.__name__] = urlconf
        clear_url_caches()
        try:
            with override_settings(ROOT_URLCONF=urlconf.__name__):
                yield urlconf
        finally:
            del sys.modules[urlconf.__name__]
            clear_url_caches()


@pytest.mark.django_db
def test_a_new_method_is_mounted_from_the_registry_alone(dummy_urlconf, client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    module = Module.objects.create(dialogue=dialogue, method="dummy", name="Prov")
    url = module.get_absolute_url()
    assert url == f"/{municipality.slug}/dialoger/{dialogue.pk}/delta/{module.pk}/dummy/"
    assert client.get(url).content.decode() == f"dummy {municipality.slug} {dialogue.pk} {module.pk}"
    staff_url = reverse("dummy_staff:index", args=[municipality.slug, dialogue.pk, module.pk])
    assert staff_url == f"/{municipality.slug}/personal/dialoger/{dialogue.pk}/moduler/{module.pk}/dummy/"
    assert client.get(staff_url).status_code == 200


def test_an_unregistered_method_is_not_mounted():
    assert not any("/dummy/" in str(p.pattern) for p in public_patterns() + staff_patterns())


@pytest.mark.django_db
def test_registering_a_method_needs_nothing_else(municipality, resident):
    """allowed() and the registry serve a brand-new method with no change anywhere."""
    from delaktig.participation.rules import allowed

    with registry.temporarily(dummy_manifest()) as manifest:
        assert registry.get("dummy") is manifest
        assert ("dummy", "Dummy") in registry.choices()
        dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
        module = Module.objects.create(dialogue=dialogue, method="dummy", name="Prov")
        assert module.manifest is manifest
        assert not allowed(AnonymousUser(), "vote", module)
    assert registry.get("dummy") is None


@per_method
@pytest.mark.django_db
def test_input_rows_are_the_inputs_and_a_page_of_ids_gives_their_records(manifest, municipality, staff):
    if manifest.input_rows is None:
        pytest.skip("The results workspace reads the method's inputs whole")
    assert manifest.inputs is not None
    module = module_for(manifest, municipality, staff)
    contract_fixture(manifest)(module)
    records = list(manifest.inputs(module))
    rows = manifest.input_rows(module)
    assert records and {f"{manifest.key}:{pk}" for pk in rows.values_list("pk", flat=True)} == {r.ref for r in records}
    assert {"created_at", "channel"} <= {f.name for f in rows.model._meta.get_fields()}
    first = rows.order_by("created_at", "pk").values_list("pk", flat=True)[0]
    assert [record.ref for record in manifest.inputs(module, ids=[first])] == [f"{manifest.key}:{first}"]
