"""Reads of the decision basis: its versions, and what one version says (gathered in content order)."""

from django.db.models import Max
from django.shortcuts import get_object_or_404

from .models import DecisionBasis


def versions_for(dialogue):
    """Every version of the dialogue's decision basis, newest first."""
    return DecisionBasis.objects.filter(dialogue=dialogue).select_related("created_by").order_by("-version")


def latest_for(dialogue):
    return versions_for(dialogue).first()


def next_version(dialogue):
    return (DecisionBasis.objects.filter(dialogue=dialogue).aggregate(v=Max("version"))["v"] or 0) + 1


def version_get(*, dialogue, version):
    """One version of this dialogue's decision basis, or 404 (the dialogue is already the municipality's)."""
    return get_object_or_404(DecisionBasis.objects.select_related("created_by"), dialogue=dialogue, version=version)


def registration_number_for(dialogue):
    """The matter's case number (dialogue.case_number): the decision basis belongs to the case it informs."""
    return (dialogue.case_number or "").strip()
