"""Pydantic schemas of the regulatory summary (installed as ``summarizer.schemas``)."""
