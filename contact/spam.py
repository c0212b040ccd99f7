"""Keeping robots out of the contact forms without getting in people's way.

Three checks, none of which needs server-side session state, so a form works
behind a page cache and whichever worker process answers the POST:

* ``Challenge``: a small sum ("What is 7 plus 1?") and the time the form was
  rendered, carried in a signed, expiring token (``django.core.signing``).
  The numbers are not secret (they are in the label anyway); the signature
  only stops a robot choosing its own sum or render time.
* a honeypot field, rendered with the ``hidden`` attribute (see the template),
  which people and screen readers never meet but form-filling robots do.
* ``SubmissionRateLimit``: at most N stored submissions per client IP per
  period, counted in Django's cache.

Why our own code and not a package:

* ``wagtail-honeypot`` (1.3.1) was evaluated: its time check trusts an
  unsigned timestamp the browser sends back (``abs(now - posted) > 3``, so a
  robot posting ``0`` passes), it hides its field by pushing it off-screen with
  CSS/JS (still in the layout, a horizontal-scroll risk), it declares support
  up to Wagtail 7 only, and it would not share the signed token the sum
  already needs. Two dozen lines here do both jobs with a tamper-proof time.
* ``django-ratelimit`` (4.1.0) raises a system-check *error* (E003) for the
  local-memory cache this project uses in development and tests, and its
  decorator counts every request, whereas we count only stored submissions so
  that a person correcting mistakes is never locked out. ``cache.add`` and
  ``cache.incr`` are all that is needed.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches

from home.client_address import client_ip

# A namespace for the signature (the secret is SECRET_KEY).
TOKEN_SALT = "contact.challenge"  # noqa: S105


def now():
    """The current time in seconds (one place for tests to move the clock)."""
    return time.time()


class ChallengeError(Exception):
    """The posted token is missing, altered or too old."""


class ChallengeExpired(ChallengeError):
    """The token is genuine but older than ``CONTACT_FORM_MAX_AGE``."""


def min_fill_seconds():
    return settings.CONTACT_MIN_FILL_SECONDS


def form_max_age():
    return settings.CONTACT_FORM_MAX_AGE


@dataclass(frozen=True)
class Challenge:
    """What a rendered form asked, and when it was rendered."""

    rendered_at: int
    first: int | None = None
    second: int | None = None

    @classmethod
    def new(cls, ask_question, rendered_at=None):
        """A fresh challenge; numbers 1 to 9 so the sum is easy in one's head."""
        if rendered_at is None:
            rendered_at = int(now())
        if not ask_question:
            return cls(rendered_at=rendered_at)
        return cls(
            rendered_at=rendered_at,
            first=secrets.randbelow(9) + 1,
            second=secrets.randbelow(9) + 1,
        )

    @property
    def asks_question(self):
        return self.first is not None and self.second is not None

    @property
    def question(self):
        return f"What is {self.first} plus {self.second}?"

    def is_answered_by(self, answer):
        return self.asks_question and answer == self.first + self.second

    def seconds_since_rendered(self):
        return now() - self.rendered_at

    def with_new_question(self):
        """Same render time, different numbers (after a wrong answer)."""
        return Challenge.new(True, rendered_at=self.rendered_at)

    def to_token(self, page_pk):
        payload = {"t": self.rendered_at}
        if self.asks_question:
            payload.update(a=self.first, b=self.second)
        return signing.dumps(payload, salt=f"{TOKEN_SALT}:{page_pk}")

    @classmethod
    def from_token(cls, token, page_pk):
        """Read a posted token; raise ``ChallengeError`` if it can't be trusted."""
        if not token:
            raise ChallengeError("no token")
        try:
            payload = signing.loads(
                token, salt=f"{TOKEN_SALT}:{page_pk}", max_age=form_max_age()
            )
        except signing.SignatureExpired as error:
            raise ChallengeExpired("token too old") from error
        except signing.BadSignature as error:
            raise ChallengeError("bad signature") from error
        try:
            return cls(
                rendered_at=int(payload["t"]),
                first=int(payload["a"]) if "a" in payload else None,
                second=int(payload["b"]) if "b" in payload else None,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ChallengeError("malformed payload") from error


class SubmissionRateLimit:
    """At most ``CONTACT_RATE_LIMIT_COUNT`` stored submissions per client IP in
    ``CONTACT_RATE_LIMIT_PERIOD`` seconds (a fixed window from the first one).

    Only stored submissions count: a visitor who gets the sum wrong or forgets
    a field is never locked out by their own corrections. The IP is hashed
    before it becomes a cache key, so the cache holds no addresses.
    With several server processes, point ``CONTACT_RATE_LIMIT_CACHE`` at a
    cache they share (database or Redis); see the README.
    """

    def __init__(self, request):
        digest = hashlib.sha256(client_ip(request).encode()).hexdigest()
        self.key = f"contact:ratelimit:{digest}"
        self.cache = caches[settings.CONTACT_RATE_LIMIT_CACHE]
        self.limit = settings.CONTACT_RATE_LIMIT_COUNT
        self.period = settings.CONTACT_RATE_LIMIT_PERIOD

    @property
    def enabled(self):
        return self.limit > 0

    def is_exceeded(self):
        return self.enabled and self.cache.get(self.key, 0) >= self.limit

    def record(self):
        if not self.enabled:
            return
        self.cache.add(self.key, 0, timeout=self.period)
        try:
            self.cache.incr(self.key)
        except ValueError:  # expired between add() and incr()
            self.cache.set(self.key, 1, timeout=self.period)
