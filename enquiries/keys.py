"""What is wrong with a list of enquiry encryption keys, if anything.

Plain Python (only ``cryptography``), so production settings can refuse to
start on a bad key before Django is set up, and the system check
(``checks.py``) says the same in every other environment. Messages name a
key's position, never the key.
"""

from cryptography.fernet import Fernet

HOW_TO_CREATE = "Create one with: manage.py create_enquiry_key"


def key_problems(keys):
    """A list of sentences, empty when ``keys`` can encrypt and decrypt."""
    if not keys:
        return [
            "ENQUIRY_ENCRYPTION_KEYS is empty: enquiries are never stored "
            f"unencrypted, so the site cannot take them. {HOW_TO_CREATE} (in "
            "development: --file var/enquiry-encryption.key)."
        ]
    problems = []
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            problems.append(
                f"ENQUIRY_ENCRYPTION_KEYS: key {position} of {len(keys)} is not a "
                "Fernet key (32 url-safe base64-encoded bytes, 44 characters). "
                f"{HOW_TO_CREATE}."
            )
    if len(set(keys)) < len(keys):
        problems.append("ENQUIRY_ENCRYPTION_KEYS lists the same key twice.")
    return problems
