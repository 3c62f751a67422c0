"""Going through a survey page by page: which pages and questions apply, where "continue" and "back" lead, and the
pages themselves. Residents (views/answer.py) and staff previewing a survey (views/preview.py) share it, so the
preview is exactly what residents see; only the last step differs.
"""

from dataclasses import dataclass

from django.shortcuts import redirect, render

from ..forms_answer import AboutForm, AnswerForm
from ..progress import Progress
from ..structure import AnswersInvalid, Structure, answers_check, condition_text, shown, structure_of
from .common import module_context, url

SAVE = "save"  # the name of the "save and continue later" button


@dataclass
class Flow:
    module: object
    survey: object
    structure: Structure
    progress: Progress
    preview: bool = False

    @classmethod
    def of(cls, request, module, survey, *, preview=False, progress=None):
        """`progress`: the one a check page carried, else the session's is read."""
        structure = structure_of(survey, kept=not preview)  # residents: the copy kept while the survey is unchanged
        progress = progress if progress is not None else Progress(request, survey, preview=preview)
        known = {str(pk) for pk in structure.questions}  # a question removed since is forgotten, not refused
        progress.answers = {key: value for key, value in progress.answers.items() if key in known}
        return cls(module, survey, structure, progress, preview)

    # Where things are

    def name(self, page):
        return f"staff:preview_{page}" if self.preview else page

    def page_url(self, number):
        return url(self.name("page"), self.module, number)

    def about_url(self):
        return url(self.name("about"), self.module)

    def check_url(self):
        return url(self.name("check"), self.module)

    def start_url(self):
        pages = self.pages()
        return self.page_url(pages[0]) if pages else self.check_url()

    # What applies

    def pages(self):
        """The page numbers (1 for the first section) that apply to the answers so far."""
        applies = shown(self.structure, self.progress.answers).sections
        return [n for n, section in enumerate(self.structure.sections, 1) if section.pk in applies]

    def page_count(self):
        return len(self.pages()) + (1 if self.survey.about_you else 0)

    def questions_on(self, section):
        """A question whose condition reads an earlier page shows only when it is met; one whose condition reads a
        question on the same page is shown with a line saying when to answer it (no script needed)."""
        others = {k: v for k, v in self.progress.answers.items() if int(k) not in {q.pk for q in section.question_list}}
        applies = shown(self.structure, others).questions
        same_page = {q.pk for q in section.question_list}
        return [q for q in section.question_list if q.pk in applies or (q.condition_question_id in same_page)]

    def after(self, number):
        """Where "continue" leads from page `number`: the next page that applies, "about you", or the check."""
        later = [n for n in self.pages() if n > number]
        if later:
            return self.page_url(later[0])
        return self.about_url() if self.survey.about_you else self.check_url()

    def before(self, number):
        earlier = [n for n in self.pages() if n < number]
        return self.page_url(earlier[-1]) if earlier else None

    def last_page_url(self):
        pages = self.pages()
        return self.page_url(pages[-1]) if pages else None

    def context(self, **extra):
        return module_context(self.module, survey=self.survey, flow=self, preview=self.preview, **extra)


def page_view(request, flow, number, *, on_save=None):
    """One page of questions: GET shows it with the answers given before; POST keeps the answers and goes on."""
    section = flow.structure.section_of(number)
    if section is None or number not in flow.pages():
        return redirect(flow.start_url())
    questions = flow.questions_on(section)
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(data, structure=flow.structure, questions=questions, answers=flow.progress.answers)
    if data is not None:
        valid = form.is_valid()
        if SAVE in request.POST and on_save is not None:
            flow.progress.update(questions, form.page_answers)
            return on_save(number)
        if valid:
            flow.progress.update(questions, form.page_answers)
            flow.progress.page = number
            flow.progress.save()
            return redirect(flow.after(number))
    pages = flow.pages()
    context = flow.context(
        form=form,
        section=section,
        number=number,
        position=pages.index(number) + 1,
        page_count=flow.page_count(),
        back_url=flow.before(number),
        section_condition=condition_text(flow.structure, section) if section.condition_question_id else "",
        can_save=on_save is not None,
        form_action=flow.page_url(number),
    )
    return render(request, "surveys/page.html", context)


def about_view(request, flow, *, on_save=None):
    if not flow.survey.about_you:
        return redirect(flow.check_url())
    municipality = flow.survey.municipality
    if request.method == "POST":
        form = AboutForm(request.POST, municipality=municipality)
        valid = form.is_valid()
        if valid:
            flow.progress.about = form.values()
            flow.progress.save()
            if SAVE in request.POST and on_save is not None:
                return on_save(len(flow.structure.sections) + 1)
            return redirect(flow.check_url())
    else:
        form = AboutForm(initial=flow.progress.about, municipality=municipality)
    context = flow.context(
        form=form,
        position=flow.page_count(),
        page_count=flow.page_count(),
        back_url=flow.last_page_url(),
        can_save=on_save is not None,
    )
    return render(request, "surveys/about.html", context)


def check_answers(flow):
    """(answers that apply, errors): the answers so far checked whole, as submitting will check them."""
    try:
        return answers_check(flow.structure, flow.progress.answers), {}
    except AnswersInvalid as invalid:
        return {}, invalid.errors


def check_context(flow, *, errors=None, **extra):
    """The check page: every page that applies with its questions and answers in words, and a link to change."""
    from .. import questions as types

    answers = flow.progress.answers
    applies = shown(flow.structure, answers)
    pages = []
    for number, section in enumerate(flow.structure.sections, 1):
        if section.pk not in applies.sections:
            continue
        rows = [
            (
                question,
                flow.structure.number(question),
                types.answer_display(question, answers.get(str(question.pk))),
                (errors or {}).get(str(question.pk), []),
            )
            for question in section.question_list
            if question.pk in applies.questions
        ]
        pages.append((number, section, flow.page_url(number), rows))
    return flow.context(
        pages=pages,
        about=_about_shown(flow),
        errors=errors or {},
        general_errors=(errors or {}).get("", []),
        back_url=flow.about_url() if flow.survey.about_you else flow.last_page_url(),
        **extra,
    )


def _about_shown(flow):
    """[(label, answer in words)] of the "about you" page, or None when the survey does not ask."""
    if not flow.survey.about_you:
        return None
    form = AboutForm(flow.progress.about, municipality=flow.survey.municipality)
    form.is_valid()
    rows = []
    for name, field in form.fields.items():
        rows.append((field.label, _in_words(field, form.cleaned_data.get(name))))
    return rows


def _in_words(field, value):
    if hasattr(value, "pk"):  # an area
        return str(value)
    return str(dict(field.choices).get(value, "")) if value else ""
