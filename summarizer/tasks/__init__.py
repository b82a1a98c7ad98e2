"""Built-in tasks: each subpackage holds what makes one kind of summary (schema, prompts, rules,
reader, settle steps, scoring, card) and plugs into the engine through the Task seam."""
