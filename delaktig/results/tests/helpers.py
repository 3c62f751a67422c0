from django.urls import reverse


def rurl(name, dialogue, *extra):
    return reverse(f"results:{name}", args=[dialogue.municipality.slug, dialogue.pk, *extra])
