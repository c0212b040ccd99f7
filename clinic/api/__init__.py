"""The site's JSON APIs: Wagtail's v2 and v3 read APIs and the forms API.

``urls`` mounts them; ``v2`` and ``v3`` configure each; ``context`` and
``preview`` are small helpers the page models use, so this package's
``__init__`` imports nothing (models import from it while apps load).
"""
