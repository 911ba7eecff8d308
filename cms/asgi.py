import os

from django.core.asgi import get_asgi_application

from cms.heap import freeze_long_lived_heap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_asgi_application()
freeze_long_lived_heap()
