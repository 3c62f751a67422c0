"""What a new municipality starts with: the default checklist (DOMAIN.md §3) and target groups."""

from django.utils.translation import gettext_noop

DEFAULT_CHECKLIST = [
    (gettext_noop("What is the purpose of the dialogue?"), ""),
    (
        gettext_noop("Is the question open to influence, and are we the ones who decide it?"),
        gettext_noop("If not, inform residents instead of holding a dialogue."),
    ),
    (gettext_noop("What is open to influence and what is already fixed?"), ""),
    (gettext_noop("Which body decides the matter, and when?"), ""),
    (gettext_noop("Which level on the participation ladder do we promise?"), ""),
    (
        gettext_noop("Which target groups do we want to reach, especially those who rarely take part?"),
        gettext_noop(
            "For example young people, foreign-born residents, people with disabilities, national minorities."
        ),
    ),
    (gettext_noop("Which methods will we use for each target group?"), ""),
    (gettext_noop("How does the timing fit the decision process?"), ""),
    (gettext_noop("Which resources do we need, and who represents the municipality?"), ""),
    (gettext_noop("How and when will we give feedback to participants?"), ""),
    (gettext_noop("How will the dialogue be evaluated?"), ""),
    (gettext_noop("Where are the results documented (case number)?"), ""),
    (
        gettext_noop("How do we make it accessible (easy-to-read, languages, physical access)?"),
        "",
    ),
    (gettext_noop("Are national minorities affected, and how are they consulted?"), ""),
]

DEFAULT_TARGET_GROUPS = [
    (gettext_noop("All residents"), False),
    (gettext_noop("Young people"), True),
    (gettext_noop("Older people"), False),
    (gettext_noop("Foreign-born residents"), True),
    (gettext_noop("People with disabilities"), True),
    (gettext_noop("National minorities"), True),
    (gettext_noop("Families with children"), False),
    (gettext_noop("Businesses and associations"), False),
]

# Default target groups that include children or young people (TargetGroup.includes_children).
CHILDREN_TARGET_GROUPS = frozenset({"Young people", "Families with children"})
