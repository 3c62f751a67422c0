"""Load the demo municipality through the real services and the real lifecycle, so it reads true.

Idempotent: a municipality that already exists is left as it is.
"""

import datetime
import importlib

from django.apps import apps
from django.db import transaction
from django.utils import timezone, translation

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.services_twofactor import demo_device_set
from delaktig.core.audit import audit_events_for
from delaktig.dialogues import workflow
from delaktig.dialogues.models import ChecklistAnswer, Dialogue, Follower, Kind
from delaktig.followup.models import Evaluation, Outcome, TargetGroupReach
from delaktig.forums import demo as demo_forums
from delaktig.foundation import seed
from delaktig.organisations.models import Body, Department, Membership, Municipality
from delaktig.organisations.services import decision_record, municipality_create
from delaktig.participation.registry import registry
from delaktig.participation.services import module_add, phase_add
from delaktig.results.models import CompiledResults

from . import actionplan as demo_actionplan
from . import archive as demo_archive
from . import baseline as demo_baseline
from . import content
from . import council as demo_council
from . import decisionbasis as demo_decisionbasis
from . import evaluations as demo_evaluations
from . import followup as demo_followup
from . import identity as demo_identity
from . import matters as demo_matters
from . import panel as demo_panel
from . import privacy as demo_privacy
from . import proposals as demo_proposals
from . import reports as demo_reports
from . import results as demo_results

# The steps that lead from an initiative to each state, per kind of dialogue.
CITIZEN_PATH = [
    "assess",
    "decide",
    "plan",
    "open",
    "close",
    "compile_results",
    "record_matter_decision",
    "publish_feedback",
    "evaluate",
]
STATE_AFTER = {
    "assess": "assessed",
    "decide": "decided",
    "plan": "planned",
    "plan_directly": "planned",
    "open": "open",
    "close": "closed",
    "compile_results": "results_compiled",
    "record_matter_decision": "matter_decided",
    "publish_feedback": "feedback_published",
    "publish_feedback_directly": "feedback_published",
    "evaluate": "evaluated",
}
RECORDER_STEPS = {"decide", "decline", "record_matter_decision"}


def steps_to(state, kind):
    if state == "initiative":
        return []
    if state == "declined":
        return ["assess", "decline"]
    if state == "cancelled":
        return ["cancel"]
    path = CITIZEN_PATH if kind == Kind.CITIZEN_DIALOGUE else ["plan_directly", *CITIZEN_PATH[3:]]
    if kind == Kind.USER_DIALOGUE:
        path = [step for step in path if step != "record_matter_decision"]
        path = ["publish_feedback_directly" if step == "publish_feedback" else step for step in path]
    steps = []
    for step in path:
        steps.append(step)
        if STATE_AFTER[step] == state:
            return steps
    raise ValueError(f"{state} is not reachable for {kind}")


def email_for(local, muni):
    return f"{local}@{muni['slug']}.example"


def load(stdout=None):
    for index, spec in enumerate(content.MUNICIPALITIES):
        if Municipality.objects.filter(slug=spec["slug"]).exists():
            continue
        with transaction.atomic():
            _load_municipality(spec, full=index == 0)
    _identity_levels_recorded()
    _superuser()
    _apps_of_demo_accounts()


def _apps_of_demo_accounts():
    """The demo accounts whose roles need two-step verification get their known app secret, also in a demo
    loaded before there was two-step verification (`make run` loads the demo once)."""
    emails = {"superadmin@delaktig.example": content.TOTP_SECRETS["superadmin"]}
    for spec in content.MUNICIPALITIES:
        emails |= {email_for(local, spec): secret for local, secret in content.TOTP_SECRETS.items()}
    for user in User.objects.filter(email__in=emails, two_factor__isnull=True):
        demo_device_set(user=user, secret=emails[user.email])


