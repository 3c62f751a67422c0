"""What the method is called, for the manifest and for what the method's own modules say about it."""

from django.utils.translation import gettext_lazy as _

METHOD_KEY = "budgeting"
METHOD_NAME = _("Participatory budgeting")
