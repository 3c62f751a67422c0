"""An Atom feed of a municipality's published feedback (the municipality comes from the URL, via the middleware)."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from delaktig.core.feeds import MunicipalityFeed

from .models import Outcome
from .selectors import feed_dialogues


class FeedbackFeed(MunicipalityFeed):
    def title(self, obj):
        return _("Feedback from dialogues – %(municipality)s") % {"municipality": obj.name}

    def subtitle(self, obj):
        return _("What happened with residents' input: the feedback after each dialogue.")

    def link(self, obj):
        return reverse("dialogues:list", args=[obj.slug])

    def feed_url(self, obj):
        return reverse("followup:feed", args=[obj.slug])

    def items(self, obj):
        return feed_dialogues(municipality=obj)

    def item_description(self, item):
        # Readers treat the summary as HTML: staff's text is shown as the text it is.
        return escape(Outcome.of(item).feedback)

    def item_link(self, item):
        return item.get_absolute_url() + "#what-happened"

    def item_guid(self, item):
        return settings.SITE_URL.rstrip("/") + item.get_absolute_url() + "#feedback"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.feedback_published_at

    def item_updateddate(self, item):
        return item.feedback_published_at
