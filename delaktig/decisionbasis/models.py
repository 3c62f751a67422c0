"""The decision basis: the report the deciding body reads, in versions, as PDF and Word."""
