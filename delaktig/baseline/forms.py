from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form, ModelForm
from delaktig.dialogues.models import Dialogue
from delaktig.organisations import ladders

from .importing import file_text
from .models import Activity, Capacity
from .services import CsvError

FIRST_YEAR, LAST_YEAR = 2000, 2100


def this_year():
    return timezone.localdate().year


def _year_field(**kwargs):
    return forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "required": _("Write the year."),
            "invalid": _("Write the year as four digits, such as 2025."),
            "min_value": _("Write a year from 2000 to 2100."),
            "max_value": _("Write a year from 2000 to 2100."),
        },
        **kwargs,
    )


class ActivityForm(ModelForm):
    year = _year_field()

    class Meta:
        model = Activity
        fields = [
            "name",
            "department",
            "body",
            "ladder_level",
            "year",
            "target_groups",
            "channels",
            "frequency",
            "contact",
            "dialogue",
        ]
        error_messages = {
            "name": {"required": _("Write the activity's name.")},
            "department": {"required": _("Choose the department that runs the activity.")},
            "ladder_level": {"required": _("Choose the level on the participation ladder.")},
        }
        help_texts = {
            "target_groups": _("For example “young people, parents of preschool children”."),
            "channels": _("For example “meetings, the website, social media”."),
            "contact": _("Who to ask about the activity. Shown to staff only."),
        }

    def __init__(self, *args, municipality, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["department"].queryset = departments
        self.fields["body"].queryset = municipality.bodies.all()
        self.fields["dialogue"].queryset = Dialogue.objects.filter(municipality=municipality).order_by("title")
        self.fields["dialogue"].help_text = _(
            "If the activity is also a dialogue on the platform, choose it: the baseline then counts it once."
        )
        levels = [(level.key, level.label) for level in ladders.levels_for(municipality.ladder_profile)]
        self.fields["ladder_level"] = forms.ChoiceField(
            label=_("Level on the participation ladder"),
            choices=[("", "---------"), *levels],
            error_messages={"required": _("Choose the level on the participation ladder.")},
        )
        for name in ("body", "target_groups", "channels", "frequency", "contact", "dialogue"):
            self.fields[name].required = False
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("year", this_year())

    def clean(self):
        data = super().clean()
        name, department, year = data.get("name"), data.get("department"), data.get("year")
        if name and department and year:
            same = Activity.objects.filter(
                municipality=self.municipality, year=year, department=department, name__iexact=name
            ).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("name", _("The department has an activity with this name that year already."))
        return data


class ImportForm(Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_("The first sheet of an Excel file, or a CSV file with semicolons or commas between the columns."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        error_messages={"required": _("Choose a file."), "empty": _("The file is empty. Choose another file.")},
    )
    year = _year_field(help_text=_("For rows with no “år” column."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("year", this_year() - 1)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["text"] = file_text(upload.read(3 * 1024 * 1024))
            except CsvError as error:
                self.add_error("file", error.message)
        return data


class ImportConfirmForm(Form):
    content = forms.CharField(max_length=4_000_000, strip=False)
    year = _year_field()


class YearForm(Form):
    year = _year_field(required=False)


class CapacityForm(ModelForm):
    year = _year_field()

    class Meta:
        model = Capacity
        fields = ["year", "department", "body", "planned", "staff_hours"]
        help_texts = {
            "department": _("Choose a department or a body, not both."),
            "planned": _("How many dialogues the department or body plans to hold during the year."),
            "staff_hours": _("Hours of staff time set aside for dialogues during the year."),
        }
        error_messages = {
            "planned": {"required": _("Write how many dialogues are planned.")},
            "staff_hours": {"required": _("Write the staff hours, 0 if none.")},
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["department"].queryset = municipality.departments.all()
        self.fields["body"].queryset = municipality.bodies.all()
        self.fields["department"].required = self.fields["body"].required = False
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("year", this_year())

    def clean(self):
        data = super().clean()
        department, body, year = data.get("department"), data.get("body"), data.get("year")
        if bool(department) == bool(body):
            self.add_error("department", _("Choose either a department or a body."))
            return data
        if year:
            same = Capacity.objects.filter(municipality=self.municipality, year=year, department=department, body=body)
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "year", _("There are figures for that department or body and year already. Change them instead.")
                )
        return data
