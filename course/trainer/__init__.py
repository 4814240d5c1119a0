"""Trainers: assignments, results bundles, feedback files and cohort reports, all offline."""
