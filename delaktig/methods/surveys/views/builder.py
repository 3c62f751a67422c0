"""The builder in the staff workspace: start a survey (blank, from a template or as a copy), its settings, its pages
and questions of every type, and their order with up and down buttons (plain forms, no script)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from delaktig.organisations.permissions import staff_view
from delaktig.participation.rules import allowed

from .. import selectors
from .. import services_builder as builder
from ..forms_builder import (
    BLANK,
    CopyForm,
    KindForm,
    QuestionForm,
    SectionForm,
    StartForm,
    SurveyForm,
    condition_initial,
)
from ..models import Kind, Question, Section
from ..structure import condition_text, structure_of
from ..survey_templates import template_get, templates
from .common import guard, module_context, module_get, survey_or_none, url

ACTIONS = ("build", "invite", "enter", "results", "evaluation_template")


def _posted(request):
    return request.POST if request.method == "POST" else None


def can(request, module):
    return {action: bool(allowed(request.user, action, module)) for action in ACTIONS}


def _survey_needed(request, module):
    survey = survey_or_none(module)
    if survey is None:
        messages.info(request, _("Start the survey first."))
    return survey


def _refused(request, refused):
    messages.error(request, refused.message)


@require_http_methods(["GET", "POST"])
@staff_view()
def index(request, dialogue_id, module_id):
    """The survey's pages and questions; without a survey yet, a form to start one (blank or from a template)."""
    module = module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    context = module_context(module, survey=survey, can=can(request, module), phase=module.active_phase())
    if survey is None:
        return _start(request, module, context)
    if request.method == "POST":
        return redirect(url("staff:index", module))
    structure = structure_of(survey)
    context.update(
        structure=structure,
        sections=[
            (
                n,
                section,
                condition_text(structure, section) if section.condition_question_id else "",
                [
                    (q, structure.number(q), condition_text(structure, q) if q.condition_question_id else "")
                    for q in section.question_list
                ],
            )
            for n, section in enumerate(structure.sections, 1)
        ],
        counts=selectors.responses_count(survey),
        kinds=Kind.choices,
    )
    return render(request, "surveys/staff/index.html", context)


def _start(request, module, context):
    form = StartForm(request.POST if request.method == "POST" else None, templates=templates())
    if request.method == "POST":
        if not context["can"]["build"]:
            return guard(request, module.dialogue_id, module.pk, "build")[1]
        if form.is_valid():
            _survey_start(request, module, form.cleaned_data["start"], form.cleaned_data["title"])
            return redirect(url("staff:index", module))
    return render(request, "surveys/staff/start.html", {**context, "form": form})


def _survey_start(request, module, start, title):
    if start == BLANK:
        builder.survey_create(module=module, actor=request.user, title=title or module.name)
        messages.success(request, _("The survey is made. Add its questions."))
        return
    spec = template_get(start)
    builder.survey_from_template(module=module, actor=request.user, spec={**spec, "title": title or spec["title"]})
    messages.success(request, _("The survey is made from the template. Change what you need before it opens."))


@require_http_methods(["GET", "POST"])
@staff_view()
def copy(request, dialogue_id, module_id):
    """Copy this survey (questions, not responses) to a survey module of another dialogue of the municipality."""
    module, refusal = guard(request, dialogue_id, module_id, "build")
    if refusal:
        return refusal
    survey = _survey_needed(request, module)
    if survey is None:
        return redirect(url("staff:index", module))
    targets = list(selectors.copy_targets(survey))
    form = CopyForm(_posted(request), targets=targets)
    if request.method == "POST" and form.is_valid():
        target = form.target()
        try:
            builder.survey_copy(source=survey, module=target, actor=request.user)
        except builder.BuilderRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The survey is copied to “%(name)s”.") % {"name": target.name})
            return redirect(url("staff:index", target))
    return render(request, "surveys/staff/copy.html", module_context(module, survey=survey, form=form, targets=targets))


