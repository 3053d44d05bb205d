"""What a clinic, a caller or a stranger does, in the plan's terms, through the drivers."""
