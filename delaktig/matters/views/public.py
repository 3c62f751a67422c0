"""The public list of coming decisions where a citizen dialogue is planned, so residents know in advance."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from delaktig.dialogues.models import PUBLIC_STATES

from .. import selectors

PAGE_SIZE = 25


@require_GET
def coming(request):
    found = selectors.coming_with_dialogue(request.municipality)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    for matter in page.object_list:  # a link only to a dialogue residents can open
        matter.dialogue_open = matter.dialogue is not None and matter.dialogue.state in PUBLIC_STATES
    return render(request, "matters/public/coming.html", {"page": page, "total": page.paginator.count})
