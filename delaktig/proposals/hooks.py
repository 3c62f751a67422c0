"""What proposals offers to central pages through delaktig.core.hooks (registered in ProposalsConfig.ready)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext

from delaktig.core import hooks


def _offered(municipality):
    """Whether residents can send e-petitions or citizen proposals now (one small query, no row created)."""
    from .models import ProposalSettings

    row = (
        ProposalSettings.objects.filter(municipality=municipality)
        .values_list("epetitions_enabled", "citizen_proposals_enabled", "citizen_proposals_from")
        .first()
    )
    if row is None:
        return ProposalSettings._meta.get_field("epetitions_enabled").default
    epetitions, citizen, since = row
    return epetitions or (citizen and (since is None or since <= timezone.localdate()))


@hooks.register("main_nav_items")
def proposals_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None or not _offered(municipality):
        return []
    return [(pgettext("main menu", "Proposals"), reverse("proposals:list", args=[municipality.slug]))]
