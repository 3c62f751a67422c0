"""How open input honours the dialogue's setting for public names (Dialogue.public_identity).

The name shown is stored with each input and comment (`author_name`, from Dialogue.public_name_for), so every
page, feed, export and the results workspace read the same thing; "" is shown as "Anonymous participant".
Pseudonyms are looked up, and names hidden, by the shared input reads (selectors.INPUTS).
"""

from .models import Input
from .selectors import INPUTS

INPUT_CONTENTS = Input.public_contents

public_names_hide = INPUTS.public_names_hide
