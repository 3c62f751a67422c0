"""The desk ("Registrera inkommet"): staff enter many inputs that came on paper, at meetings, by e-mail or phone.

POST, redirect, GET: after each save the page comes back with the last settings in its query string, the text
fields empty and a status line with the reference. The rules are in services_desk and selectors_desk.
"""

import copy
import datetime
import inspect
from urllib.parse import urlencode

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from delaktig.dialogues.views.staff.common import find_dialogue, get_dialogue
from delaktig.organisations.permissions import staff_view

from . import selectors_desk, services_desk
from .forms import DeskSettingsForm
from .models import DeskRecord
from .registry import DeskEntryRefused
from .selectors_desk import DESK_ROLES

KEPT = ("module", "channel", "received_on", "occasion", "group")
ITEM_PREFIX = "item"


def _url(dialogue, kept=None):
    url = reverse("participation:desk", args=[dialogue.municipality.slug, dialogue.pk])
    return f"{url}?{urlencode(kept)}" if kept else url


def _module_of(modules, value):
    return next((module for module in modules if str(module.pk) == str(value)), None)


def _item_form(module, data=None):
    """The method's own fields; a form that asks for the module gets it (open input's categories)."""
    form_class = services_desk.desk_entry_of(module).form_class
    takes_module = "module" in inspect.signature(form_class.__init__).parameters
    form = form_class(data, prefix=ITEM_PREFIX, **({"module": module} if takes_module else {}))
    if data is None:
        _autofocus_first_text_field(form)
    return form


def _autofocus_first_text_field(form):
    for field in form.fields.values():
        if isinstance(field.widget, forms.TextInput | forms.Textarea):
            field.widget = copy.copy(field.widget)
            field.widget.attrs = {**field.widget.attrs, "autofocus": True}
            return


def _initial(query, module, channels, occasions):
    """The settings from the query string; what does not fit is left out (the page never fails on it)."""
    channel = query.get("channel")
    received_on = parse_date(query.get("received_on") or "") if _is_date(query.get("received_on")) else None
    today = timezone.localdate()
    occasion = query.get("occasion", "")
    return {
        "module": module.pk,
        "channel": channel if channel in dict(channels) else channels[0][0],
        "received_on": received_on if received_on and received_on <= today else today,
        "occasion": occasion if occasion in {o.key for o in occasions} else "",
        "group": (query.get("group") or "")[:100],
    }


def _as_text(value):
    """A kept setting as the query string carries it: a date as 2026-12-01, never in words."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value or ""


def _is_date(value):
    try:
        return parse_date(value or "") is not None
    except ValueError:
        return False


def _status(request, dialogue):
    """The line in the status region: what was saved or taken back just now."""
    for key in ("saved", "undone", "not_undone"):
        value = request.GET.get(key, "")
        record = value.isdigit() and DeskRecord.objects.filter(pk=value, module__dialogue=dialogue).first()
        if record:
            return key, record
    return None, None


STATUS_TEXTS = {
    "saved": lambda record: _("Saved: %(ref)s") % {"ref": record.reference},
    "undone": lambda record: _("Undone: %(ref)s is removed.") % {"ref": record.reference},
    "not_undone": lambda record: (
        _("%(ref)s could not be undone. You can undo only what you entered yourself, for %(minutes)s minutes.")
        % {"ref": record.reference, "minutes": selectors_desk.undo_minutes()}
    ),
}


@require_http_methods(["GET", "POST"])
@staff_view(*DESK_ROLES, find=find_dialogue)
def desk(request, pk):
    dialogue = get_dialogue(request, pk)
    modules = selectors_desk.desk_modules(dialogue)
    if not modules:
        return render(request, "participation/staff/desk.html", {"dialogue": dialogue, "modules": []})
    source = request.POST if request.method == "POST" else request.GET
    module = _module_of(modules, source.get("module"))
    shown = module or modules[0]
    channels = selectors_desk.desk_channels(shown)
    occasions = selectors_desk.desk_occasions(dialogue)
    options = {"modules": modules, "channels": channels, "occasions": occasions}
    if request.method == "POST":
        settings_form = DeskSettingsForm(request.POST, **options)
        item_form = _item_form(shown, request.POST)
        if settings_form.is_valid() & item_form.is_valid():  # both, so every error shows at once
            data = settings_form.cleaned_data
            try:
                record = services_desk.desk_save(
                    module=shown,
                    data=item_form.cleaned_data,
                    actor=request.user,
                    channel=data["channel"],
                    received_on=data["received_on"],
                    occasion=settings_form.chosen_occasion(),
                    group=data["group"],
                )
            except DeskEntryRefused as refusal:  # nothing stored: the desk's transaction rolled back
                item_form.add_error(None, refusal.message)
            else:
                return redirect(_url(dialogue, {**settings_form.kept(), "saved": record.pk}))
    else:
        settings_form = DeskSettingsForm(initial=_initial(request.GET, shown, channels, occasions), **options)
        item_form = _item_form(shown)
    return render(
        request, "participation/staff/desk.html", _context(request, dialogue, shown, settings_form, item_form)
    )


def _context(request, dialogue, module, settings_form, item_form):
    status_kind, status_record = _status(request, dialogue) if request.method == "GET" else (None, None)
    now = timezone.now()
    records = selectors_desk.desk_recent(dialogue, request.user)
    kept = {name: _as_text(settings_form[name].value()) for name in KEPT if name in settings_form.fields}
    return {
        "dialogue": dialogue,
        "modules": settings_form.module_choices,
        "module": module,
        "settings_form": settings_form,
        "item_form": item_form,
        "forms": [settings_form, item_form],
        "has_errors": bool(settings_form.errors or item_form.errors),
        "kept": kept,
        "status": STATUS_TEXTS[status_kind](status_record) if status_kind else "",
        "status_is_error": status_kind == "not_undone",
        "entries": [(record, selectors_desk.may_undo(record, request.user, now)) for record in records],
        "counts": selectors_desk.desk_counts(dialogue, request.user),
        "undo_minutes": selectors_desk.undo_minutes(),
    }


@require_POST
@staff_view(*DESK_ROLES, find=find_dialogue)
def desk_undo(request, pk, record_id):
    dialogue = get_dialogue(request, pk)
    record = get_object_or_404(DeskRecord, pk=record_id, module__dialogue=dialogue)
    done = services_desk.desk_undo(record=record, actor=request.user)
    kept = {name: request.POST.get(name, "")[:100] for name in KEPT}
    return redirect(_url(dialogue, {**kept, ("undone" if done else "not_undone"): record.pk}))
