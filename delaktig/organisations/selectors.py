"""Reads for the organisation and settings pages."""

from .models import Membership


def organisation_overview(*, municipality):
    """Bodies, departments and members with their roles, each in one query."""
    return {
        "bodies": list(municipality.bodies.select_related("parent")),
        "departments": list(municipality.departments.select_related("body")),
        "memberships": list(
            Membership.objects.filter(municipality=municipality)
            .select_related("user", "body", "department")
            .order_by("user__name", "user__email", "role")
        ),
    }
