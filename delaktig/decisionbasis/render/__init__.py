"""Render a decision basis's content (content.Content) as HTML, PDF (WeasyPrint) and Word (python-docx)."""

from .docx import render_docx
from .pdf import render_html, render_pdf

__all__ = ["render_docx", "render_html", "render_pdf"]
