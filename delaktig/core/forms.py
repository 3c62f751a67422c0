"""Form conventions: every field rendered with label, hint and its error beside it (templates/forms/)."""

import copy
import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.forms.fields import BaseTemporalField
from django.forms.renderers import TemplatesSetting
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from .csv_import import MAX_BYTES as MAX_CSV_BYTES
from .csv_import import CsvError, csv_decode
from .templatetags.delaktig import human_date


class Renderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


# Django's own words ("Säkerställ att detta värde har som mest 200 tecken (den har 500)") are not plain Swedish
TOO_LONG = _("Write at most %(limit_value)d characters. Now there are %(show_value)d.")


class AccessibleFormMixin:
    """Marks invalid fields for assistive technology and ties each error message to its field.

    The marks go on a copy of the widget: a widget may be shared (one date widget set on fields by several forms),
    and marks left on a shared one would call the next form's field invalid, pointing at an error it does not show.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None) and "max_length" not in field.error_messages:
                field.error_messages["max_length"] = TOO_LONG

    def full_clean(self):
        super().full_clean()
        for name in getattr(self, "_errors", None) or {}:
            if name in self.fields:
                field = self.fields[name]
                described = [f"{self[name].auto_id}_error"]
                if field.help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                field.widget = copy.copy(field.widget)
                field.widget.attrs = {
                    **field.widget.attrs,
                    "aria-invalid": "true",
                    "aria-describedby": " ".join(described),
                }


class Form(AccessibleFormMixin, forms.Form):
    pass


class ModelForm(AccessibleFormMixin, forms.ModelForm):
    pass


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the clocks of the site's time zone (Europe/Stockholm) show it.

    The hour the clocks go back (02.00–02.59 on the last Sunday of October) happens twice: such a time is taken as
    the first of the two, summer time, where Django's own field refuses it. The hour the clocks go forward
    (02.00–02.59 on the last Sunday of March) does not exist: it is refused in words.
    """

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            return value
        naive = value if isinstance(value, datetime.datetime) else self._naive(value)
        if naive.tzinfo is not None:
            return naive
        zone = ZoneInfo(settings.TIME_ZONE)
        aware = naive.replace(tzinfo=zone, fold=0)
        try:
            round_trip = aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
        except OverflowError as outside:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from outside
        if round_trip != naive:
            raise forms.ValidationError(
                _("The time %(time)s does not exist on %(date)s: the clocks go forward an hour that night."),
                code="nonexistent",
                params={"time": naive.strftime("%H.%M"), "date": human_date(naive.date())},
            )
        return aware

    def _naive(self, value):
        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed
        return BaseTemporalField.to_python(self, value)


class AccessibilityReportForm(Form):
    page = forms.CharField(label=_("Which page is it about?"), max_length=300)
    description = forms.CharField(
        label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    email = forms.EmailField(label=_("Your e-mail address"), required=False)


class CsvUploadForm(Form):
    """A CSV file for an import: read as text (`cleaned_data["text"]`) in any encoding core.csv_import knows."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 or Windows-1252 (as Excel saves it), with semicolons or commas between the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
        error_messages={"required": _("Choose a CSV file."), "empty": _("The file is empty. Choose another file.")},
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["text"], data["encoding"] = csv_decode(upload.read(MAX_CSV_BYTES + 1))
            except CsvError as error:
                self.add_error("file", error.message)
        return data
