import pytest

from .support import build


@pytest.fixture
def data(municipality):
    return build(municipality)
