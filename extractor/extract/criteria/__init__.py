"""Criteria status: which national criteria a report says the commune meets, and the evidence."""
