"""CSV downloads, the OpenAPI document, the DCAT-AP-SE catalogue and the human page."""

import pytest
from django.urls import reverse
from openapi_spec_validator import validate
from rdflib import Graph, URIRef

from delaktig.opendata import catalogue as ns
from delaktig.opendata.selectors import datasets

from .support import csv_rows, csv_url, results_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["dialogues", "phases", "results", "feedback", "e-petitions", "dummy-inputs"])
def test_csv_matches_json(client, data, municipality, key):
    response = client.get(csv_url(municipality, key))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{municipality.slug}-{key}.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    header, *rows = csv_rows(response)
    json_rows = results_of(client, municipality, key)
    assert header == list(json_rows[0])
    expected = [["" if v is None else str(v) for v in row.values()] for row in json_rows]
    assert rows == expected


def test_csv_defuses_formulas(client, data, municipality):
    item = data["input"]
    item.title = '=HYPERLINK("http://evil.example","klicka")'
    item.save()
    header, *rows = csv_rows(client.get(csv_url(municipality, "dummy-inputs")))
    titles = [row[header.index("title")] for row in rows]
    assert "'" + item.title in titles and item.title not in titles


def test_csv_takes_the_same_filters(client, data, municipality):
    header, *rows = csv_rows(client.get(csv_url(municipality, "dialogues") + "?state=planned"))
    assert [int(row[0]) for row in rows] == [data["planned"].pk]
    assert client.get(csv_url(municipality, "dialogues") + "?state=nope").status_code == 400


def test_csv_streams_in_chunks(client, municipality, monkeypatch):
    from delaktig.dialogues.models import State
    from delaktig.dialogues.tests.factories import dialogue_in_state
    from delaktig.opendata import api

    monkeypatch.setattr(api, "CSV_CHUNK", 2)
    made = {dialogue_in_state(State.OPEN, municipality=municipality).pk for _ in range(5)}
    header, *rows = csv_rows(client.get(csv_url(municipality, "dialogues")))
    assert {int(row[0]) for row in rows} == made


def openapi_document(client, municipality):
    response = client.get(reverse("opendata:openapi", args=[municipality.slug]))
    assert response.status_code == 200
    return response.json()


