"""Uploaded Excel files are XML inside: openpyxl parses them with defusedxml when it is installed (OWASP ASVS
5.5.2, docs/security.md), so external entities and entity expansion are refused."""

from openpyxl import xml


def test_openpyxl_parses_with_defusedxml():
    assert xml.DEFUSEDXML is True
