"""What participation offers to outer apps through delaktig.core.hooks, looping the method registry.

Hooks registered here:
  "personal_data" and "erase_user"   every method's manifest.personal_data / manifest.erase
  "my_contributions"                 (user) -> {method name: [rows]}: the same rows, with "status_text" in words
                                     (and the moderator's reason as "status_detail"), for the "what you have sent
                                     in" list on My pages; rows of actions that count carry "identity_level"
  "participation_method_choices"     () -> [(key, name)]: the methods a toolbox entry can point to
  "module_staff_pages"               (module, user) -> [(url, title)]: the method's staff pages for a module
  "dialogue_staff_pages"             (dialogue, user) -> [(url, title)]: the desk, "Registrera inkommet"
  "audit_action_labels"              () -> {action: label}: participation's and every method's audit events
  "dialogue_has_contributions", "dialogue_public_names_hide", "dialogue_public_identity_unsupported"
                                     what the dialogue's plan asks about how participants appear publicly
"""

from django.apps import apps as django_apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import Dialogue, State
from delaktig.foundation import hookspecs as foundation_hooks

from .models import Comment, ModerationReason, ModerationStatus
from .registry import registry
from .selectors_desk import DESK_ROLES, desk_modules
from .views_population import POPULATION_ROLES

IN_USE_SHOWN = 10


@account_hooks.personal_data.register
def methods_personal_data(user):
    """Each method's contributions by `user`, under the method's name."""
    return {str(manifest.name): list(manifest.personal_data(user)) for manifest in registry}


@account_hooks.erase_user.register
def methods_erase_user(user):
    return sum(manifest.erase(user) or 0 for manifest in registry)


@account_hooks.erase_user.register
def comments_erase_user(user):
    """Comments on anything, whichever method (or later channel) they belong to, lose their author."""
    return Comment.objects.filter(author=user).update(author=None, author_name="")


@account_hooks.my_contributions.register
def methods_contributions(user):
    return {
        str(manifest.name): [_with_status_text(row) for row in manifest.personal_data(user)] for manifest in registry
    }


def _with_status_text(row):
    """A moderated row's status in words, and for one removed by a moderator the reason they gave."""
    status = row.get("status")
    if status in ModerationStatus.values and "status_text" not in row:
        row = {**row, "status_text": str(ModerationStatus(status).label)}
        reason = row.get("moderation_reason")
        if status == ModerationStatus.REJECTED and reason in ModerationReason.values and "status_detail" not in row:
            row["status_detail"] = str(ModerationReason(reason).label)
    return row


@foundation_hooks.participation_method_choices.register
def methods_choices():
    return [(manifest.key, manifest.name) for manifest in registry]


@foundation_hooks.toolbox_method_sections.register
def method_in_use(request, method):
    """On a toolbox method's page: the public dialogues where one can take part this way now."""
    manifest = registry.get(method.participation_method) if method.participation_method else None
    if manifest is None:
        return []
    dialogues = (
        Dialogue.objects.filter(municipality=request.municipality, state=State.OPEN, modules__method=manifest.key)
        .distinct()
        .order_by("-starts_on", "title")[:IN_USE_SHOWN]
    )
    context = {"manifest": manifest, "dialogues": list(dialogues)}
    return [{"template": "participation/public/_toolbox_in_use.html", "context": context}]


@dialogue_hooks.module_staff_pages.register
def method_staff_pages(module, user):
    manifest = module.manifest
    if manifest is None or manifest.staff_pages is None:
        return []
    return manifest.staff_pages(module, user)


@dialogue_hooks.dialogue_staff_pages.register
def desk_page(dialogue, user):
    """The desk ("Registrera inkommet") on the dialogue's staff page, when a way of taking part takes desk input."""
    if not user.has_role(dialogue.municipality, *DESK_ROLES) or not desk_modules(dialogue):
        return []
    return [
        (reverse("participation:desk", args=[dialogue.municipality.slug, dialogue.pk]), _("Register incoming input"))
    ]


ACTION_LABELS = {
    "module.add": _("Added a way to take part"),
    "phase.add": _("Added a phase"),
    "comment.create": _("A comment was written"),
    "moderation.publish": _("Published after moderation"),
    "moderation.remove": _("Removed after moderation"),
    "population.import": _("Population figures imported"),
    "population.delete": _("Population figures removed"),
}


@core_hooks.staff_nav_items.register
def population_staff_nav(request):
    """The population figures, for those who import them (the results and the panel link to them too)."""
    if not request.user.has_role(request.municipality, *POPULATION_ROLES):
        return []
    return [(_("Population"), reverse("participation:population", args=[request.municipality.slug]))]


@core_hooks.audit_action_labels.register
def participation_action_labels():
    labels = dict(ACTION_LABELS)
    for manifest in registry:
        labels.update(manifest.audit_labels)
    return labels


# How participants appear publicly (Dialogue.public_identity): the plan asks, the methods answer.


def _modules_with_manifest(dialogue):
    return [(module, module.manifest) for module in dialogue.modules.all() if module.manifest is not None]


@dialogue_hooks.dialogue_has_contributions.register
def modules_have_contributions(dialogue):
    """Has anyone taken part in any way (input, comments, support…), as each method counts it?"""
    return any(any(manifest.stats(module).values()) for module, manifest in _modules_with_manifest(dialogue))


@dialogue_hooks.dialogue_public_names_hide.register
def modules_public_names_hide(dialogue):
    """The setting became stricter after people took part: what is already shown follows it too."""
    return sum(
        manifest.public_names_hide(module) or 0
        for module, manifest in _modules_with_manifest(dialogue)
        if manifest.public_names_hide is not None
    )


@dialogue_hooks.dialogue_public_identity_unsupported.register
def modules_without_public_identity(dialogue):
    """Names of the dialogue's ways of taking part whose method always shows names."""
    modules = _modules_with_manifest(dialogue)
    return [module.name for module, manifest in modules if not manifest.honours_public_identity]


@account_hooks.identity_protect.register
def participation_identity_protect(user):
    """Protected identity: the name shown with the person's comments, and with their input in every method (any
    model with `author` and `author_name`, found without naming a method), becomes "" (shown as anonymous)."""
    hidden = 0
    for model in django_apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if {"author", "author_name"} <= names and model._meta.get_field("author").is_relation:
            hidden += model.objects.filter(author=user).exclude(author_name="").update(author_name="")
    return hidden
