"""Edit checks and visibility conditions: a safe expression language and the engine over a form."""
