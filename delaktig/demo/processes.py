"""What `make run` runs: the web server, the task worker and the periodic jobs (see run_demo)."""

from .supervisor import Child

# The one place that says how a task worker is started; `make run` and the browser journeys use it.
WORKER_COMMAND = ["worker", "--interval", "1"]

NAMES = ("web", "worker", "periodic")


def demo_children(*, port, only=NAMES):
    children = {
        "web": Child("web", ["runserver", f"127.0.0.1:{port}", "--noreload"]),
        "worker": Child("worker", list(WORKER_COMMAND)),
        "periodic": Child("periodic", ["periodic"]),
    }
    return [children[name] for name in NAMES if name in only]