def _identity_levels_recorded():
    """The demo's many records made in bulk (map inputs, ballots, budget proposals…) did not go through the services
    that store the identity level: give the online ones the level the demo residents have, a confirmed e-mail address.
    Paper records keep none, as the services leave them; the e-ID signature (demo/proposals.py) keeps its own."""
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "identity_level"), None)
        if field is None or not field.null or model is User:
            continue
        rows = model.objects.filter(identity_level__isnull=True)
        if any(f.name == "channel" for f in model._meta.concrete_fields):
            rows = rows.filter(channel="online")
        if model._meta.label == "proposals.Signature":
            rows = rows.exclude(status="pending")  # a pending signature has its level once its link is followed
        rows.update(identity_level=IdentityLevel.EMAIL)


def _superuser():
    if not User.objects.filter(email="superadmin@delaktig.example").exists():
        User.objects.create_superuser("superadmin@delaktig.example", content.PASSWORD, name="Super Admin")


def _load_municipality(spec, *, full):
    muni = municipality_create(name=spec["name"], municipality_code=spec["code"], slug=spec["slug"])
    muni.contact_email = spec["email"]
    muni.case_number_pattern = content.CASE_NUMBER_PATTERN
    muni.save(update_fields=["contact_email", "case_number_pattern"])
    bodies = _bodies(muni)
    departments = _departments(muni, bodies)
    people = _people(muni, spec, bodies)
    seed.toolbox_seed(muni)
    seed.handbook_seed(muni)
    seed.principles_seed(muni, bodies["KF"])
    if full:
        demo_results.areas_load(muni)  # before the dialogues: a map dialogue places its demo input in the areas
    dialogues = content.DIALOGUES if full else content.DIALOGUES[:1] + content.DIALOGUES[4:6]
    for item in dialogues:
        _dialogue(muni, item, bodies, departments, people)
    if full:
        demo_proposals.load(muni, bodies, people)
        demo_identity.load(muni)
        demo_council.load(muni, bodies, people)
        demo_results.load(muni, bodies, people)
        demo_panel.load(muni, bodies, people)
        demo_forums.populate(muni, people=people)
        demo_decisionbasis.load(muni, bodies, people)
        demo_followup.load(muni, bodies, people)
        demo_reports.load(muni, bodies, people, make_dialogue=_dialogue)
        demo_evaluations.load(muni, bodies, people)
        demo_matters.load(muni, bodies, departments, people)
        demo_actionplan.load(muni, bodies, departments, people)
        demo_baseline.load(muni, bodies, people)
        demo_archive.load(muni, bodies, people)
        demo_privacy.load(muni, bodies, people)
        demo_reports.council_report_load(muni, people)  # last: the report counts everything above


def _bodies(muni):
    council = muni.get_deciding_body()
    council.name, council.short_name = "Kommunfullmäktige", "KF"
    council.save()
    bodies = {"KF": council}
    for name, short, kind, parent in content.BODIES[1:]:
        bodies[short] = Body.objects.create(
            municipality=muni, name=name, short_name=short, kind=kind, parent=bodies.get(parent)
        )
    return bodies


def _departments(muni, bodies):
    return {
        name: Department.objects.create(municipality=muni, name=name, body=bodies[body])
        for name, body in content.DEPARTMENTS
    }


def _people(muni, spec, bodies):
    people = {}
    for local, name, role, body, title in content.PEOPLE:
        user = User.objects.create_user(
            email_for(local, spec), content.PASSWORD, name=name, identity_level=IdentityLevel.EMAIL
        )
        if role:
            Membership.objects.create(
                user=user, municipality=muni, role=role, body=bodies.get(body) if body else None, title=title
            )
        people[local] = user
    return people


def _dialogue(muni, item, bodies, departments, people):
    today = timezone.localdate()
    dialogue = Dialogue.objects.create(
        municipality=muni,
        kind=item["kind"],
        title=item["title"],
        question=item["question"],
        background=item["background"],
        proposed_by=bodies.get(item["body"]) if item["body"] else None,
        department=departments[item["dept"]],
        responsible_officer=people["handlaggare"],
        case_number=item["case"],
    )
    timeline = _timeline(item, today)
    for step in steps_to(item["state"], item["kind"]):
        _prepare(dialogue, step, item, bodies, timeline)
        if step == "open":
            _modules(dialogue, item, people, timeline)
        actor = people["registrator"] if step in RECORDER_STEPS else people["handlaggare"]
        workflow.transition(dialogue, step, actor=actor)
        _backdate(dialogue, step, timeline)
    Dialogue.objects.filter(pk=dialogue.pk).update(created_at=_at(timeline["created"]))
    if item["state"] in ("open", "closed", "results_compiled"):
        Follower.objects.get_or_create(dialogue=dialogue, user=people["invanare"])


