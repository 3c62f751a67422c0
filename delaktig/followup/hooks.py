"""What followup offers to other apps through delaktig.core.hooks."""
