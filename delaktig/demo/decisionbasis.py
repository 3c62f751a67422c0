"""Demo data for decisionbasis: one version on the closed dialogue with the most themes, signed by the officer and
sent to the board, so its public page links the PDF and Word files."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Case, Count, IntegerField, When

from delaktig.decisionbasis import selectors, services
from delaktig.decisionbasis.models import AttachmentKind, DecisionBasis, Letterhead
from delaktig.decisionbasis.views import STATES
from delaktig.dialogues.models import Dialogue
from delaktig.organisations.models import Membership

ASSESSMENT = (
    "Dialogen gav många konkreta synpunkter som går att använda i ärendet. De teman som kom fram oftast "
    "ryms inom ärendets ramar och budget. Förvaltningen föreslår att nämnden tar med dem i beslutet och "
    "återkopplar till deltagarna om vilka förslag som genomförs och varför.\n\n"
    "Unga och boende utanför centralorten deltog i mindre utsträckning än andra. Förvaltningen föreslår "
    "en kompletterande dialog med skolornas elevråd innan det slutliga förslaget."
)
CHILD_RIGHTS = (
    "Barn och unga berörs av beslutet. Elever i årskurs 6–9 deltog genom skolornas elevråd, och deras synpunkter "
    "finns med bland temana. Förslaget bedöms vara förenligt med barnets bästa."
)
REPRESENTATIVENESS = "Få deltagare under 18 år. Vi nådde inte boende i de norra byarna."
CONSULTATION = "Samråd hölls med länsstyrelsen och grannkommunerna. Inga invändningar mot förslagen i sak."
PROPOSED_DECISION = (
    "Resultatet av medborgardialogen tas med i det fortsatta arbetet med ärendet.\n"
    "De förslag som fick mest stöd genomförs inom ramen för budgeten.\n"
    "Förvaltningen återkopplar till deltagarna senast två månader efter beslutet."
)
SIGNER_TITLE = "Utredare"


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist."""
    _logo(muni, people.get("admin"))
    dialogue = _dialogue_with_results(muni)
    if dialogue is None or DecisionBasis.objects.filter(dialogue=dialogue).exists():
        return
    officer = people["handlaggare"]
    signer = selectors.signers_for(muni).filter(user=officer).first()
    if signer is None:
        return
    if not signer.title:
        Membership.objects.filter(pk=signer.pk).update(title=SIGNER_TITLE)
        signer.title = SIGNER_TITLE
    children = selectors.children_among_target_groups(dialogue)
    basis = services.decision_basis_request(
        dialogue=dialogue,
        actor=officer,
        assessment=ASSESSMENT,
        proposed_decision=PROPOSED_DECISION,
        signer=signer,
        addressee=selectors.default_addressee(dialogue),
        background=dialogue.background,
        representativeness_text=REPRESENTATIVENESS,
        consultation_text=CONSULTATION,
        child_rights_text=CHILD_RIGHTS if children else "",
        attachments=[(ContentFile(_map_sketch(), name="karta-over-omradet.png"), AttachmentKind.PNG)],
    )
    if settings.DEMO_DOCUMENTS_AT_ONCE:  # so `make run` shows the downloads at once; else the worker makes them
        basis = services.decision_basis_generate(basis_id=basis.pk)
        if basis.is_done:
            services.decision_basis_send(basis=basis, actor=officer)


def _dialogue_with_results(muni):
    """The dialogue from "closed" onwards with a case number and the most themes (results' demo adds them);
    among equals the one whose results are compiled, as a decision basis follows that step."""
    candidates = (
        Dialogue.objects.filter(municipality=muni, state__in=STATES)
        .exclude(case_number="")
        .annotate(
            theme_count=Count("themes"),
            compiled=Case(When(state="results_compiled", then=1), default=0, output_field=IntegerField()),
        )
        .order_by("-theme_count", "-compiled", "-closed_at", "pk")
    )
    return candidates.first()


def _logo(muni, actor):
    """A plain logo (the municipality's name on a coloured band) on the decision basis, once."""
    if Letterhead.objects.filter(municipality=muni).exclude(logo="").exists():
        return
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 120), (0, 84, 119))
    ImageDraw.Draw(image).text((24, 44), muni.name, fill=(255, 255, 255), font_size=32)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    services.letterhead_logo_save(municipality=muni, actor=actor, logo=ContentFile(buffer.getvalue(), name="logo.png"))


def _map_sketch():
    """An illustrative sketch of the area as a PNG: the demo's example of an attachment the officer adds."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 420), "#f4f1e8")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 190, 640, 230), fill="#c9c9c9")  # the main road
    for x in range(30, 600, 120):
        draw.rectangle((x, 40, x + 80, 150), fill="#d9c7a7", outline="#7a6a4f")
        draw.rectangle((x, 270, x + 80, 380), fill="#d9c7a7", outline="#7a6a4f")
    draw.ellipse((270, 250, 380, 360), fill="#9fd39b", outline="#2f6b2c", width=3)  # the park
    draw.text((20, 10), "Skiss över området (illustration, inte skalenlig)", fill="#1b1b1b")
    draw.text((285, 300), "Parken", fill="#1b1b1b")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
