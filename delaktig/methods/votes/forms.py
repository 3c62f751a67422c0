"""Staff forms (the vote's settings, an alternative) and the desk's form for a paper ballot."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import IdentityLevel, User
from delaktig.core.forms import Form, ModelForm
from delaktig.core.images import MAX_BYTES, PhotoError, photo_clean
from delaktig.identity import selectors as identity
from delaktig.organisations.models import Area

from .ballots import BallotInvalid, BallotRules, ballot_from_post
from .eligibility import OUTSIDE, NotEligible, declared_from_post
from .models import Ballot, BallotType, Vote, VotingBy
from .services import account_key, paper_key
from .window import VoteWindow, closes_at_of, vote_closed

PDF_MAX = 20 * 1024 * 1024


def ALREADY_VOTED():  # noqa: N802
    return gettext("This person has voted already, on the web or on paper. The ballot was not entered.")


def is_closed(module):
    ends = closes_at_of([(phase.phase_type, phase.ends_at) for phase in module.phases.all()])
    return vote_closed(module.dialogue.state, ends, timezone.now())


class VoteForm(ModelForm):
    class Meta:
        model = Vote
        fields = [
            "question",
            "rules_text",
            "ballot_type",
            "max_choices",
            "points_total",
            "voting_by",
            "identity_level",
            "residents_only",
            "area",
            "age_min",
            "age_max",
            "staff_see_early",
        ]
        widgets = {
            "ballot_type": forms.RadioSelect,
            "voting_by": forms.RadioSelect,
            "rules_text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(municipality=municipality)
        self.fields["identity_level"].choices = [
            (level.value, level.label) for level in IdentityLevel if level >= IdentityLevel.EMAIL
        ]
        self.fields["identity_level"].help_text = _(
            "E-identification works once an administrator has set up the provider for it (Settings → Login and "
            "e-identification); people without it get a button to log in with it."
        )
        self.municipality = municipality
        self.fields["identity_level"].label = _("identity needed to vote when logged in")
        self.fields["voting_by"].required = False  # not sent: as it was

    def clean_identity_level(self):
        level = self.cleaned_data["identity_level"]
        problem = identity.level_unreachable(self.municipality, level or 0)
        if problem:
            raise forms.ValidationError(problem)
        return level

    def clean_voting_by(self):
        return self.cleaned_data.get("voting_by") or self.instance.voting_by or VotingBy.ACCOUNT
        self.fields["question"].error_messages["required"] = _("Write the question of the vote.")

    def clean(self):
        data = super().clean()
        kind = data.get("ballot_type")
        if kind == BallotType.APPROVAL and not data.get("max_choices"):
            self.add_error("max_choices", _("Say how many alternatives a voter may choose at most."))
        if kind == BallotType.POINTS and not data.get("points_total"):
            self.add_error("points_total", _("Say how many points each voter has to distribute."))
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", _("The highest age cannot be lower than the lowest."))
        return data


class AlternativeForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    cost = forms.IntegerField(label=_("Cost in kronor"), required=False, min_value=0, max_value=10**12)
    image = forms.FileField(
        label=_("Add an image"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("What does the image show?"),
        required=False,
        max_length=300,
        help_text=_("Read out to people who cannot see the image. Needed with every image."),
    )
    pdf = forms.FileField(
        label=_("PDF file"),
        required=False,
        help_text=_("Optional: a sketch or a longer description. At most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    pdf_remove = forms.BooleanField(label=_("Remove the PDF file"), required=False)

    def __init__(self, *args, has_pdf=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_pdf:
            del self.fields["pdf_remove"]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The image is larger than 10 MB. Choose a smaller image."))
        try:
            return photo_clean(upload.read())
        except PhotoError as error:
            raise forms.ValidationError(error.message) from None

    def clean_pdf(self):
        upload = self.cleaned_data.get("pdf")
        if not upload:
            return None
        if upload.size > PDF_MAX:
            raise forms.ValidationError(_("The file is larger than 20 MB. Choose a smaller PDF file."))
        data = upload.read()
        if data[:5] != b"%PDF-":
            raise forms.ValidationError(_("The file is not a PDF. Choose a PDF file."))
        return data

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Describe what the image shows."))
        return data


class DeskBallotForm(Form):
    """One paper ballot at the desk: the same ballot as on the web, the voter's age and area as the paper says, and
    who it is (so the same person is not counted twice) when the paper tells."""

    voter_email = forms.EmailField(
        label=_("The voter's e-mail address"),
        required=False,
        help_text=_("If the paper gives one: a person with an account who has voted on the web cannot vote again."),
    )
    voter_name = forms.CharField(label=_("The voter's name"), required=False, max_length=150)
    voter_identifier = forms.CharField(
        label=_("Date of birth or address"),
        required=False,
        max_length=150,
        help_text=_("With the name, stops the same person's paper being entered twice. Neither is stored."),
    )

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.module = module
        self.vote = Vote.objects.filter(module=module).first()
        self.alternatives = list(self.vote.alternatives.all()) if self.vote else []
        self._ballot_fields()
        self._about_fields()

    def _ballot_fields(self):
        vote = self.vote
        kind = vote.ballot_type if vote else BallotType.SINGLE
        titles = [(str(alternative.pk), alternative.title) for alternative in self.alternatives]
        if kind == BallotType.SINGLE:
            self.fields["choice"] = forms.ChoiceField(
                label=_("The alternative chosen"), choices=titles, widget=forms.RadioSelect, required=False
            )
        elif kind == BallotType.APPROVAL:
            self.fields["choice"] = forms.MultipleChoiceField(
                label=_("The alternatives chosen"),
                choices=titles,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        else:
            prefix = "rank_" if kind == BallotType.RANKING else "points_"
            label = _("Place in the ranking: %(title)s") if kind == BallotType.RANKING else _("Points: %(title)s")
            for pk, title in titles:
                self.fields[f"{prefix}{pk}"] = forms.CharField(label=label % {"title": title}, required=False,
                                                               max_length=4)  # fmt: skip

    def _about_fields(self):
        areas = list(Area.objects.filter(municipality=self.module.dialogue.municipality).values_list("pk", "name"))
        self.fields["age"] = forms.CharField(label=_("Age"), required=False, max_length=3)
        if areas:
            self.fields["area"] = forms.ChoiceField(
                label=_("Lives in"),
                required=False,
                choices=[
                    ("", _("Not told")),
                    *((str(pk), name) for pk, name in areas),
                    (OUTSIDE, _("Outside the municipality")),
                ],
            )
        else:
            self.fields["resident"] = forms.BooleanField(label=_("Lives in the municipality"), required=False)
        self.area_ids = frozenset(pk for pk, _name in areas)

    def _window(self):
        vote = self.vote
        return VoteWindow(
            module_id=self.module.pk, dialogue_id=self.module.dialogue_id, municipality_id=vote.municipality_id,
            module_name=self.module.name, dialogue_kind="", dialogue_state="", phases=(), vote_id=vote.pk,
            rules=BallotRules(vote.ballot_type, tuple(a.pk for a in self.alternatives), vote.max_choices,
                              vote.points_total),
            identity_level=vote.identity_level, voting_by=vote.voting_by,
            residents_only=vote.residents_only or vote.area_id is not None,
            area_id=vote.area_id, age_min=vote.age_min, age_max=vote.age_max, area_ids=self.area_ids,
        )  # fmt: skip

    def clean(self):
        data = super().clean()
        if self.vote is None or not self.alternatives:
            raise forms.ValidationError(_("The vote has no alternatives yet."))
        window = self._window()
        try:
            data["choices"] = ballot_from_post(self.data_for_ballot(), window.rules)
        except BallotInvalid as error:
            self.add_error(None, error.message)
        try:
            data["declared"] = declared_from_post(self.data_for_ballot(), window)
        except NotEligible as error:
            for name, message in error.errors.items():
                self.add_error(name if name in self.fields else None, message)
        data["voter_key"], data["voter"] = self._voter(data)
        if data["voter_key"] and Ballot.objects.filter(vote=self.vote, voter_key=data["voter_key"]).exists():
            self.add_error(None, ALREADY_VOTED())
        if is_closed(self.module):
            self.add_error(None, _("The vote has closed. Paper ballots can no longer be entered."))
        return data

    def data_for_ballot(self):
        """The ballot's fields as the public page posts them (without the desk's prefix)."""
        found = {}
        for name in self.fields:
            key = self.add_prefix(name)
            if name == "choice" and hasattr(self.data, "getlist"):
                found[name] = self.data.getlist(key)
            else:
                found[name] = self.data.get(key, "")
        return found

    def _voter(self, data):
        email = (data.get("voter_email") or "").strip().lower()
        if email:
            user = User.objects.filter(email=email).first()
            if user is not None:
                return account_key(user.pk), user
        name, identifier = (data.get("voter_name") or "").strip(), (data.get("voter_identifier") or "").strip()
        if name and identifier:
            return paper_key(name, identifier), None
        if email:
            return paper_key(email, "e-mail"), None
        return "", None
