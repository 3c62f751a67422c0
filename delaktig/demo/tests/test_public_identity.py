import pytest

from delaktig.dialogues.models import Dialogue, PublicIdentity

from .site import demo_data  # noqa: F401 (a fixture)


@pytest.mark.django_db
def test_one_demo_dialogue_shows_pseudonyms_only(demo_data):  # noqa: F811 (the fixture imported above)
    dialogue = Dialogue.objects.get(municipality__slug="hagfors", public_identity=PublicIdentity.PSEUDONYM)
    records = [record for module in dialogue.modules.all() for record in module.manifest.inputs(module)]
    online = {record.author_shown for record in records if record.channel == "online"}
    shown = online - {""}  # "": a participant shown as anonymous (a protected identity, docs/privacy.md)
    assert shown and all(name.split()[-1].isdigit() for name in shown)  # "Skogsmus 17", never a name
