"""The base of a municipality's Atom feeds: the municipality comes from the URL (the tenancy middleware)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed


class MunicipalityFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        municipality = getattr(request, "municipality", None)
        if municipality is None:
            raise Http404("No municipality")
        return municipality

    def author_name(self, obj):
        return obj.name

    def item_title(self, item):
        return item.title
