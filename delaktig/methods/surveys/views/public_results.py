"""The published results on the survey's public page: closed questions as charts with their numbers in a table.
Free-text answers are not shown here (they may hold what people would not want public); they reach the dialogue's
results through the results workspace, where staff choose quotes."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..selectors_results import results_of
from .common import module_context, public_module_get, survey_or_404


@require_GET
def results(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_404(module)
    if not survey.results_published:
        raise Http404("Results not published")
    context = module_context(module, survey=survey, results=results_of(survey), public=True)
    return render(request, "surveys/results_public.html", context)
