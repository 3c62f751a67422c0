import io

import pytest
from django.core.management import call_command

from delaktig.dialogues.models import Dialogue, PublicIdentity


@pytest.mark.django_db
def test_one_demo_dialogue_shows_pseudonyms_only():
    call_command("load_demo", stdout=io.StringIO())
    dialogue = Dialogue.objects.get(municipality__slug="hagfors", public_identity=PublicIdentity.PSEUDONYM)
    records = [record for module in dialogue.modules.all() for record in module.manifest.inputs(module)]
    online = {record.author_shown for record in records if record.channel == "online"}
    assert online and all(name and name.split()[-1].isdigit() for name in online)  # "Skogsmus 17", never a name
