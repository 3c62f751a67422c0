from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "delaktig.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import (
            hooks,  # noqa: F401  (registers the hooks)
            retention,  # noqa: F401  (register the retention rules)
            services_sessions,  # noqa: F401  (forgets a login at logout)
        )