def _timeline(item, today):
    start = today + datetime.timedelta(days=item["start"]) if item["start"] is not None else today
    end = today + datetime.timedelta(days=item["end"]) if item["end"] is not None else today
    closed = today - datetime.timedelta(days=item.get("closed_days_ago", 0))
    return {
        "created": start - datetime.timedelta(days=75),
        "assess": start - datetime.timedelta(days=60),
        "decide": start - datetime.timedelta(days=45),
        "decline": start - datetime.timedelta(days=45),
        "plan": start - datetime.timedelta(days=20),
        "plan_directly": start - datetime.timedelta(days=20),
        "cancel": start - datetime.timedelta(days=30),
        "open": start,
        "start": start,
        "end": end,
        "close": closed,
        "compile_results": closed + datetime.timedelta(days=14),
        "record_matter_decision": closed + datetime.timedelta(days=30),
        "publish_feedback": closed + datetime.timedelta(days=35),
        "publish_feedback_directly": closed + datetime.timedelta(days=35),
        "evaluate": closed + datetime.timedelta(days=60),
    }


def _prepare(dialogue, step, item, bodies, timeline):
    """Fill in what the step's guard asks for, as an officer would in the workspace."""
    muni = dialogue.municipality
    if step == "assess" or step == "plan_directly":
        dialogue.is_influenceable = True
        for question in muni.checklist_questions.all():
            ChecklistAnswer.objects.create(dialogue=dialogue, question=question, answer=_answer(question, item))
    if step in ("decide", "decline"):
        dialogue.decision_to_hold = decision_record(
            municipality=muni,
            existing=dialogue.decision_to_hold,
            body=muni.get_deciding_body(),
            date=timeline[step],
            minute_item=f"§ {40 + dialogue.pk}",
            number=item["case"] or f"KS {timeline[step].year}/{dialogue.pk}",
        )
    if step in ("plan", "plan_directly"):
        _plan(dialogue, item, timeline)
    if step == "compile_results":
        _keep(CompiledResults.of(dialogue), summary=item.get("results", ""))
    if step == "record_matter_decision":
        dialogue.decision_in_matter = decision_record(
            municipality=muni,
            existing=dialogue.decision_in_matter,
            body=bodies.get(item["body"]) or muni.get_deciding_body(),
            date=timeline[step],
            minute_item=f"§ {100 + dialogue.pk}",
            number=dialogue.case_number,  # one number from the initiative to the decision in the matter
            text=item.get("decision", ""),
        )
        _keep(Outcome.of(dialogue), input_influence=item.get("influence", ""))
    if step in ("publish_feedback", "publish_feedback_directly"):
        _keep(Outcome.of(dialogue), feedback=item.get("feedback", ""))
    if step == "evaluate":
        _evaluate(dialogue, item["evaluation"])
    if step == "cancel":
        dialogue.cancel_reason = item.get("cancel", "")
    dialogue.save()


def _keep(record, **values):
    """Write what results or followup keeps for the dialogue (CompiledResults, Outcome, Evaluation)."""
    for name, value in values.items():
        setattr(record, name, value)
    record.save()


def _evaluate(dialogue, spec):
    """The structured evaluation staff write before the step: purpose, methods, each target group, lessons."""
    (purpose, purpose_comment), (methods, methods_comment) = spec["purpose"], spec["methods"]
    evaluation = Evaluation.of(dialogue)
    _keep(
        evaluation,
        purpose_achieved=purpose,
        purpose_comment=purpose_comment,
        methods_right=methods,
        methods_comment=methods_comment,
        lessons=spec["lessons"],
        participants_summary=spec.get("participants", ""),
    )
    for group in dialogue.target_groups.all():
        reached, comment = spec["reached"][group.name]
        TargetGroupReach.objects.create(evaluation=evaluation, target_group=group, reached=reached, comment=comment)


