"""Keeping robots out of the contact forms without getting in people's way.

Three checks, none of which needs a session, so a form works behind a page
cache and whichever worker process answers the POST:

* ``Challenge``: a small sum ("What is 7 plus 1?"), the time the form was
  rendered and a random nonce, carried in a signed, expiring token
  (``django.core.signing``). The numbers are not secret (they are in the
  label anyway); the signature only stops a robot choosing its own sum or
  render time. The nonce makes a token single-use: it is spent when a
  submission is stored (``spend``), so a solved token cannot be sent again,
  from this client or any other.
* a honeypot field, rendered with the ``hidden`` attribute (see the template),
  which people and screen readers never meet but form-filling robots do.
* ``submission_limit()``: at most N stored submissions per client IP per
  period.

Spent nonces and the per-client counts live in ``home.throttle``: a database
table every worker and server shares, which no page-cache traffic can evict,
with atomic increments and exact windows.

Why our own code and not a package:

* ``wagtail-honeypot`` (1.3.1) was evaluated: its time check trusts an
  unsigned timestamp the browser sends back (``abs(now - posted) > 3``, so a
  robot posting ``0`` passes), it hides its field by pushing it off-screen with
  CSS/JS (still in the layout, a horizontal-scroll risk), it declares support
  up to Wagtail 7 only, and it would not share the signed token the sum
  already needs. Two dozen lines here do both jobs with a tamper-proof time.
* ``django-ratelimit`` (4.1.0) counts in the cache (which the page cache can
  flush) and its decorator counts every request, whereas we count only stored
  submissions so that a person correcting mistakes is never locked out.
"""

import dataclasses
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from home.client_address import client_ip
from home.throttle import Throttle

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
    # Random, once per challenge: what is spent when a submission is stored.
    nonce: str = ""

    @classmethod
    def new(cls, ask_question, rendered_at=None):
        """A fresh challenge; numbers 1 to 9 so the sum is easy in one's head."""
        if rendered_at is None:
            rendered_at = int(now())
        nonce = secrets.token_urlsafe(16)
        if not ask_question:
            return cls(rendered_at=rendered_at, nonce=nonce)
        return cls(
            rendered_at=rendered_at,
            first=secrets.randbelow(9) + 1,
            second=secrets.randbelow(9) + 1,
            nonce=nonce,
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
        """Same render time and nonce, different numbers (after a wrong
        answer): still the same form, so still one use between them."""
        fresh = Challenge.new(True)
        return dataclasses.replace(self, first=fresh.first, second=fresh.second)

    def to_token(self, page_pk):
        """Signed now; signing the same challenge again for a redisplay keeps
        its nonce, so every token of one challenge is spent together."""
        payload = {"t": self.rendered_at, "n": self.nonce}
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
            nonce = payload["n"]  # tokens signed before nonces were added: none
            if not isinstance(nonce, str) or not nonce:
                raise ValueError("no nonce")
            return cls(
                rendered_at=int(payload["t"]),
                first=int(payload["a"]) if "a" in payload else None,
                second=int(payload["b"]) if "b" in payload else None,
                nonce=nonce,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ChallengeError("malformed payload") from error


def spent_tokens():
    """Each challenge's nonce may be used once.

    A spent nonce is remembered for twice a token's life: every token carrying
    it was signed before it was spent (or, for a request that was running at
    that very moment, within seconds after), so all of them have expired long
    before it is forgotten.
    """
    return Throttle("contact.spent-token", limit=1, period=2 * form_max_age())


def is_spent(challenge):
    """Whether a submission was already stored with this challenge's token."""
    return spent_tokens().is_blocked(challenge.nonce)


def spend(challenge):
    """Use the challenge's token up; False if it was already used.

    Atomic: of two posts of one token at the same moment, one spends it.
    Call it in the transaction that stores the submission, so a submission
    that is not stored does not spend it.
    """
    return spent_tokens().hit(challenge.nonce).allowed


def submission_limit():
    """At most ``CONTACT_RATE_LIMIT_COUNT`` stored submissions per client IP
    in ``CONTACT_RATE_LIMIT_PERIOD`` seconds (a fixed window from the first
    one); 0 turns it off.

    Only stored submissions count: a visitor who gets the sum wrong or forgets
    a field is never locked out by their own corrections.
    """
    return Throttle(
        "contact.submissions",
        limit=settings.CONTACT_RATE_LIMIT_COUNT,
        period=settings.CONTACT_RATE_LIMIT_PERIOD,
    )


def rate_limit_key(request):
    """The client a submission is counted against (home/client_address.py)."""
    return client_ip(request)
