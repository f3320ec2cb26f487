"""Benchmarks of ALS Desk (python -m bench); not part of the installed package."""
