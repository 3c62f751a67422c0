"""Entering paper responses fast: the whole survey on one page, the date received and the group kept from one
response to the next (in the address after each save), the last ones entered listed with a button to take one back
for a few minutes. The desk ("Registrera inkommet") saves through the same function (desk.desk_save)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from delaktig.core.forms import Form
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel, DeskRecord
from delaktig.participation.selectors_desk import undo_minutes

from ..desk import desk_save, desk_undo, may_undo
from ..forms_answer import PaperForm
from ..models import Response
from .common import guard, module_context, survey_or_none, url

RECENT = 20


class PaperSettingsForm(Form):
    received_on = forms.DateField(
        label=gettext_lazy("Date received"),
        input_formats=["%Y-%m-%d"],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 12}),
        help_text=gettext_lazy("Year-month-day, for example 2026-11-23."),
        error_messages={
            "required": gettext_lazy("Write the date it came in, for example 2026-11-23."),
            "invalid": gettext_lazy("Write the date as year-month-day, for example 2026-11-23."),
        },
    )
    group = forms.CharField(
        label=gettext_lazy("Table or group"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For example “Biblioteket” or “Träffpunkten”."),
    )

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future. Write the day it came in."))
        return value


def _kept(query):
    """The settings from the address: what does not fit is left out."""
    day = query.get("received_on") or ""
    try:
        received = parse_date(day)
    except ValueError:
        received = None
    today = timezone.localdate()
    return {
        "received_on": received if received and received <= today else today,
        "group": (query.get("group") or "")[:100],
    }


def _recent(survey, user):
    now = timezone.now()
    rows = Response.objects.filter(survey=survey, entered_by=user).order_by("-submitted_at", "-id")[:RECENT]
    return [(response, may_undo(response, user, now)) for response in rows]


@require_http_methods(["GET", "POST"])
@staff_view()
def entry(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "enter")
    if refusal:
        return refusal
    survey = survey_or_none(module)
    if survey is None:
        return redirect(url("staff:index", module))
    module.survey = survey
    if request.method == "POST" and "take_back" in request.POST:
        return _undo(request, module, request.POST["take_back"])
    if request.method == "POST":
        settings_form = PaperSettingsForm(request.POST)
        form = PaperForm(request.POST, module=module)
        if settings_form.is_valid() & form.is_valid():  # both, so every error shows at once
            data = settings_form.cleaned_data
            item = desk_save(
                module,
                form.cleaned_data,
                actor=request.user,
                channel=Channel.PAPER,
                received_on=data["received_on"],
                occasion=None,
                group=data["group"],
            )
            messages.success(request, _("Saved as %(reference)s. Enter the next.") % {"reference": item.reference})
            kept = {"received_on": data["received_on"].isoformat(), "group": data["group"]}
            return redirect(f"{url('staff:paper', module)}?{urlencode(kept)}")
    else:
        settings_form = PaperSettingsForm(initial=_kept(request.GET))
        form = PaperForm(module=module)
    context = module_context(
        module,
        survey=survey,
        settings_form=settings_form,
        form=form,
        recent=_recent(survey, request.user),
        undo_minutes=undo_minutes(),
        kept=_kept(request.POST if request.method == "POST" else request.GET),
    )
    return render(request, "surveys/staff/paper.html", context)


def _undo(request, module, value):
    """Take back a response this person entered a moment ago (the button beside it in the list)."""
    response = Response.objects.filter(survey__module=module, pk=value).first() if value.isdigit() else None
    if response is not None and desk_undo(module, response.pk, actor=request.user):
        # entered at the desk? then the desk's list says it was taken back too
        DeskRecord.objects.filter(module=module, item_id=response.pk, undone_at__isnull=True).update(
            undone_at=timezone.now()
        )
        messages.success(request, _("%(reference)s is taken back.") % {"reference": response.reference})
    else:
        messages.error(
            request,
            _("Only the person who entered it can take it back, within %(minutes)s minutes.")
            % {"minutes": undo_minutes()},
        )
    kept = {key: request.POST.get(key, "")[:100] for key in ("received_on", "group")}
    return redirect(f"{url('staff:paper', module)}?{urlencode(kept)}")
