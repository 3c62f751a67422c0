"""A task for the tests only: it sleeps, then leaves a mark, so a test can kill its worker midway."""

import time
from pathlib import Path

from django_tasks import task


@task()
def sleep_then_mark(*, seconds, path):
    Path(path).with_suffix(".started").touch()
    time.sleep(seconds)
    Path(path).write_text("done")
