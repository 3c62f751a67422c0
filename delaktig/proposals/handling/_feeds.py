"""An Atom feed of a municipality's new public proposals (the municipality comes from the URL, via the middleware)."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from delaktig.core.feeds import MunicipalityFeed

from ._public_selectors import feed_proposals


class ProposalFeed(MunicipalityFeed):
    def title(self, obj):
        return _("New proposals – %(municipality)s") % {"municipality": obj.name}

    def subtitle(self, obj):
        return _("E-petitions and citizen proposals that residents can read and sign.")

    def link(self, obj):
        return reverse("proposals:list", args=[obj.slug])

    def feed_url(self, obj):
        return reverse("proposals:feed", args=[obj.slug])

    def items(self, obj):
        return feed_proposals(municipality=obj)

    def item_description(self, item):
        # Readers treat the summary as HTML: the proposer's text is shown as the text it is.
        return escape(Truncator(item.text).words(60))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return settings.SITE_URL.rstrip("/") + item.get_absolute_url()

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.status_changed_at or item.published_at

    def item_author_name(self, item):
        return item.proposer_name or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []
