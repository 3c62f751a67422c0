import pytest

from delaktig.core import hooks


def stub(dialogue, user) -> list:
    """Pages for a dialogue."""
    raise NotImplementedError


def make():
    return hooks.Hook(stub)


def test_a_hook_takes_its_name_signature_and_text_from_the_stub():
    hook = make()
    assert hook.name == "stub" and list(hook.signature.parameters) == ["dialogue", "user"]
    assert hook.doc == "Pages for a dialogue."


def test_an_implementation_with_the_wrong_arguments_is_refused_when_registered():
    hook = make()
    with pytest.raises(hooks.HookSignatureError, match=r"cannot implement the hook stub\(dialogue, user\)"):
        hook.register(lambda dialogue: [])
    with pytest.raises(hooks.HookSignatureError):
        hook.register(lambda dialogue, user, extra: [])
    assert hook.implementations() == []


def test_implementations_are_called_in_the_order_registered_and_temporarily_is_undone():
    hook = make()
    first = hook.register(lambda dialogue, user: ["first"])
    with hook.temporarily(lambda d, u, *rest: ["second"]) as second:
        assert hook.implementations() == [first, second]
    assert hook.implementations() == [first]


def test_a_name_is_declared_once():
    with pytest.raises(ValueError, match="already declared"):
        hooks.declare(type("home_context", (), {"__name__": "home_context"}))


def test_every_app_hook_is_declared_with_a_text_and_every_implementation_fits():
    declared = hooks.declared()
    assert {"home_context", "personal_data", "dialogue_public_sections", "open_data_datasets"} <= set(declared)
    for hook in declared.values():
        assert hook.doc, hook.name
        for implementation in hook.implementations():
            hook._check(implementation)  # registered when the apps loaded; still fits
