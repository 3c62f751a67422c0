"""What decisionbasis offers to other apps through delaktig.core.hooks."""
