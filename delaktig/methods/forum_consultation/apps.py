from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConsultationConfig(AppConfig):
    name = "delaktig.methods.forum_consultation"
    label = "forum_consultation"
    verbose_name = _("Consultation of a standing forum")
