import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)  # as django.core.wsgi.get_wsgi_application

from delaktig.core.handlers import Handler  # noqa: E402  (after setup)

application = Handler()
