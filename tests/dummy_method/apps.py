from django.apps import AppConfig


class DummyMethodConfig(AppConfig):
    """A participation method that exists only in tests (config/settings_test.py installs it)."""

    name = "tests.dummy_method"
    label = "dummy_method"
    verbose_name = "Dummy method"
