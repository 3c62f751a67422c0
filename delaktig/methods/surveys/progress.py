"""Where a person is in a survey: the answers so far, kept in their session until they submit.

Also what they came in with: the invitation they opened (its id, after its link was checked) and the token of the
draft they continue (so saving again keeps the same link). Staff previewing a survey have a progress of their own
that is never submitted.

`once` is a random key of this person's answering, made when the progress starts: the response is stored with it
once only, so the same answers sent twice at the same moment (a double click) are one response.
"""

import secrets

KEY = "surveys:{}"
PREVIEW_KEY = "surveys:preview:{}"
LAST_KEY = "surveys:last:{}"  # the reference of the response just submitted, for the confirmation page


class Progress:
    def __init__(self, request, survey, *, preview=False):
        self.request = request
        self.key = (PREVIEW_KEY if preview else KEY).format(survey.pk)
        data = request.session.get(self.key) or {}
        self.answers = dict(data.get("answers") or {})
        self.about = dict(data.get("about") or {})
        self.invitation_id = data.get("invitation")
        self.draft_token = data.get("draft") or ""
        self.page = int(data.get("page") or 1)
        self.once = str(data.get("once") or secrets.token_urlsafe(16))

    def save(self):
        self.request.session[self.key] = {
            "answers": self.answers,
            "about": self.about,
            "invitation": self.invitation_id,
            "draft": self.draft_token,
            "page": self.page,
            "once": self.once,
        }

    def update(self, questions, page_answers):
        """This page's answers replace what the page had before (an answer taken away is gone)."""
        for question in questions:
            self.answers.pop(str(question.pk), None)
        self.answers.update(page_answers)
        self.save()

    def clear(self):
        self.request.session.pop(self.key, None)
