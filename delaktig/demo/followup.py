"""Demo data for followup."""


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist."""
