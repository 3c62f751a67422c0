from django import template

from ..urls import module_url as _module_url

register = template.Library()


@register.simple_tag
def module_url(module, name, *args):
    """{% module_url module "detail" input.pk %}: a public page of the module's method."""
    return _module_url(module, name, *args)


@register.simple_tag
def module_staff_url(module, name, *args):
    """{% module_staff_url module "moderate" kind item.pk %}: a staff page of the module's method."""
    return _module_url(module, name, *args, staff=True)
