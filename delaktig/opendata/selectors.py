"""Which datasets there are: those offered on the hook `open_data_datasets` and those in method manifests.

The API never names an app or a method; it only loops over what these functions return.
"""

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset
from delaktig.participation.registry import registry


def datasets():
    """Every public dataset, in (order, key) order; a key offered twice keeps the first."""
    found: dict[str, Dataset] = {}
    offered = [d for hook in core_hooks.open_data_datasets.implementations() for d in (hook() or ())]
    offered += [d for manifest in registry for d in (manifest.datasets or ())]
    for dataset in offered:
        found.setdefault(dataset.key, dataset)
    return sorted(found.values(), key=lambda d: (d.order, d.key))


def dataset_get(key):
    return next((d for d in datasets() if d.key == key), None)
