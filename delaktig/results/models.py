"""Results of dialogues: the workspace, themes, quotes and participation figures."""
