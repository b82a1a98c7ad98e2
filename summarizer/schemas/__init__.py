"""Compatibility package (deprecated): the regulatory schema moved to
``summarizer.tasks.regulatory.schema``; ``summarizer.schemas.summary`` keeps the 0.1.0 names."""
