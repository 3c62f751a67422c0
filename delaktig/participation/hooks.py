"""What participation offers to outer apps through delaktig.core.hooks, looping the method registry."""

from delaktig.core import hooks

from .registry import registry


@hooks.register("personal_data")
def methods_personal_data(user):
    """Each method's contributions by `user`, under the method's name."""
    return {str(manifest.name): list(manifest.personal_data(user)) for manifest in registry}


@hooks.register("erase_user")
def methods_erase_user(user):
    return sum(manifest.erase(user) or 0 for manifest in registry)


@hooks.register("participation_method_choices")
def methods_choices():
    return [(manifest.key, manifest.name) for manifest in registry]