@require_http_methods(["GET", "POST"])
@staff_view()
def settings(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "build")
    if refusal:
        return refusal
    survey = _survey_needed(request, module)
    if survey is None:
        return redirect(url("staff:index", module))
    initial = {name: getattr(survey, name) for name in builder.SURVEY_FIELDS}
    form = SurveyForm(_posted(request), initial=initial, dialogue=module.dialogue)
    if request.method == "POST" and form.is_valid():
        try:
            builder.survey_update(survey=survey, actor=request.user, **form.cleaned_data)
        except builder.BuilderRefused as refused:
            form.add_error("access", refused.message)
        else:
            messages.success(request, _("The settings are saved."))
            return redirect(url("staff:index", module))
    return render(request, "surveys/staff/survey_form.html", module_context(module, survey=survey, form=form))


@require_POST
@staff_view()
def publish(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "build")
    if refusal:
        return refusal
    survey = _survey_needed(request, module)
    if survey is not None:
        published = request.POST.get("published") == "1"
        builder.results_publish(survey=survey, actor=request.user, published=published)
        if published:
            messages.success(request, _("The results are published on the survey's public page."))
        else:
            messages.success(request, _("The results are no longer on the public pages."))
    return redirect(url("staff:results", module))


# Pages (sections)


def _section_or_404(survey, section_id):
    return get_object_or_404(Section, survey=survey, pk=section_id)


def _builder_guard(request, dialogue_id, module_id):
    """(module, survey, None) for someone who may build; else (module, None, the response to give)."""
    module, refusal = guard(request, dialogue_id, module_id, "build")
    if refusal:
        return module, None, refusal
    survey = survey_or_none(module)
    if survey is None:
        return module, None, redirect(url("staff:index", module))
    return module, survey, None


