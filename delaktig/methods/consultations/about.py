"""The method's key and name, for modules that must not import the manifest (it imports them)."""

from django.utils.translation import gettext_lazy as _

METHOD_KEY = "consultations"
METHOD_NAME = _("Document consultation")
