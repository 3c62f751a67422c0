from django import forms

from delaktig.core.forms import Form

SHARED = forms.DateInput(attrs={"type": "date"})


class WhenForm(Form):
    when = forms.DateField(help_text="ÅÅÅÅ-MM-DD")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["when"].widget = SHARED  # as forms do that give several fields one date widget


def test_an_invalid_field_is_marked_and_tied_to_its_error_and_hint():
    form = WhenForm({"when": "i morgon"})
    assert not form.is_valid()
    html = str(form["when"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_when_error id_when_helptext"' in html


def test_the_marks_stay_on_the_form_that_has_the_error_not_on_a_shared_widget():
    assert not WhenForm({"when": "i morgon"}).is_valid()
    valid = WhenForm({"when": "2026-12-01"})
    assert valid.is_valid()
    assert "aria-invalid" not in str(valid["when"])
    assert "id_when_error" not in str(valid["when"])
    assert "aria-invalid" not in SHARED.attrs


def test_a_local_time_on_the_nights_the_clocks_change():
    import datetime

    import pytest

    from delaktig.core.forms import LocalDateTimeField

    field = LocalDateTimeField()
    twice = field.clean("2026-10-25T02:30")  # the hour that happens twice: the first, summer time
    assert twice.astimezone(datetime.UTC) == datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC)
    assert field.clean("2026-12-07 18:00").utcoffset() == datetime.timedelta(hours=1)
    for never in ("2026-03-29T02:30", "kl 18", "0001-01-01T00:10"):
        with pytest.raises(forms.ValidationError):
            field.clean(never)