@require_http_methods(["GET", "POST"])
@staff_view()
def section_add(request, dialogue_id, module_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    structure = structure_of(survey)
    form = SectionForm(_posted(request), structure=structure)
    if request.method == "POST" and form.is_valid():
        try:
            section = builder.section_add(
                survey=survey,
                actor=request.user,
                title=form.cleaned_data["title"],
                help_text=form.cleaned_data["help_text"],
                **form.condition_values(),
            )
        except builder.BuilderRefused as refused:
            form.add_error("condition", refused.message)
        else:
            messages.success(request, _("The page is added. Add its questions."))
            return redirect(url("staff:index", module) + f"#section-{section.pk}")
    return render(request, "surveys/staff/section_form.html", module_context(module, survey=survey, form=form))


@require_http_methods(["GET", "POST"])
@staff_view()
def section_edit(request, dialogue_id, module_id, section_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    section = _section_or_404(survey, section_id)
    structure = structure_of(survey)
    initial = {"title": section.title, "help_text": section.help_text, "condition": condition_initial(section)}
    form = SectionForm(_posted(request), structure=structure, section=section, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            builder.section_update(
                section=section,
                actor=request.user,
                title=form.cleaned_data["title"],
                help_text=form.cleaned_data["help_text"],
                **form.condition_values(),
            )
        except builder.BuilderRefused as refused:
            form.add_error("condition", refused.message)
        else:
            messages.success(request, _("The page is saved."))
            return redirect(url("staff:index", module) + f"#section-{section.pk}")
    context = module_context(module, survey=survey, form=form, section=section)
    return render(request, "surveys/staff/section_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def section_remove(request, dialogue_id, module_id, section_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    section = _section_or_404(survey, section_id)
    if request.method == "POST":
        try:
            builder.section_remove(section=section, actor=request.user)
        except builder.BuilderRefused as refused:
            _refused(request, refused)
        else:
            messages.success(request, _("The page and its questions are removed."))
        return redirect(url("staff:index", module))
    context = module_context(
        module, survey=survey, what=section.title or _("the page"), count=section.questions.count(), section=section
    )
    return render(request, "surveys/staff/remove.html", context)


@require_POST
@staff_view()
def section_move(request, dialogue_id, module_id, section_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    section = _section_or_404(survey, section_id)
    try:
        builder.section_move(section=section, actor=request.user, direction=_direction(request))
    except builder.BuilderRefused as refused:
        _refused(request, refused)
    return redirect(url("staff:index", module) + f"#section-{section.pk}")


def _direction(request):
    return builder.UP if request.POST.get("direction") == builder.UP else builder.DOWN


# Questions


def _question_or_404(survey, question_id):
    return get_object_or_404(Question.objects.select_related("section"), survey=survey, pk=question_id)


@require_http_methods(["GET", "POST"])
@staff_view()
def question_add(request, dialogue_id, module_id, section_id):
    """First the type (?typ=… or the list), then the question's own form."""
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    section = _section_or_404(survey, section_id)
    kind_form = KindForm(request.GET if "kind" in request.GET else None)
    if not kind_form.is_bound or not kind_form.is_valid():
        context = module_context(module, survey=survey, section=section, form=kind_form)
        return render(request, "surveys/staff/kind_form.html", context)
    kind = kind_form.cleaned_data["kind"]
    structure = structure_of(survey)
    form = QuestionForm(
        _posted(request), kind=kind, structure=structure, section=section, initial={"scale_min": 1, "scale_max": 5}
    )
    if request.method == "POST" and form.is_valid():
        try:
            question = builder.question_add(
                section=section,
                actor=request.user,
                kind=kind,
                text=form.cleaned_data["text"],
                help_text=form.cleaned_data["help_text"],
                required=form.cleaned_data["required"],
                options=form.options,
                **form.condition_values(),
            )
        except builder.BuilderRefused as refused:
            form.add_error("condition", refused.message)
        else:
            messages.success(request, _("The question is added."))
            return redirect(url("staff:index", module) + f"#question-{question.pk}")
    context = module_context(module, survey=survey, section=section, form=form, kind_label=Kind(kind).label)
    return render(request, "surveys/staff/question_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def question_edit(request, dialogue_id, module_id, question_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    question = _question_or_404(survey, question_id)
    structure = structure_of(survey)
    form = QuestionForm(
        _posted(request),
        kind=question.kind,
        structure=structure,
        question=question,
        initial=QuestionForm.initial_of(question),
    )
    if request.method == "POST" and form.is_valid():
        section = Section.objects.filter(survey=survey, pk=form.cleaned_data["section"]).first()
        try:
            builder.question_update(
                question=question,
                actor=request.user,
                text=form.cleaned_data["text"],
                help_text=form.cleaned_data["help_text"],
                required=form.cleaned_data["required"],
                options=form.options,
                section=section,
                **form.condition_values(),
            )
        except builder.BuilderRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The question is saved."))
            return redirect(url("staff:index", module) + f"#question-{question.pk}")
    context = module_context(
        module,
        survey=survey,
        question=question,
        form=form,
        kind_label=Kind(question.kind).label,
        has_answers=builder.question_has_answers(question),
    )
    return render(request, "surveys/staff/question_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def question_remove(request, dialogue_id, module_id, question_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    question = _question_or_404(survey, question_id)
    if request.method == "POST":
        try:
            builder.question_remove(question=question, actor=request.user)
        except builder.BuilderRefused as refused:
            _refused(request, refused)
        else:
            messages.success(request, _("The question is removed."))
        return redirect(url("staff:index", module))
    context = module_context(module, survey=survey, what=question.text, question=question)
    return render(request, "surveys/staff/remove.html", context)


@require_POST
@staff_view()
def question_move(request, dialogue_id, module_id, question_id):
    module, survey, refusal = _builder_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    question = _question_or_404(survey, question_id)
    try:
        builder.question_move(question=question, actor=request.user, direction=_direction(request))
    except builder.BuilderRefused as refused:
        _refused(request, refused)
    return redirect(url("staff:index", module) + f"#question-{question.pk}")
