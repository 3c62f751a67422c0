"""The DCAT-AP-SE catalogue (RDF/XML) of one municipality's open data, built with rdflib.

One dcat:Catalog published by the municipality (a foaf:Agent), one dcat:Dataset per dataset with a JSON and
a CSV distribution, and one dcat:DataService for the API whose endpointDescription is the OpenAPI document.
The contact point is the municipality's organisation address, never a person's.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEME = Namespace(EU + "data-theme/")
FILE_TYPE = Namespace(EU + "file-type/")
FREQUENCY = Namespace(EU + "frequency/")
LANGUAGE_SV = URIRef(EU + "language/SWE")
PUBLIC_ACCESS = URIRef(EU + "access-right/PUBLIC")
THEME_TAXONOMY = URIRef(EU + "data-theme")
LOCAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
MEDIA_TYPE = Namespace("https://www.iana.org/assignments/media-types/")
DEFAULT_LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/"
FORMATS = (("JSON", "application/json", "dataset_list"), ("CSV", "text/csv", "dataset_csv"))
GEOJSON = ("GEOJSON", "application/geo+json", "dataset_geojson")  # for datasets with a geometry field


def formats_of(dataset):
    return (*FORMATS, GEOJSON) if dataset.geometry else FORMATS


def license_uri():
    return URIRef(getattr(settings, "OPENDATA_LICENSE", DEFAULT_LICENSE))


def in_languages(text):
    """The text in Swedish and, where a translation exists, in English."""
    with translation.override("sv"):
        swedish = str(text)
    with translation.override("en"):
        english = str(text)
    found = [Literal(swedish, lang="sv")]
    if english != swedish:
        found.append(Literal(english, lang="en"))
    return found


class CatalogueBuilder:
    def __init__(self, request, datasets):
        self.request = request
        self.datasets = datasets
        self.municipality = request.municipality
        self.graph = Graph()
        for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
            self.graph.bind(prefix, namespace)

    def url(self, name, *args):
        return URIRef(self.request.build_absolute_uri(reverse(name, args=[self.municipality.slug, *args])))

    def add(self, subject, predicate, *objects):
        for obj in objects:
            self.graph.add((subject, predicate, obj))

    def publisher(self):
        agent = self.url("core:home")
        self.add(agent, RDF.type, FOAF.Agent)
        self.add(agent, FOAF.name, Literal(self.municipality.name, lang="sv"))
        self.add(agent, DCTERMS.type, LOCAL_AUTHORITY)
        return agent

    def contact_point(self):
        contact = BNode()
        self.add(contact, RDF.type, VCARD.Organization)
        self.add(contact, VCARD.fn, Literal(self.municipality.name))
        if self.municipality.contact_email:
            self.add(contact, VCARD.hasEmail, URIRef(f"mailto:{self.municipality.contact_email}"))
        return contact

    def build(self):
        catalogue = self.url("opendata:catalogue")
        publisher = self.publisher()
        name = self.municipality.name
        self.add(catalogue, RDF.type, DCAT.Catalog)
        self.add(catalogue, DCTERMS.title, Literal(f"Öppna data om medborgardialog i {name}", lang="sv"))
        self.add(catalogue, DCTERMS.title, Literal(f"Open data on citizen dialogue in {name}", lang="en"))
        description = f"Dialoger, faser, resultat, återkoppling och förslag från {name}. Inga personuppgifter."
        self.add(catalogue, DCTERMS.description, Literal(description, lang="sv"))
        self.add(catalogue, DCTERMS.publisher, publisher)
        self.add(catalogue, DCTERMS.language, LANGUAGE_SV)
        self.add(catalogue, DCTERMS.license, license_uri())
        self.add(catalogue, FOAF.homepage, self.url("opendata:page"))
        self.add(catalogue, DCAT.themeTaxonomy, THEME_TAXONOMY)
        service = self.data_service(publisher)
        self.add(catalogue, DCAT.service, service)
        for dataset in self.datasets:
            node = self.dataset(dataset, publisher)
            self.add(catalogue, DCAT.dataset, node)
            self.add(service, DCAT.servesDataset, node)
        return self.graph

    def data_service(self, publisher):
        service = self.url("opendata:api_index")
        self.add(service, RDF.type, DCAT.DataService)
        self.add(service, DCTERMS.title, Literal(f"Öppna data-API för {self.municipality.name}", lang="sv"))
        self.add(service, DCAT.endpointURL, service)
        self.add(service, DCAT.endpointDescription, self.url("opendata:openapi"))
        self.add(service, DCTERMS.publisher, publisher)
        self.add(service, DCTERMS.license, license_uri())
        self.add(service, DCTERMS.accessRights, PUBLIC_ACCESS)
        return service

    def dataset(self, dataset, publisher):
        node = URIRef(str(self.url("opendata:catalogue")) + f"#{dataset.key}")
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.identifier, Literal(dataset.key))
        self.add(node, DCTERMS.title, *in_languages(dataset.title))
        self.add(node, DCTERMS.description, *in_languages(dataset.description))
        self.add(node, DCAT.keyword, *(Literal(word, lang="sv") for word in dataset.keywords))
        self.add(node, DCAT.theme, THEME[dataset.theme])
        self.add(node, DCTERMS.publisher, publisher)
        self.add(node, DCAT.contactPoint, self.contact_point())
        self.add(node, DCTERMS.accrualPeriodicity, FREQUENCY.UPDATE_CONT)
        self.add(node, DCTERMS.language, LANGUAGE_SV)
        self.add(node, DCTERMS.accessRights, PUBLIC_ACCESS)
        self.add(node, DCAT.landingPage, self.url("opendata:page"))
        for file_type, media_type, url_name in formats_of(dataset):
            self.add(node, DCAT.distribution, self.distribution(dataset, file_type, media_type, url_name))
        return node

    def distribution(self, dataset, file_type, media_type, url_name):
        node = URIRef(str(self.url("opendata:catalogue")) + f"#{dataset.key}-{file_type.lower()}")
        access = self.url(f"opendata:{url_name}", dataset.key)
        self.add(node, RDF.type, DCAT.Distribution)
        self.add(node, DCTERMS.title, Literal(f"{dataset.key} ({file_type})"))
        self.add(node, DCAT.accessURL, access)
        if file_type in ("CSV", "GEOJSON"):
            self.add(node, DCAT.downloadURL, access)
        self.add(node, DCTERMS.format, FILE_TYPE[file_type])
        self.add(node, DCAT.mediaType, MEDIA_TYPE[media_type])
        self.add(node, DCTERMS.license, license_uri())
        self.add(node, DCAT.accessService, self.url("opendata:api_index"))
        return node


def catalogue_xml(request, datasets):
    graph = CatalogueBuilder(request, datasets).build()
    return graph.serialize(format="pretty-xml", encoding="utf-8")
