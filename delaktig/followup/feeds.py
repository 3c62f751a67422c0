"""An Atom feed of a municipality's published feedback (the municipality comes from the URL, via the middleware)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .selectors import feed_dialogues


class FeedbackFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        municipality = getattr(request, "municipality", None)
        if municipality is None:
            raise Http404("No municipality")
        return municipality

    def title(self, obj):
        return _("Feedback from dialogues – %(municipality)s") % {"municipality": obj.name}

    def subtitle(self, obj):
        return _("What happened with residents' input: the feedback after each dialogue.")

    def link(self, obj):
        return reverse("dialogues:list", args=[obj.slug])

    def feed_url(self, obj):
        return reverse("followup:feed", args=[obj.slug])

    def author_name(self, obj):
        return obj.name

    def items(self, obj):
        return feed_dialogues(municipality=obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat the summary as HTML: staff's text is shown as the text it is.
        return escape(item.feedback)

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
