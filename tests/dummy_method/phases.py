from delaktig.participation.registry import PhaseType

COLLECT = PhaseType("collect", "Collect", "Residents write inputs and comment on them.", frozenset({"post", "comment"}))
VIEW = PhaseType("view", "Read only", "Everyone reads the inputs.", frozenset())

PHASE_TYPES = {phase.key: phase for phase in (COLLECT, VIEW)}
