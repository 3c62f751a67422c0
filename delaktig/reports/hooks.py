"""What reports offers to other apps through delaktig.core.hooks."""
