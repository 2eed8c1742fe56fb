"""Contact addresses (WhatsApp numbers) at rest: encrypted with a key derived from the pseudonym
key, which never lives in the database (app/secrets.py).

A registered WhatsApp user's number is needed to send them announcements, so it is kept — but
only as ``enc:v1:<Fernet token>`` (AES-128-CBC + HMAC-SHA256, python-cryptography), readable only
by a process that has the key. A stolen database holds no phone number. "verwijder mijn gegevens"
deletes the record; rotating the pseudonym key makes every stored address unreadable, so rotation
(docs/deploy.md) re-registers people.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken

PREFIX = "enc:v1:"


class AddressCipher:
    def __init__(self, secret: str) -> None:
        key = hmac.new(secret.encode(), b"wijkwijzer address encryption v1", hashlib.sha256).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, address: str | None) -> str | None:
        if address is None or address.startswith(PREFIX):
            return address
        return PREFIX + self._fernet.encrypt(address.encode()).decode("ascii")

    def open(self, stored: str | None) -> str | None:
        """The address; a value from before encryption is returned as it is; None when the key
        does not fit (the address is then lost, never guessed)."""
        if stored is None or not stored.startswith(PREFIX):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX):].encode("ascii")).decode()
        except InvalidToken:
            return None
