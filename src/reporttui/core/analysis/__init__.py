"""Analysis over Documents: plan part, themes, compare, targets, keywords."""