def _answer(question, item):
    return f"{item['question']} – se tjänsteskrivelsen, {item['case'] or 'ärendet registreras'}."


def _plan(dialogue, item, timeline):
    for field, value in content.PLAN.items():
        setattr(dialogue, field, value)
    dialogue.ladder_level = item["level"]
    dialogue.open_for_influence = item["open"]
    dialogue.easy_read_summary = item["easy_read"]
    dialogue.purpose = item.get("purpose", dialogue.purpose)
    dialogue.starts_on, dialogue.ends_on = timeline["start"], timeline["end"]
    dialogue.public_identity = item.get("public_identity", "name")
    dialogue.save()
    groups = dialogue.municipality.target_groups.all()
    named = item.get("target_groups")
    dialogue.target_groups.set(groups.filter(name__in=named) if named else groups[:3])
    methods = ["open_input", *(key for key, _name, _description in item.get("more_modules", ()))]
    toolbox = dialogue.municipality.toolbox_methods.filter(participation_method__in=methods)
    dialogue.toolbox_methods.set(sorted(toolbox, key=lambda method: methods.index(method.participation_method)))


def _modules(dialogue, item, people, timeline):
    if dialogue.kind == Kind.INFORMATION or not item["inputs"]:
        if dialogue.kind != Kind.INFORMATION:
            _add_open_input(dialogue, people, timeline, populate=False)
        return
    _add_open_input(dialogue, people, timeline, populate=True)
    for key, name, description in item.get("more_modules", ()):  # other methods, each filled by its demo.py
        _add_module(dialogue, people, timeline, key=key, name=name, description=description, populate=True)


def _add_open_input(dialogue, people, timeline, *, populate):
    _add_module(
        dialogue,
        people,
        timeline,
        key="open_input",
        name="Lämna synpunkter och idéer",
        description="Skriv din idé eller synpunkt. Du kan också kommentera och stödja andras.",
        populate=populate,
        phase_name="Insamling",
    )


def _add_module(dialogue, people, timeline, *, key, name, description, populate, phase_name=None):
    """A module of method `key` whose first phase type runs from the dialogue's start to its end."""
    manifest = registry.get(key)
    if manifest is None:
        return
    module = module_add(
        dialogue=dialogue, method=manifest.key, name=name, actor=people["handlaggare"], description=description
    )
    starts = _at(timeline["start"])
    ends = _at(timeline["end"]) + datetime.timedelta(hours=23, minutes=59)
    phase_type = next(iter(manifest.phase_types.values()))
    with translation.override("sv"):
        phase_name = phase_name or str(phase_type.name)
    phase_add(
        module=module,
        phase_type=phase_type.key,
        name=phase_name,
        starts_at=starts,
        ends_at=ends,
        actor=people["handlaggare"],
    )
    if populate:
        _populate(manifest, module, people)


def _populate(manifest, module, people):
    """A method may ship demo content in <app>/demo.py with populate(module, people, content)."""
    app = apps.get_app_config(manifest.key)
    try:
        demo = importlib.import_module(f"{app.name}.demo")
    except ModuleNotFoundError:
        return
    demo.populate(module, people=people, content=content)


def _backdate(dialogue, step, timeline):
    when = _at(timeline.get(step, timezone.localdate()))
    audit_events_for(dialogue).filter(action=f"dialogue.{step}").update(created_at=when)
    stamps = {
        "open": "opened_at",
        "close": "closed_at",
        "publish_feedback": "feedback_published_at",
        "publish_feedback_directly": "feedback_published_at",
    }
    if step in stamps:
        Dialogue.objects.filter(pk=dialogue.pk).update(**{stamps[step]: when})
        setattr(dialogue, stamps[step], when)
    if step == "close":
        dialogue.set_feedback_due(when)
        Dialogue.objects.filter(pk=dialogue.pk).update(feedback_due_on=dialogue.feedback_due_on)


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
