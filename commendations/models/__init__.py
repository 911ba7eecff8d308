"""Commendation proposals and their decisions, and the public hall of honour."""
