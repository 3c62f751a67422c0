"""How open input honours the dialogue's setting for public names (Dialogue.public_identity).

The name shown is stored with each input and comment (`author_name`, from Dialogue.public_name_for), so every
page, feed, export and the results workspace read the same thing; "" is shown as "Anonymous participant".
Pseudonyms are looked up, and names hidden, by the shared input reads (participation.selectors_inputs).
"""

from django.utils.translation import gettext_lazy as _

from .selectors import INPUTS

INPUT_CONTENTS = _("your title and text")

pseudonym_last_used = INPUTS.pseudonym_last_used
pseudonym_taken = INPUTS.pseudonym_taken
public_names_hide = INPUTS.public_names_hide
