from cms.env import env_int, env_list, env_str

from .base import *  # noqa: F403

DEBUG = True
# Only for local development; production refuses to start without its own key.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-key-not-for-production-6f1c2e9a")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
# `make run` needs no worker: tasks run in the process, after the commit. Emails are still queued,
# then delivered as one line each on the console ("email: 3 recipients — subject"), not as MIME text.
TASKS = {"default": {"BACKEND": env_str("TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_DELIVERY_BACKEND", "core.mail.SummaryConsoleBackend")
# Template and CSS edits would otherwise hide behind the page cache; PAGE_CACHE_SECONDS=300 tries it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# `make run`'s demo logins (demo/users.py, demo_logins) sign in without the second factor, so that
# newcomers can try each role; any other account enrols as in production, which refuses this.
SECOND_FACTOR_EXEMPT_USERS = env_list(
    "SECOND_FACTOR_EXEMPT_USERS",
    [
        "admin",
        "kesach-contributor",
        "kesach-approver",
        "yte-contributor",
        "yte-approver",
        "board",
        "baost-reporter",
        "baost-editor",
        "dai-reporter",
        "dai-editor",
        "translator-km",
        "translator-en",
    ],
)
