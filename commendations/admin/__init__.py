"""The admin of commendation proposals: its forms, filters, views and viewset (hooks in
commendations/wagtail_hooks.py)."""
