"""Spreadsheet cells that run nothing.

Anyone can send a form, and staff open exports in a spreadsheet program,
which runs a cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula: a visitor could plant one in the
file that holds other patients' messages. As OWASP's "CSV Injection" page
recommends, such a cell is written with a single quote in front: the
spreadsheet shows it as text and the words stay readable. (XLSX cells written
as strings are never formulas; Wagtail's export makes sure of that.)
"""

# What makes a spreadsheet read a cell as a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with a leading ``'`` if a spreadsheet would run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
