"""Demo baseline for Hagfors: forty participation activities the four departments run outside the platform, spread
over the ladder and over last year and this year (more dialogue and influence this year than last), one of them the
same as a dialogue on the platform, and capacity per department for this year. Registered through the real
services; the same every time."""

from django.utils import timezone

from delaktig.baseline import services
from delaktig.baseline.models import Activity, Capacity
from delaktig.dialogues.models import Dialogue

# department -> [(name, level last year, level this year or None if it ended, target groups, channels, how often)]
ACTIVITIES = {
    "Kommunledningsförvaltningen": [
        (
            "Medborgarkontorets synpunktshantering",
            "information",
            "consultation",
            "Alla invånare",
            "Webb, telefon",
            "ongoing",
        ),
        ("Nyhetsbrev om budgeten", "information", "information", "Alla invånare", "E-post", "termly"),
        ("Medborgarpanelens enkäter", "consultation", "consultation", "Panelens medlemmar", "Webb", "termly"),
        ("Ortsmöten i byarna", "dialogue", "dialogue", "Boende på landsbygden", "Möten", "yearly"),
        ("Pensionärsrådet", "dialogue", "influence", "Äldre", "Möten", "monthly"),
        ("Funktionsrättsrådet", "dialogue", "influence", "Personer med funktionsnedsättning", "Möten", "termly"),
        ("Samråd med sverigefinnar", "consultation", "dialogue", "Nationella minoriteter", "Möten", "termly"),
        ("Demokratidagen", "information", None, "Alla invånare", "Möten", "once"),
    ],
    "Barn- och bildningsförvaltningen": [
        ("Elevråd på högstadiet", "influence", "influence", "Unga 13–16 år", "Möten", "monthly"),
        ("Ungdomsrådet", "dialogue", "influence", "Unga 13–19 år", "Möten, sociala medier", "monthly"),
        ("Föräldraråd i förskolan", "consultation", "dialogue", "Föräldrar", "Möten", "termly"),
        ("Skolenkäten", "consultation", "consultation", "Elever och föräldrar", "Webb", "yearly"),
        ("Unga bestämmer över fritidsgårdens pengar", None, "co_decision", "Unga 13–19 år", "Möten, webb", "yearly"),
        ("Informationskväll om skolval", "information", "information", "Föräldrar", "Möten", "yearly"),
        ("Elevskyddsombud", "influence", "influence", "Elever", "Möten", "monthly"),
        ("Utvärdering av skolskjutsar", "consultation", None, "Föräldrar", "Webb", "once"),
    ],
    "Socialförvaltningen": [
        ("Brukarråd i äldreomsorgen", "dialogue", "dialogue", "Äldre och anhöriga", "Möten", "termly"),
        ("Brukarundersökning i hemtjänsten", "consultation", "consultation", "Äldre", "Papper, telefon", "yearly"),
        ("Anhörigträffar", "information", "dialogue", "Anhöriga", "Möten", "monthly"),
        (
            "Samråd med brukarorganisationer",
            "dialogue",
            "influence",
            "Personer med funktionsnedsättning",
            "Möten",
            "termly",
        ),
        (
            "Information om försörjningsstöd på flera språk",
            "information",
            "information",
            "Utrikes födda",
            "Webb, papper",
            "ongoing",
        ),
        ("Ungdomsmottagningens enkät", "consultation", None, "Unga 15–23 år", "Webb", "yearly"),
        ("Dialog med boende på LSS-boenden", None, "dialogue", "Personer med funktionsnedsättning", "Möten", "termly"),
    ],
    "Samhällsbyggnadsförvaltningen": [
        ("Samråd om detaljplaner", "consultation", "consultation", "Alla invånare", "Möten, webb", "ongoing"),
        ("Trygghetsvandringar", "dialogue", "dialogue", "Alla invånare", "Möten", "yearly"),
        ("Information om vattenavstängningar", "information", "information", "Alla invånare", "Sms, webb", "ongoing"),
        ("Cykelplan: tyck till på kartan", "consultation", None, "Alla invånare", "Webb", "once"),
        ("Medborgarbudget för lekplatser", None, "co_decision", "Barnfamiljer", "Webb, möten", "yearly"),
    ],
}
# The registered activity that is the same as a dialogue on the platform: counted once, as the dialogue.
LINKED = ("Samhällsbyggnadsförvaltningen", "Trygghetsvandringar")
LINKED_DIALOGUE = "Trygghetsvandring i centrum"
# department -> (dialogues planned this year, staff hours)
CAPACITY = {
    "Kommunledningsförvaltningen": (6, 400),
    "Barn- och bildningsförvaltningen": (5, 320),
    "Socialförvaltningen": (4, 200),
    "Samhällsbyggnadsförvaltningen": (5, 360),
}
CONTACTS = {
    "Kommunledningsförvaltningen": "Dan Demokratisson",
    "Barn- och bildningsförvaltningen": "Barn- och bildningsförvaltningens kansli",
    "Socialförvaltningen": "Socialförvaltningens kansli",
    "Samhällsbyggnadsförvaltningen": "Samhällsbyggnadsförvaltningens kansli",
}


def load(muni, bodies, people):
    if Activity.objects.filter(municipality=muni).exists():
        return
    year = timezone.localdate().year
    departments = {department.name: department for department in muni.departments.all()}
    actor = people["demokrati"]
    linked = Dialogue.objects.filter(municipality=muni, title=LINKED_DIALOGUE).first()
    for name, rows in ACTIVITIES.items():
        for title, last, this, groups, channels, frequency in rows:
            for when, level in ((year - 1, last), (year, this)):
                if level is None:
                    continue
                activity = Activity(
                    municipality=muni,
                    year=when,
                    name=title,
                    department=departments[name],
                    ladder_level=level,
                    target_groups=groups,
                    channels=channels,
                    frequency=frequency,
                    contact=CONTACTS[name],
                    dialogue=linked if (name, title) == LINKED and when == year else None,
                )
                services.activity_save(activity=activity, actor=actor)
    for name, (planned, hours) in CAPACITY.items():
        capacity = Capacity(
            municipality=muni, year=year, department=departments[name], planned=planned, staff_hours=hours
        )
        services.capacity_save(capacity=capacity, actor=actor)
