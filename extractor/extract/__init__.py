"""Extract: figures, labels, indicators, identity and criteria status from the outline."""
