"""What the method is called, for the manifest and for what the method's own pages say about it."""

from django.utils.translation import gettext_lazy as _

METHOD_KEY = "surveys"
METHOD_NAME = _("Survey")
