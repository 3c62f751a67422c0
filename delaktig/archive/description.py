"""The XML description of an archive package: the matter as a CITS ERMS case file (FGS Ärendehantering).

Element names, their order and the namespace follow the E-ARK CITS ERMS schema (ERMS_v3.xsd, version 3.0.1), which
Riksarkivet's FGS Ärendehantering 2.0 applies in Sweden; docs/archive-export.md maps each element to Delaktig.
What ERMS has no element for (a file's size, MIME type and checksum) goes into `additionalXMLData` in Delaktig's
own namespace, the extension point ERMS gives.
"""

import datetime
import uuid
import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

ERMS = "https://DILCIS.eu/XML/ERMS"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DELAKTIG = "https://delaktig.se/xml/arkivpaket/1.0"
SCHEMA_LOCATION = f"{ERMS} https://citserms.dilcis.eu/schema/ERMS_v3.xsd"
ERMS_VERSION = "3.0.1"
DESCRIPTION_NAME = "arende.xml"  # the description itself: in the ZIP, described by no record

ET.register_namespace("", ERMS)
ET.register_namespace("xsi", XSI)
ET.register_namespace("dk", DELAKTIG)

# The case file's elements, in the order ERMS_v3.xsd's aggregationType gives them (those Delaktig fills).
AGGREGATION_ORDER = (
    "objectId",
    "extraId",
    "classification",
    "title",
    "otherTitle",
    "status",
    "relation",
    "additionalInformation",
    "agents",
    "description",
    "dates",
    "action",
    "notes",
    "record",
)
RECORD_ORDER = (
    "objectId",
    "extraId",
    "title",
    "status",
    "runningNumber",
    "agents",
    "description",
    "dates",
    "additionalInformation",
)


def _e(parent, tag, text=None, /, *, ns=ERMS, **attributes):
    element = ET.SubElement(parent, f"{{{ns}}}{tag}", {k: str(v) for k, v in attributes.items() if v != ""})
    if text is not None:
        element.text = str(text)
    return element


def stamp(value):
    """xs:dateTime in local time without a zone, as the ERMS examples have it; a date is its midnight."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    return datetime.datetime.combine(value, datetime.time()).isoformat()


def object_id(dialogue):
    """The case's identification: its case number (diarienummer), or Delaktig's own id when it has none."""
    return dialogue.case_number.strip() or f"DELAKTIG-{dialogue.pk}"


def closed_on(dialogue):
    decision = dialogue.decision_in_matter
    if decision is not None and decision.date:
        return decision.date
    return dialogue.feedback_published_at or dialogue.closed_at


def describe(*, export, dialogue, package, created_at=None):
    """The XML document (bytes, UTF-8) describing `package` (contents.Package) of `dialogue`."""
    root = ET.Element(f"{{{ERMS}}}erms", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    root.append(ET.Comment(f" CITS ERMS {ERMS_VERSION} (FGS Ärendehantering), made by Delaktig "))
    _control(root, export, dialogue, created_at or timezone.now())
    aggregation = _e(
        _e(root, "aggregations"), "aggregation", systemIdentifier=_uuid(export, "case"), aggregationType="caseFile"
    )
    _case(aggregation, dialogue, package)
    for number, item in enumerate(package.files, start=1):
        _record(aggregation, export, dialogue, number, item)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _uuid(export, name):
    """A stable identifier per package and item: the same export described twice gives the same ids."""
    return str(uuid.uuid5(export.identifier, name))


def _control(root, export, dialogue, created_at):
    control = _e(root, "control")
    _e(control, "identification", export.identifier, identificationType="deliveringSystemPackageId")
    info = _e(control, "maintenanceInformation")
    _e(info, "maintenanceStatus", value="new")
    agency = _e(info, "maintenanceAgency")
    _e(agency, "agencyCode", dialogue.municipality.municipality_code, type="municipality_code")
    _e(agency, "agencyName", dialogue.municipality.name)
    history = _e(info, "maintenanceHistory")
    event = _e(history, "maintenanceEvent")
    _e(event, "eventType", value="created")
    _e(event, "eventDateTime", stamp(created_at))
    agent = _e(event, "agent", agentType="deliverer")
    _e(agent, "name", "Delaktig")
    _e(agent, "organisation", dialogue.municipality.name)


def _case(aggregation, dialogue, package):
    _e(aggregation, "objectId", object_id(dialogue))
    _e(aggregation, "extraId", dialogue.pk, extraIdType="deliveringSystemId")
    code = getattr(settings, "ARCHIVE_CLASSIFICATION_CODE", "")
    _e(aggregation, "classification", _("Citizen dialogue"), classificationCode=code)
    _e(aggregation, "title", dialogue.title)
    _e(aggregation, "otherTitle", dialogue.question, titleType="description")
    _e(aggregation, "status", value="closed")
    for number in _related_numbers(dialogue):
        _e(aggregation, "relation", number, relationType="reference")
    _case_facts(aggregation, dialogue)
    _agents(aggregation, dialogue)
    _e(aggregation, "description", dialogue.purpose or dialogue.question)
    dates = _e(aggregation, "dates")
    _e(dates, "date", stamp(dialogue.created_at), dateType="created")
    if dialogue.opened_at:
        _e(dates, "date", stamp(dialogue.opened_at), dateType="opened")
    _e(dates, "date", stamp(closed_on(dialogue)), dateType="closed")
    for decision in package.decisions:
        _action(aggregation, decision)


def _related_numbers(dialogue):
    """Registration numbers of other cases the matter refers to: the decisions' and linked matters' numbers."""
    own = object_id(dialogue)
    numbers = [d.number for d in (dialogue.decision_to_hold, dialogue.decision_in_matter) if d is not None]
    numbers += list(dialogue.matters.values_list("case_number", flat=True))
    seen, found = {own}, []
    for number in numbers:
        number = (number or "").strip()
        if number and number not in seen:
            seen.add(number)
            found.append(number)
    return found


def _case_facts(aggregation, dialogue):
    """Delaktig's facts without an ERMS element: kind, level on the participation ladder, state."""
    data = _e(_e(aggregation, "additionalInformation"), "additionalXMLData")
    facts = _e(data, "dialogue", ns=DELAKTIG)
    _e(facts, "kind", dialogue.get_kind_display(), ns=DELAKTIG)
    _e(facts, "state", dialogue.get_state_display(), ns=DELAKTIG)
    ladder = dialogue.ladder
    _e(facts, "ladderLevel", str(ladder.label) if ladder else "", ns=DELAKTIG)


