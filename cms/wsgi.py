import os

from django.core.wsgi import get_wsgi_application

from cms.heap import freeze_long_lived_heap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
freeze_long_lived_heap()
