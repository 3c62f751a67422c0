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
    with pytest.raises(ManifestError, match="participant_addresses must take 1 argument"):
        dummy_manifest(key="wrong", participant_addresses=lambda module, year: [])
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


def test_a_desk_entry_is_checked_when_the_method_registers():
    from django import forms

    from delaktig.participation.registry import DeskEntry

    def save(module, data, /, *, actor, channel, received_on, occasion, group):
        return None

    def undo(module, item_id, /, *, actor):
        return False

    fine = DeskEntry(form_class=forms.Form, save=save, undo=undo, occasions=lambda module: [])
    assert dummy_manifest(key="right", offline_channels=("paper",), desk_entry=fine).desk_entry is fine
    with pytest.raises(ManifestError, match="desk_entry.save must take 2 argument.*received_on"):
        dummy_manifest(
            key="wrong",
            offline_channels=("paper",),
            desk_entry=DeskEntry(forms.Form, lambda module, data, *, actor: None, undo),
        )
    with pytest.raises(ManifestError, match="desk_entry.undo must take 2"):
        dummy_manifest(
            key="wrong", offline_channels=("paper",), desk_entry=DeskEntry(forms.Form, save, lambda module: True)
        )
    with pytest.raises(ManifestError, match="form_class must be a form class"):
        dummy_manifest(key="wrong", offline_channels=("paper",), desk_entry=DeskEntry(dict, save, undo))  # type: ignore[arg-type]
    with pytest.raises(ManifestError, match="needs offline_channels"):
        dummy_manifest(key="wrong", offline_channels=(), desk_entry=fine)
    assert registry.get("wrong") is None
