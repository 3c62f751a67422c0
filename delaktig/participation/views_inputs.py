"""Pages shared by the methods whose inputs residents support and comment on (AbstractInput, read through the
method's InputReads): one input with its support and comments, supporting, commenting, and moderating an input or
a comment. The views are made for one method: `support = support_view(selectors.INPUTS)`."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view

from .forms_inputs import CommentForm, ModerationForm
from .identity import COMMENT_CONTENTS, what_is_public
from .models import Comment, ModerationReason, ModerationStatus
from .rules import allowed
from .services import comment_create, moderate
from .services_inputs import input_moderate, support_toggle
from .urls import module_url
from .views_module import module_context, public_module_get, refuse, staff_guard

# Public pages


def input_or_404(reads, request, module, input_id):
    """The input the visitor may see (published, or their own), or 404."""
    item = reads.input_visible(module, input_id, request.user)
    if item is None:
        raise Http404("No such input")
    return item


def published_or_404(reads, request, module, input_id):
    item = input_or_404(reads, request, module, input_id)
    if not item.is_published:
        raise Http404("Input not published")
    return item


def detail_context(request, module, item, *, reads, comment_form, contents=COMMENT_CONTENTS, suggested=True):
    """The context of an input's page: the input, its comments, support and the comment form. `contents` names
    what a comment makes public; `suggested` as comment_public_lines takes it."""
    return module_context(
        module,
        input=item,
        comments=reads.comments_published(item) if item.is_published else [],
        has_supported=reads.has_supported(item, request.user),
        comment_form=comment_form,
        can_comment=allowed(request.user, "comment", module),
        can_support=allowed(request.user, "support", module),
        comment_public_lines=comment_public_lines(
            module.dialogue, comment_form, request.user, contents, suggested=suggested
        ),
    )


def comment_public_lines(dialogue, form, user, contents, *, suggested=True):
    """What a comment sent with `form` would make public, with the pseudonym typed. When the pseudonym field was
    sent empty they name the suggested one, unless `suggested` is False (they then say "Anonymous participant")."""
    shown_name = dialogue.public_name_for(user, _pseudonym_shown(form, suggested))
    return what_is_public(dialogue, shown_name=shown_name, contents=contents)


def _pseudonym_shown(form, suggested):
    if "pseudonym" not in form.fields:
        return ""
    typed = form["pseudonym"].value()  # what was sent, or the suggestion on a form not sent yet
    return typed or (form.fields["pseudonym"].initial if suggested else "")


def support_view(reads):
    """The view where a resident supports a published input, or takes the support back."""

    @require_POST
    def support(request, dialogue_id, module_id, input_id):
        module = public_module_get(request, dialogue_id, module_id, method=reads.key)
        item = published_or_404(reads, request, module, input_id)
        decision = allowed(request.user, "support", module)
        if not decision:
            return refuse(request, decision, next_url=item.get_absolute_url())
        add = request.POST.get("support") != "remove"
        support_toggle(item=item, user=request.user, support=add)
        messages.success(request, _("Thank you for your support.") if add else _("You no longer support this input."))
        return redirect(item.get_absolute_url())

    return support


def comment_view(reads, *, detail, contents=COMMENT_CONTENTS, names=None):
    """The view where a resident comments on a published input. `detail(request, module, item, comment_form)`
    shows the input's page again with the form's errors; `names` as CommentForm takes it."""

    @require_POST
    def comment(request, dialogue_id, module_id, input_id):
        module = public_module_get(request, dialogue_id, module_id, method=reads.key)
        item = published_or_404(reads, request, module, input_id)
        decision = allowed(request.user, "comment", module)
        if not decision:
            return refuse(request, decision, next_url=item.get_absolute_url())
        form = CommentForm(request.POST, dialogue=module.dialogue, user=request.user, names=names)
        if not form.is_valid():
            return detail(request, module, item, comment_form=form)
        text, pseudonym = form.cleaned_data["text"], form.pseudonym()
        created = comment_create(
            target=item, dialogue=module.dialogue, author=request.user, text=text, pseudonym=pseudonym
        )
        messages.success(request, _comment_sent(module.dialogue, created, contents))
        return redirect(item.get_absolute_url())

    return comment


def _comment_sent(dialogue, comment, contents):
    if comment.status == ModerationStatus.PUBLISHED:
        done = _("Your comment is published.")
    else:
        done = _("Thank you. We will publish your comment when we have read it.")
    return " ".join([done, *what_is_public(dialogue, shown_name=comment.author_name, contents=contents)])


# Staff pages


def input_figures(*own):
    """(key of stats, label) pairs for the staff overview of inputs: the method's `own` first, then the comments,
    supports and participants that InputReads.stats counts."""
    return [*own, ("comments", _("Comments")), ("supports", _("Supports")), ("participants", _("Participants online"))]


def moderation_view(reads, *, template, published_comments=True):
    """The staff page that lists what waits for a moderator in a module and what was published lately (comments
    too, unless `published_comments` is False)."""

    @require_GET
    @staff_view()
    def moderation(request, dialogue_id, module_id):
        module, refusal = staff_guard(request, dialogue_id, module_id, "moderate", method=reads.key)
        if refusal:
            return refusal
        context = module_context(
            module,
            pending_inputs=reads.inputs_pending(module),
            pending_comments=reads.comments_pending(module),
            published_inputs=reads.inputs_recently_published(module),
            reasons=ModerationReason.choices,
        )
        if published_comments:
            context["published_comments"] = reads.comments_recently_published(module)
        return render(request, template, context)

    return moderation


def moderated_item(reads, module, kind, pk):
    """The module's input (`kind` "input") or comment on one of its inputs ("comment"), or 404."""
    if kind == "input":
        return get_object_or_404(reads.with_related(reads.model.objects.all()), module=module, pk=pk)
    if kind == "comment":
        inputs = reads.model.objects.filter(module=module).values("pk")
        content_type = ContentType.objects.get_for_model(reads.model)
        return get_object_or_404(Comment, target_type=content_type, target_id__in=inputs, pk=pk)
    raise Http404("Unknown kind")


