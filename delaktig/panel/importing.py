"""Reading a CSV file of panel members that staff import (people who agreed on paper or in another system).

Columns, by their Swedish names (any case; English names work too): e-post, namn, telefon (optional), ålder (an
age such as 34, or an age group such as 18–29 or 80+), kön (kvinna, man, annat, vill inte svara), område
(optional; the area's name as under Areas) and samtycke (the date the person agreed, 2025-03-01). Each row is
checked; a file with an error in any row imports nothing. Addresses that are already in the panel, or that left it
themselves, are reported and skipped; the same address twice in the file is an error.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from delaktig.core.csv_import import CsvError, csv_table, first_of, normalise
from delaktig.participation.demographics import Gender

from .models import PANEL_AGE_BANDS, PanelMember, Status

MAX_ROWS = 5000
EMAIL = ("e-post", "e-postadress", "epost", "email", "e-mail", "mejl", "mail", "mejladress")
NAME = ("namn", "name", "för- och efternamn", "fullständigt namn")
PHONE = ("telefon", "telefonnummer", "mobil", "mobilnummer", "phone")
AGE = ("ålder", "åldersgrupp", "alder", "age", "ålder (år)")
GENDER = ("kön", "kon", "gender")
AREA = ("område", "omrade", "area", "bostadsområde", "bor i")
CONSENT = ("samtycke", "samtyckt", "samtyckesdatum", "samtycke datum", "datum för samtycke", "consent")
REQUIRED = {"e-post": EMAIL, "namn": NAME, "ålder": AGE, "kön": GENDER, "samtycke": CONSENT}
GENDERS = {
    Gender.WOMAN: {"kvinna", "kvinnor", "k", "woman", "female", "f"},
    Gender.MAN: {"man", "män", "m", "male"},
    Gender.OTHER: {"annat", "annan", "other", "ickebinär", "icke-binär"},
    Gender.PREFER_NOT_TO_SAY: {"vill inte svara", "vill ej svara", "vill inte uppge", "uppger ej", "prefer not to say"},
}
BAND_LIMITS = ((18, 29, "18_29"), (30, 44, "30_44"), (45, 64, "45_64"), (65, 79, "65_79"), (80, 150, "80_plus"))
BAND_LABELS = dict(PANEL_AGE_BANDS)
PHONE_CHARS = re.compile(r"^[0-9 +()\-]{5,40}$")


def email_digest(email):
    """A keyed hash of an address, kept after someone leaves so an import does not add them again."""
    return salted_hmac("delaktig.panel.left", email.strip().lower()).hexdigest()


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class MemberFile:
    new: list = field(default_factory=list)  # dicts of the fields of each new member, with "line"
    errors: list = field(default_factory=list)  # RowError
    already: list = field(default_factory=list)  # (line, address, member reference): in the panel already
    left: list = field(default_factory=list)  # lines of addresses that left the panel themselves
    rows: int = 0

    @property
    def importable(self):
        return bool(self.new) and not self.errors

    @property
    def error_rows(self):
        """How many rows have errors (a row may have several)."""
        return len({error.line for error in self.errors})


def is_header(headers):
    return bool(first_of(headers, EMAIL) and first_of(headers, NAME))


def describe_header():
    return _("for example “e-post”, “namn”, “ålder”, “kön”, “område” and “samtycke”")


def members_read(text, municipality, areas) -> MemberFile:
    """A MemberFile from the text of a CSV file; CsvError when no table, or a required column, is found."""
    table = csv_table(text, is_header=is_header, max_rows=MAX_ROWS, describe_header=describe_header())
    columns = {name: first_of(table.headers, names) for name, names in REQUIRED.items()}
    missing = [name for name, header in columns.items() if header is None]
    if missing:
        raise CsvError(
            _("The file has no column “%(columns)s”. Add it and upload the file again.")
            % {"columns": "”, ”".join(missing)}
        )
    columns["telefon"] = first_of(table.headers, PHONE)
    columns["område"] = first_of(table.headers, AREA)
    reader = _Reader(municipality, areas, columns)
    for row in table.rows:
        reader.read(row)
    return reader.result


class _Reader:
    def __init__(self, municipality, areas, columns):
        self.result = MemberFile()
        self.columns = columns
        self.areas = {normalise(area.name): area for area in areas}
        self.seen = {}  # address -> line
        members = PanelMember.objects.filter(municipality=municipality)
        self.existing = {m.email.lower(): m for m in members.exclude(email="").only("pk", "email")}
        self.left = set(
            members.filter(status=Status.LEFT).exclude(email_digest="").values_list("email_digest", flat=True)
        )

    def value(self, row, name):
        header = self.columns.get(name)
        return row.get(header) if header else ""

    def read(self, row):
        self.result.rows += 1
        values, problems = {}, []
        for name, parse in (
            ("email", self._email),
            ("name", self._name),
            ("phone", self._phone),
            ("age_band", self._age),
            ("gender", self._gender),
            ("area", self._area),
            ("consent_on", self._consent),
        ):
            try:
                values[name] = parse(row)
            except ValidationError as error:
                problems.append(error.messages[0])
        if problems:
            self.result.errors.extend(RowError(row.line, message) for message in problems)
            return
        self._place(row, values)

    def _place(self, row, values):
        email = values["email"]
        if email in self.seen:
            message = _("The address %(email)s is on row %(line)s already.")
            self.result.errors.append(RowError(row.line, message % {"email": email, "line": self.seen[email]}))
            return
        self.seen[email] = row.line
        if email in self.existing:
            self.result.already.append((row.line, email, self.existing[email].reference))
        elif email_digest(email) in self.left:
            self.result.left.append(row.line)
        else:
            labels = {"age_label": BAND_LABELS[values["age_band"]], "gender_label": Gender(values["gender"]).label}
            self.result.new.append({**values, **labels, "line": row.line})

    def _email(self, row):
        email = self.value(row, "e-post").strip().lower()
        try:
            if len(email) > 254:
                raise ValidationError("too long")
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("The e-mail address “%(value)s” is not valid.") % {"value": email or _("(empty)")}
            ) from None
        return email

    def _name(self, row):
        name = self.value(row, "namn")
        if not name or len(name) > 150:
            raise ValidationError(_("Write the person's name (at most 150 characters)."))
        return name

    def _phone(self, row):
        phone = self.value(row, "telefon")
        if phone and not PHONE_CHARS.match(phone):
            raise ValidationError(
                _("The phone number “%(value)s” may have only digits, spaces, + and -.") % {"value": phone}
            )
        return phone

    def _age(self, row):
        value = self.value(row, "ålder")
        band = panel_band(value)
        if band is None:
            message = _(
                "The age “%(value)s” could not be read. Write an age (34) or an age group: 18–29, 30–44, 45–64, "
                "65–79 or 80+. Members must be 18 or older."
            )
            raise ValidationError(message % {"value": value})
        return band

    def _gender(self, row):
        value = normalise(self.value(row, "kön"))
        for gender, words in GENDERS.items():
            if value in words:
                return gender.value
        raise ValidationError(
            _("The gender “%(value)s” could not be read. Write kvinna, man, annat or vill inte svara.")
            % {"value": self.value(row, "kön")}
        )

    def _area(self, row):
        value = self.value(row, "område")
        if not value:
            return None
        area = self.areas.get(normalise(value))
        if area is None:
            raise ValidationError(_("The area “%(value)s” is not one of the municipality's areas.") % {"value": value})
        return area

    def _consent(self, row):
        value = self.value(row, "samtycke")
        day = _date(value)
        if day is None or day < datetime.date(2000, 1, 1):
            raise ValidationError(
                _("The date of consent “%(value)s” could not be read. Write a date that has passed, as 2025-03-01.")
                % {"value": value}
            )
        if day > timezone.localdate():
            raise ValidationError(
                _("The date of consent %(value)s is in the future. Write the day the person agreed.")
                % {"value": day.isoformat()}
            )
        return day


def _date(value):
    text = value.strip()[:10]
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def panel_band(value):
    """The panel's age band of an age (34) or an age group ("18–29", "80+", "80 år eller äldre"); None when it
    cannot be read or is under 18."""
    text = normalise(value).replace(" år", "").replace("år", "").replace("–", "-").replace(" ", "")
    if text.isdigit():
        age = int(text)
        return next((band for first, last, band in BAND_LIMITS if first <= age <= last), None)
    for first, last, band in BAND_LIMITS:
        names = {f"{first}-{last}", band}
        if last == BAND_LIMITS[-1][1]:
            names |= {f"{first}+", f"{first}elleräldre", f"{first}ochäldre", f"{first}-"}
        if text in names:
            return band
    return None
