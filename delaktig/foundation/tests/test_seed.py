import pytest

from delaktig.foundation import seed
from delaktig.foundation.models import HandbookPage, ToolboxMethod
from delaktig.organisations.models import TargetGroup
from delaktig.organisations.services import municipality_create

pytestmark = pytest.mark.django_db

REQUIRED_SLUGS = {
    "enkat",
    "medborgarpanel",
    "dialogmote",
    "varldscafe",
    "fokusgrupp",
    "trygghetsvandring",
    "kartdialog",
    "e-forslag",
    "samrad-om-dokument",
    "medborgarbudget",
    "ungdomsdialog",
    "oppna-synpunkter-digitalt",
}


def test_toolbox_seed_is_idempotent_and_complete(municipality):
    seed.toolbox_seed(municipality)
    seed.toolbox_seed(municipality)
    methods = ToolboxMethod.objects.filter(municipality=municipality)
    assert methods.count() >= 12
    assert set(methods.values_list("slug", flat=True)) >= REQUIRED_SLUGS
    for method in methods.prefetch_related("target_groups"):
        assert method.description and method.when_to_use and method.ladder_levels
        assert method.target_groups.exists() and (method.online or method.in_person)
    assert methods.filter(participation_method="open_input").exists()


def test_toolbox_seed_matches_existing_target_groups_by_swedish_name(municipality):
    before = set(municipality.target_groups.values_list("pk", flat=True))  # "Unga" and "Alla invånare"
    seed.toolbox_seed(municipality)
    youth = ToolboxMethod.objects.get(municipality=municipality, slug="ungdomsdialog")
    assert [group.name for group in youth.target_groups.all()] == ["Unga"]
    assert before <= set(municipality.target_groups.values_list("pk", flat=True))
    assert not municipality.target_groups.filter(name__in=["Young people", "All residents"]).exists()
    assert municipality.target_groups.filter(name="Nationella minoriteter", rarely_participates=True).exists()


def test_toolbox_seed_on_a_new_municipality_creates_no_duplicate_groups(db):
    muni = municipality_create(name="Hagfors kommun", municipality_code="1783", slug="hagfors")
    count = TargetGroup.objects.filter(municipality=muni).count()
    seed.toolbox_seed(muni)
    assert TargetGroup.objects.filter(municipality=muni).count() == count


def test_toolbox_seed_updates_by_slug(municipality):
    seed.toolbox_seed(municipality)
    ToolboxMethod.objects.filter(municipality=municipality, slug="enkat").update(summary="Ändrad")
    seed.toolbox_seed(municipality)
    assert ToolboxMethod.objects.get(municipality=municipality, slug="enkat").summary != "Ändrad"


def test_handbook_seed_is_idempotent_with_guides_and_five_templates(municipality):
    seed.handbook_seed(municipality)
    seed.handbook_seed(municipality)
    pages = HandbookPage.objects.filter(municipality=municipality)
    assert pages.filter(kind="guide").count() >= 4
    templates = pages.filter(kind="template")
    assert templates.count() == 5  # checklist, invitation, feedback, evaluation, decision basis
    checklist = templates.get(slug="mall-checklista")
    for question in municipality.checklist_questions.filter(is_active=True):
        assert question.text in checklist.body_text


def test_handbook_seed_leaves_edited_pages_alone(municipality):
    seed.handbook_seed(municipality)
    HandbookPage.objects.filter(slug="mall-inbjudan").update(body_text="Vår egen inbjudan")
    seed.handbook_seed(municipality)
    assert HandbookPage.objects.get(municipality=municipality, slug="mall-inbjudan").body_text == "Vår egen inbjudan"


def test_principles_seed_creates_a_first_version_once(municipality):
    council = municipality.get_deciding_body()
    first = seed.principles_seed(municipality, council)
    again = seed.principles_seed(municipality, council)
    assert first.pk == again.pk and first.version == 1
    assert municipality.principles_versions.count() == 1
    assert "återkoppla" in first.body_text and first.easy_read and first.adopted_by == council