def moderate_view(reads, *, template="participation/staff/moderate_item.html"):
    """The staff page where one input or comment is published or removed, with a reason the writer sees. A method's
    `template` may extend the default one and fill its blocks input_heading and account."""

    @require_http_methods(["GET", "POST"])
    @staff_view()
    def moderate_page(request, dialogue_id, module_id, kind, pk):
        module, refusal = staff_guard(request, dialogue_id, module_id, "moderate", method=reads.key)
        if refusal:
            return refusal
        item = moderated_item(reads, module, kind, pk)
        form = ModerationForm(post_data(request))
        if request.method == "GET" or not form.is_valid():
            return render(request, template, module_context(module, item=item, kind=kind, form=form))
        write = input_moderate if kind == "input" else moderate
        data = form.cleaned_data
        write(item=item, actor=request.user, publish=form.publish, reason=data["reason"], note=data["note"])
        messages.success(request, _("Published.") if form.publish else _("Removed. The writer can see why."))
        return redirect(module_url(module, "moderation", staff=True))

    return moderate_page


def export_table(rows, columns, *, headers, reference_prefix, choices):
    """A staff download of inputs as a table: `headers` ({column: label}) people read over the columns, the
    reference people read ("IN-121") in the column "id", and the values of `choices` ({column: TextChoices}) in
    words."""
    header = [str(headers.get(column, column)) for column in columns]
    return [
        header,
        *([_in_words(row[column], column, reference_prefix, choices) for column in columns] for row in rows),
    ]


def _in_words(value, column, reference_prefix, choices):
    if column == "id":
        return f"{reference_prefix}-{value}"
    kind = choices.get(column)
    if kind is not None and value in kind.values:
        return str(kind(value).label)
    return value
