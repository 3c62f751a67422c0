"""What opendata offers to other apps through delaktig.core.hooks."""
