"""The Board's staff admin: list, add, move and deactivate the people of units and site roles, and
import the same CSV as ``import_staff`` with a preview (see ``viewsets``)."""
