"""Jinja2 prompt templates (installed as ``summarizer.prompts``)."""
