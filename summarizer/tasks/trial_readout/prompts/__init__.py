"""The trial-readout task's prompt templates (system.j2, user.j2, reask.j2)."""
