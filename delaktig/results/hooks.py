"""What results offers to other apps through delaktig.core.hooks."""
