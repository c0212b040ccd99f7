"""Reference numbers people can read out on the phone: ``K7RP-3XQM``.

Random rather than counted, so a reference says nothing about how many
enquiries the clinic receives and cannot be guessed from another. Eight
characters from an alphabet without 0/O, 1/I/L or U (Crockford's choice,
for letters that are misheard or misread), about 10^12 references.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
SHAPE = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")


def new_reference():
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{code[:4]}-{code[4:]}"


def normalise(text):
    """A reference as typed ("k7rp 3xqm", "K7RP3XQM") in its stored shape,
    or "" if it cannot be one."""
    code = re.sub(r"[\s-]", "", text or "").upper()
    if len(code) != LENGTH:
        return ""
    reference = f"{code[:4]}-{code[4:]}"
    return reference if SHAPE.fullmatch(reference) else ""
