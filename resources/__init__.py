"""Bundled resources: the study definition, fonts, icons."""
