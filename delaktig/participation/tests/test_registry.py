import pytest

from delaktig.participation.registry import ManifestError, registry

from .dummy_method import dummy_manifest


def test_a_manifest_callable_that_takes_the_wrong_arguments_is_refused_before_it_registers():
    with pytest.raises(ManifestError, match="report_section must take 2 argument"):
        dummy_manifest(key="wrong", report_section=lambda municipality: None)
    with pytest.raises(ManifestError, match="stats must take 1 argument"):
        dummy_manifest(key="wrong", stats=lambda: {})
    with pytest.raises(ManifestError, match="inputs must be callable"):
        dummy_manifest(key="wrong", inputs=["not", "callable"])
    assert registry.get("wrong") is None


def test_every_registered_manifest_fits_its_protocols():
    assert len(registry) >= 1
    for manifest in registry:
        manifest.__post_init__()  # raises ManifestError if a callable does not fit; checked when registered too


def test_the_paged_lists_callables_must_take_their_keywords():
    with pytest.raises(ManifestError, match="moderation_queue must take 1 argument.* the keyword.*limit"):
        dummy_manifest(key="wrong", moderation_queue=lambda municipality: [])
    with pytest.raises(ManifestError, match="inputs must take 1 argument.* the keyword.*ids"):
        dummy_manifest(key="wrong", inputs=lambda module: [], input_rows=lambda module: None)
    with pytest.raises(ManifestError, match="inputs must be callable"):
        dummy_manifest(key="wrong", input_rows=lambda module: None)
    assert dummy_manifest(key="right", moderation_queue=lambda municipality, limit=None: [])