def _agents(aggregation, dialogue):
    """The organisation and the handling officer, by role: no person's name leaves Delaktig this way."""
    agents = _e(aggregation, "agents")
    creator = _e(agents, "agent", agentType="creator")
    _e(creator, "name", dialogue.municipality.name)
    _e(creator, "organisation", dialogue.municipality.name)
    if dialogue.proposed_by_id:
        _e(creator, "unitName", dialogue.proposed_by.name)
    officer = _e(agents, "agent", agentType="responsible_person")
    _e(officer, "name", _("Responsible officer"))
    _e(officer, "organisation", dialogue.municipality.name)
    if dialogue.department_id:
        _e(officer, "unitName", dialogue.department.name)
    _e(officer, "role", pgettext("archive", "Handling officer"))


def _action(aggregation, decision):
    action = _e(aggregation, "action")
    text = decision.title + (f": {decision.text}" if decision.text else "")
    _e(action, "actionText", text)
    _e(action, "actionType", _("Decision"))
    if decision.date:
        _e(_e(action, "dates"), "actionDate", stamp(decision.date), dateType="decision_date")
    if decision.body:
        agent = _e(_e(action, "agents"), "agent", agentType="other", otherAgentType="decisionMaker")
        _e(agent, "name", decision.body)


def _record(aggregation, export, dialogue, number, item):
    record = _e(
        aggregation,
        "record",
        systemIdentifier=_uuid(export, item.path),
        recordType=item.record_type,
        recordPhysicalOrDigital="digital",
    )
    _e(record, "objectId", f"{object_id(dialogue)}:{number}")
    _e(record, "extraId", item.path, extraIdType="deliveringSystemId")
    _e(record, "title", item.title)
    _e(record, "status", value="closed")
    _e(record, "runningNumber", number)
    if item.description:
        _e(record, "description", item.description)
    if item.created:
        _e(_e(record, "dates"), "date", stamp(item.created), dateType="created")
    _file(_e(record, "additionalInformation"), item)


def _file(information, item):
    extension = item.name.rsplit(".", 1)[-1].upper() if "." in item.name else ""
    _e(information, "appendix", name=item.name, path=item.path, fileFormat=extension)
    data = _e(information, "additionalXMLData")
    document = _e(data, "document", ns=DELAKTIG)
    file = _e(document, "file", ns=DELAKTIG)
    _e(file, "fileName", item.name, ns=DELAKTIG)
    _e(file, "path", item.path, ns=DELAKTIG)
    _e(file, "mimeType", item.mime_type.split(";")[0], ns=DELAKTIG)
    _e(file, "size", item.size, ns=DELAKTIG)
    _e(file, "checksum", item.sha256, ns=DELAKTIG, checksumType="SHA-256")
