import datetime

import pytest
from django.urls import reverse

from delaktig.foundation.tests.factories import PrinciplesFactory, ToolboxMethodFactory

pytestmark = pytest.mark.django_db


def test_principles_shows_version_in_force_and_earlier_versions(client, municipality):
    old = PrinciplesFactory(municipality=municipality, version=1, adopted_on=datetime.date(2020, 1, 1), title="Gamla")
    PrinciplesFactory(
        municipality=municipality, version=2, adopted_on=datetime.date(2024, 4, 22), easy_read="Vi lyssnar på dig."
    )
    response = client.get(reverse("foundation:principles", args=[municipality.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kommunfullmäktige" in html and "22 april 2024" in html and "§ 34" in html and "KS 2024/87" in html
    assert "Vi lyssnar på dig." in html  # the easy-read version
    assert reverse("foundation:principles_version", args=[municipality.slug, old.version]) in html
    assert "Gamla" not in html.split("<h1>")[1].split("</h1>")[0]


def test_future_version_is_not_yet_in_force(client, municipality):
    PrinciplesFactory(municipality=municipality, version=1, title="Gäller nu")
    PrinciplesFactory(municipality=municipality, version=2, title="Gäller snart", adopted_on=datetime.date(2999, 1, 1))
    html = client.get(reverse("foundation:principles", args=[municipality.slug])).content.decode()
    assert "<h1>Gäller nu</h1>" in html


def test_principles_without_any_version_says_so(client, municipality):
    response = client.get(reverse("foundation:principles", args=[municipality.slug]))
    assert response.status_code == 200
    assert "principles_create" not in response.content.decode()


def test_earlier_version_page_says_it_no_longer_applies(client, municipality):
    PrinciplesFactory(municipality=municipality, version=1, adopted_on=datetime.date(2020, 1, 1))
    PrinciplesFactory(municipality=municipality, version=2)
    response = client.get(reverse("foundation:principles_version", args=[municipality.slug, 1]))
    assert response.status_code == 200
    assert "notice--warning" in response.content.decode()


def test_another_municipalitys_version_is_404(client, municipality, other_municipality):
    PrinciplesFactory(municipality=other_municipality, version=7)
    assert client.get(reverse("foundation:principles_version", args=[municipality.slug, 7])).status_code == 404
    assert client.get(reverse("foundation:principles_version", args=[other_municipality.slug, 7])).status_code == 200


def test_toolbox_lists_methods_with_levels_and_groups_in_words(client, municipality):
    young = municipality.target_groups.get(name="Unga")
    ToolboxMethodFactory(
        municipality=municipality, name="Världscafé", ladder_levels=["dialogue"], target_groups=[young]
    )
    response = client.get(reverse("foundation:toolbox", args=[municipality.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Världscafé" in html and "Unga" in html and "Dialog" in html


def test_toolbox_filters_by_level_and_target_group(client, municipality):
    young = municipality.target_groups.get(name="Unga")
    everyone = municipality.target_groups.get(name="Alla invånare")
    ToolboxMethodFactory(
        municipality=municipality, name="Ungdomsdialog", ladder_levels=["dialogue"], target_groups=[young]
    )
    ToolboxMethodFactory(
        municipality=municipality, name="Enkät", ladder_levels=["consultation"], target_groups=[everyone]
    )
    url = reverse("foundation:toolbox", args=[municipality.slug])
    by_level = client.get(url, {"level": "consultation"}).content.decode()
    assert "Enkät" in by_level and "Ungdomsdialog" not in by_level
    by_group = client.get(url, {"group": young.pk}).content.decode()
    assert "Ungdomsdialog" in by_group and "Enkät" not in by_group


def test_toolbox_ignores_nonsense_filters(client, municipality, other_municipality):
    ToolboxMethodFactory(municipality=municipality, name="Enkät")
    foreign_group = other_municipality.target_groups.first()
    url = reverse("foundation:toolbox", args=[municipality.slug])
    for params in ({"level": "nonsense"}, {"group": "x"}, {"group": foreign_group.pk}, {"group": "9" * 30}):
        response = client.get(url, params)
        assert response.status_code == 200
        assert "Enkät" in response.content.decode()


def test_toolbox_does_not_show_another_municipalitys_methods(client, municipality, other_municipality):
    ToolboxMethodFactory(municipality=other_municipality, name="Främmande metod", slug="frammande")
    assert "Främmande metod" not in client.get(reverse("foundation:toolbox", args=[municipality.slug])).content.decode()
    url = reverse("foundation:toolbox_method", args=[municipality.slug, "frammande"])
    assert client.get(url).status_code == 404


def test_toolbox_method_page(client, municipality):
    method = ToolboxMethodFactory(municipality=municipality, name="Kartdialog", ladder_levels=["consultation"])
    response = client.get(reverse("foundation:toolbox_method", args=[municipality.slug, method.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kartdialog" in html and method.when_to_use in html and "Konsultation" in html


def test_toolbox_query_count_does_not_grow_per_method(client, municipality, django_assert_max_num_queries):
    groups = list(municipality.target_groups.all())
    for _ in range(10):
        ToolboxMethodFactory(municipality=municipality, target_groups=groups)
    with django_assert_max_num_queries(9):  # 8, and the main menu asking whether a yearly report is public
        client.get(reverse("foundation:toolbox", args=[municipality.slug]))


def test_public_pages_refuse_post(client, municipality):
    assert client.post(reverse("foundation:toolbox", args=[municipality.slug])).status_code == 405