def test_openapi_document_is_valid_and_complete(client, data, municipality):
    document = openapi_document(client, municipality)
    validate(document)
    assert document["servers"] == [{"url": f"http://testserver/{municipality.slug}/api/v1"}]
    for dataset in datasets():
        assert f"/{dataset.key}/" in document["paths"]
        assert f"/{dataset.key}.csv" in document["paths"]
        assert f"/{dataset.key}/{{id}}/" in document["paths"]
        schema = document["components"]["schemas"][dataset.key]
        assert list(schema["properties"]) == [field.name for field in dataset.fields]
    listing = document["paths"]["/dialogues/"]["get"]
    parameters = {p.get("name"): p for p in listing["parameters"]}
    assert parameters["year"]["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2999}
    assert "initiative" not in parameters["state"]["schema"]["enum"]
    assert set(listing["responses"]) == {"200", "400"}
    assert document["components"]["parameters"]["page_size"]["schema"]["maximum"] == 500
    row = document["components"]["schemas"]["dialogues"]["properties"]
    assert row["decision_date"] == {
        "type": "string",
        "format": "date",
        "description": row["decision_date"]["description"],
        "nullable": True,
    }


def catalogue_graph(client, municipality):
    response = client.get(reverse("opendata:catalogue", args=[municipality.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    graph = Graph()
    graph.parse(data=response.content, format="xml")
    return graph


def test_catalogue_has_the_dcat_ap_se_properties(client, data, municipality):
    graph = catalogue_graph(client, municipality)
    (catalogue,) = graph.subjects(ns.RDF.type, ns.DCAT.Catalog)
    terms = ns.DCTERMS
    for prop in (terms.title, terms.description, terms.publisher, terms.language, terms.license):
        assert graph.value(catalogue, prop) is not None, prop
    publisher = graph.value(catalogue, ns.DCTERMS.publisher)
    assert (publisher, ns.RDF.type, ns.FOAF.Agent) in graph
    assert str(graph.value(publisher, terms.type)) == "http://purl.org/adms/publishertype/LocalAuthority"
    assert str(graph.value(publisher, ns.FOAF.name)) == municipality.name
    found = set(graph.objects(catalogue, ns.DCAT.dataset))
    assert len(found) == len(datasets())
    for node in found:
        titles = {t.language: str(t) for t in graph.objects(node, ns.DCTERMS.title)}
        assert "sv" in titles
        for prop in (terms.description, ns.DCAT.keyword, ns.DCAT.theme, terms.publisher, terms.accrualPeriodicity):
            assert graph.value(node, prop) is not None, (node, prop)
        assert str(graph.value(node, terms.accessRights)).endswith("/access-right/PUBLIC")
        assert str(graph.value(node, ns.DCAT.theme)).startswith("http://publications.europa.eu/resource/authority/")
        contact = graph.value(node, ns.DCAT.contactPoint)
        assert graph.value(contact, ns.VCARD.hasEmail) == URIRef("mailto:dialog@kommun.example.se")
        distributions = list(graph.objects(node, ns.DCAT.distribution))
        formats = {str(graph.value(d, terms.format)).rsplit("/", 1)[1] for d in distributions}
        assert formats in ({"JSON", "CSV"}, {"JSON", "CSV", "GEOJSON"})  # GeoJSON for datasets with a geometry
        for distribution in graph.objects(node, ns.DCAT.distribution):
            assert graph.value(distribution, ns.DCAT.accessURL) is not None
            assert graph.value(distribution, ns.DCAT.mediaType) is not None
    (service,) = graph.subjects(ns.RDF.type, ns.DCAT.DataService)
    assert str(graph.value(service, ns.DCAT.endpointDescription)).endswith("/api/v1/openapi.json")
    assert set(graph.objects(service, ns.DCAT.servesDataset)) == found


def test_catalogue_titles_in_english_where_translated(client, data, municipality):
    graph = catalogue_graph(client, municipality)
    node = URIRef(f"http://testserver/{municipality.slug}/oppna-data/katalog.rdf#dialogues")
    titles = {t.language: str(t) for t in graph.objects(node, ns.DCTERMS.title)}
    assert titles == {"sv": "Dialoger", "en": "Dialogues"}


def test_human_page_lists_datasets_with_links(client, data, municipality):
    response = client.get(reverse("opendata:page", args=[municipality.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Öppna data" in html
    for dataset in datasets():
        assert f"/api/v1/{dataset.key}/" in html and f"/api/v1/{dataset.key}.csv" in html
    assert "/api/v1/openapi.json" in html and "/oppna-data/katalog.rdf" in html
    assert "http://creativecommons.org/publicdomain/zero/1.0/" in html
    assert "Värden: <code>citizen_dialogue</code>, <code>user_dialogue</code>, <code>information</code>" in html


def test_the_licence_is_a_setting(client, data, municipality, settings):
    settings.OPENDATA_LICENSE = "https://data.example.se/licens"
    document = client.get(reverse("opendata:openapi", args=[municipality.slug])).json()
    assert document["info"]["license"]["url"] == "https://data.example.se/licens"
    catalogue = client.get(reverse("opendata:catalogue", args=[municipality.slug]))
    assert b"https://data.example.se/licens" in catalogue.content


def test_open_data_is_in_the_main_menu(client, municipality):
    html = client.get(reverse("core:home", args=[municipality.slug])).content.decode()
    assert reverse("opendata:page", args=[municipality.slug]) in html


def test_unknown_municipality_is_404(client, db):
    assert client.get("/finns-inte/api/v1/").status_code == 404
    assert client.get("/finns-inte/oppna-data/").status_code == 404
