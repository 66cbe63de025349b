"""The Data and Robustness tabs: look at a dataset, and at how accuracy falls as digits get distorted."""
