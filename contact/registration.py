"""Professional registration numbers of referring clinicians.

UK clinicians are registered with one of three regulators, each with its
own shape of number:

* GMC (doctors): 7 digits, e.g. ``1234567``;
* NMC (nurses and midwives): the PIN, 2 digits, a letter, 4 digits and a
  letter, e.g. ``12A3456E``;
* HCPC (physiotherapists, psychologists and other allied professions): 2
  letters for the profession (3 for a few, such as ``PYL``) then digits, e.g.
  ``PA12345``.

The three shapes never overlap, so one field takes any of them and says
which register it is on; the stored answer is e.g. "GMC 1234567". Only the
shape is checked: whether the person is on the register is for the clinic
to confirm (the registers are public, but not reachable from here).
"""

import re

import django.forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# ASCII digits only (re.ASCII): "\d" alone would take any script's digits.
SHAPES = {
    "GMC": re.compile(r"\d{7}", re.ASCII),
    "NMC": re.compile(r"\d{2}[A-Z]\d{4}[A-Z]", re.ASCII),
    # Most professions have 2 letters, a few 3 (PYL, ODP, HAD).
    "HCPC": re.compile(r"[A-Z]{2,3}\d{4,8}", re.ASCII),
}
# "GMC 1234567", "NMC: 12A3456E" or "HCPC no. PA12345": a register's name
# typed before the number is allowed, if it is the right register.
NAMED = re.compile(r"(?P<register>GMC|NMC|HCPC)(?:NO\.?|NUMBER|PIN)?[:.#]*")

MESSAGE = _(
    "Enter a GMC number (7 digits, like 1234567), an NMC PIN (like 12A3456E) "
    "or an HCPC number (2 letters then digits, like PA12345)."
)
HINT = _("GMC, NMC or HCPC, for example 1234567, 12A3456E or PA12345")


def parse(text):
    """``(register, number)`` for a registration number as typed, or None."""
    compact = re.sub(r"[\s-]", "", text or "").upper()
    named = None
    match = NAMED.match(compact)
    if match:
        named = match["register"]
        compact = compact[match.end() :]
    for register, shape in SHAPES.items():
        if shape.fullmatch(compact) and named in (None, register):
            return register, compact
    return None


class RegistrationNumberField(django.forms.CharField):
    """One registration number, stored as "GMC 1234567" (see ``parse``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.length_hint = HINT
        self.widget.attrs.update(autocomplete="off", spellcheck="false")

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        parsed = parse(value)
        if parsed is None:
            raise ValidationError(MESSAGE, code="registration")
        register, number = parsed
        return f"{register} {number}"
