"""Where a person is in a survey: the answers so far, kept in their session until they submit.

Also what they came in with: the invitation they opened (its id, after its link was checked) and the token of the
draft they continue (so saving again keeps the same link). Staff previewing a survey have a progress of their own
that is never submitted.

`once` is a random key of this person's answering, made when the progress starts: the response is stored with it
once only, so the same answers sent twice at the same moment (a double click) are one response.

The check page carries the progress it shows, signed (`seal`): "send" stores what the person checked without reading
their session, and the confirmation page forgets the progress afterwards.
"""

import hashlib
import secrets

from django.core import signing

KEY = "surveys:{}"
PREVIEW_KEY = "surveys:preview:{}"
SEAL_SALT = "surveys.check:{}"
SEAL_MAX_AGE = 7 * 24 * 60 * 60  # a check page left open for a week can still be sent
DONE_SALT = "surveys.done:{}"
DONE_MAX_AGE = 24 * 60 * 60  # how long the confirmation page's link shows the reference


class Progress:
    def __init__(self, request, survey, *, preview=False, data=None):
        """The progress in this person's session, or the one `data` holds (a check page's, unsealed)."""
        self.request = request
        self.survey_pk = survey.pk
        self.key = (PREVIEW_KEY if preview else KEY).format(survey.pk)
        self.sealed = data is not None
        data = data if data is not None else (request.session.get(self.key) or {})
        self.stored = bool(data)
        self.answers = dict(data.get("answers") or {})
        self.about = dict(data.get("about") or {})
        self.invitation_id = data.get("invitation")
        self.draft_token = data.get("draft") or ""
        self.page = int(data.get("page") or 1)
        self.once = str(data.get("once") or secrets.token_urlsafe(16))
        self.known_address = str(data.get("to") or "") if self.sealed else ""  # the receipt's, as the page knew it
        # when the check page found the answers complete: the survey's updated_at then, as ISO 8601 ("" if not)
        self.checked = str(data.get("checked") or "") if self.sealed else ""

    @classmethod
    def unsealed(cls, request, survey, value):
        """The progress a check page carried (`seal`), or None when it is not one of ours, is for another survey or
        is too old."""
        try:
            data = signing.loads(value, salt=SEAL_SALT.format(survey.pk), max_age=SEAL_MAX_AGE)
        except signing.BadSignature:
            return None
        return cls(request, survey, data=data) if isinstance(data, dict) and data.get("once") else None

    def data(self):
        return {
            "answers": self.answers,
            "about": self.about,
            "invitation": self.invitation_id,
            "draft": self.draft_token,
            "page": self.page,
            "once": self.once,
        }

    def save(self):
        self.request.session[self.key] = self.data()
        self.stored = True

    def seal(self, **extra):
        """This progress signed (not encrypted: it goes back to the person it is about), with `extra` beside it."""
        return signing.dumps({**self.data(), **extra}, salt=SEAL_SALT.format(self.survey_pk), compress=True)

    def once_hash(self):
        return hashlib.sha256(self.once.encode()).hexdigest()[:16]

    def update(self, questions, page_answers):
        """This page's answers replace what the page had before (an answer taken away is gone)."""
        for question in questions:
            self.answers.pop(str(question.pk), None)
        self.answers.update(page_answers)
        self.save()

    def clear(self):
        """Forget the progress in the session (one a check page carried: only when the session's is the same)."""
        if self.sealed and (self.request.session.get(self.key) or {}).get("once") != self.once:
            return
        self.request.session.pop(self.key, None)
