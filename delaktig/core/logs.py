"""Refused requests are the visitor's doing, not a fault: one warning line each in the log, no traceback."""

import logging

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError

REFUSALS = (PermissionDenied, Http404, SuspiciousOperation, BadRequest, MultiPartParserError)


class RefusalWithoutTraceback(logging.Filter):
    """Drops the traceback of a 400, 403 or 404 (and a disallowed host) and logs it as a warning."""

    def filter(self, record):
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, REFUSALS):
            record.exc_info = None
            record.exc_text = None
            if record.levelno > logging.WARNING:
                record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True
