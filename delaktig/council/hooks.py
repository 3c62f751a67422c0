"""What council offers to central pages through delaktig.core.hooks (registered in CouncilConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks

from .models import Meeting, Question
from .views.staff import READERS


@core_hooks.main_nav_items.register
def council_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None or not Meeting.objects.filter(municipality=municipality).exists():
        return []
    return [
        (pgettext("main menu", "Meetings and question time"), reverse("council:calendar", args=[municipality.slug]))
    ]


@core_hooks.staff_nav_items.register
def council_staff_nav(request):
    if not request.user.has_role(request.municipality, *READERS):
        return []
    return [(_("Question time"), reverse("council:staff_overview", args=[request.municipality.slug]))]


@core_hooks.audit_action_labels.register
def council_action_labels():
    return {
        "council_question.submit": _("Question for question time sent"),
        "council_question.approve": _("Question approved for question time"),
        "council_question.refuse": _("Question not approved"),
        "council_question.answer": _("Answer to a question recorded"),
        "council_question.withdraw": _("Question withdrawn by the asker"),
        "council_meeting.create": _("Meeting added to the calendar"),
        "council_meeting.update": _("Meeting changed"),
        "council_meeting.cancel": pgettext("council", "Meeting cancelled"),
        "council_settings.update": _("Question time settings changed"),
    }


@account_hooks.my_pages_section.register
def my_questions_section(request):
    municipality = getattr(request, "municipality", None)
    if not request.user.is_authenticated:
        return None
    questions = Question.objects.filter(asker=request.user).select_related("meeting__body", "municipality")
    if municipality is not None:
        questions = questions.filter(municipality=municipality)
    questions = list(questions.order_by("-submitted_at", "-id")[:50])
    if not questions:
        return None
    return {
        "title": _("Your questions for question time"),
        "template": "council/public/my_pages.html",
        "context": {"questions": questions},
    }


@account_hooks.personal_data.register
def council_personal_data(user):
    rows = Question.objects.filter(asker=user).select_related("meeting__body", "municipality")
    return {
        "question_time": [
            {
                "municipality": q.municipality.name,
                "number": q.number,
                "body": q.meeting.body.name,
                "meeting": q.meeting.starts_at.isoformat(),
                "to": q.addressee_name,
                "question": q.text,
                "name": q.asker_name,
                "status": q.status,
                "submitted_at": q.submitted_at.isoformat(),
                "identity_level": q.identity_level,
            }
            for q in rows
        ]
    }


@account_hooks.erase_user.register
def council_erase_user(user):
    """A question asked at question time is part of the body's records: it stays, without the person or name."""
    return Question.objects.filter(asker=user).update(asker=None, asker_name="")
