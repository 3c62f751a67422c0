"""What the method is called, for the manifest and for what the method's own pages say about it."""

from django.utils.translation import gettext_lazy as _

METHOD_KEY = "votes"
METHOD_NAME = _("Vote among alternatives")
