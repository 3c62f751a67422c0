from delaktig.participation.registry import PhaseType

COLLECT = PhaseType(
    "collect", "Collect", "Residents write, comment on and support inputs.", frozenset({"post", "comment", "support"})
)
VIEW = PhaseType("view", "Read only", "Everyone reads the inputs.", frozenset())

PHASE_TYPES = {phase.key: phase for phase in (COLLECT, VIEW)}
