"""Secret links (invitations, drafts): the token goes in the link, only its hash is stored."""

import hashlib
import secrets

TOKEN_BYTES = 16  # 128 bits, 22 characters in a link


def token_hash(token: str) -> str:
    return hashlib.sha256(str(token).encode()).hexdigest()


def token_new() -> tuple[str, str]:
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)
