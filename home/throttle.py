"""Counting attempts per client, in the database, atomically.

One small store for every limit the site sets on anonymous visitors: stored
contact-form submissions per client address, wrong private-page and private-
document passwords per client address, and the contact form's spent question
tokens (a token is a "client" allowed one use).

Why a database table, not Django's cache:

* nothing can evict it. The cache also holds the page cache, so a flood of
  unique page URLs used to push the counters out and reset every limit;
* it is the one store every app server already shares, so no Redis is needed
  for the limits to hold across workers and servers;
* an increment is one ``UPDATE ... SET count = count + 1`` inside a
  transaction, then a read of the result in the same transaction: the row is
  locked (PostgreSQL) or the whole database is (SQLite's IMMEDIATE
  transactions, see ``clinic/settings/base.py``) until commit, so N requests
  at once can never all see "under the limit". The cache's ``get`` then
  ``incr`` could, and ``FileBasedCache.incr`` also reset the window to the
  cache's default 300 s;
* a window is fixed: it starts at the first counted attempt and ends exactly
  ``period`` seconds later, whatever the store's own timeouts are.

Why our own code: django-ratelimit and django-axes count in the cache (or, for
axes, only logins); the forty lines below are what the three uses share.

Keys are an HMAC of the scope and the client's key (its IP address, say), so
the table holds no addresses. Rows whose window has ended mean nothing: now
and then a new window sweeps a batch of them away (after its own commit), and
``manage.py purge_submissions`` removes the rest.
"""

import contextlib
import math
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import DatabaseError, IntegrityError, models, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

# About one new window in SWEEP_EVERY also removes up to SWEEP_BATCH ended
# ones: cheap for the request that does it, and the table still shrinks (each
# sweep removes far more rows than were added since the last one).
SWEEP_EVERY = 20
SWEEP_BATCH = 500


def now():
    """The current time in seconds (one place for tests to move the clock)."""
    return time.time()


def _moment(seconds):
    return datetime.fromtimestamp(seconds, tz=UTC)


class ThrottleCounter(models.Model):
    """Attempts counted for one key in one fixed window of time."""

    key = models.CharField(
        max_length=64,
        unique=True,
        help_text="HMAC of the limit's scope and the client's key (never the "
        "address itself).",
    )
    window_ends = models.DateTimeField(
        db_index=True, help_text="When this count stops counting."
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "home"
        verbose_name = "throttle counter"

    def __str__(self):
        return f"{self.count} until {self.window_ends:%Y-%m-%d %H:%M:%S}"


@dataclass(frozen=True)
class Hit:
    """The result of counting one attempt."""

    allowed: bool  # within the limit: go ahead
    count: int  # attempts in this window, this one included
    retry_after: int  # whole seconds until the window ends (0: no window)


class Throttle:
    """At most ``limit`` attempts per key in a fixed window of ``period``
    seconds, counted from the first attempt. ``limit`` 0 turns it off.

    ``hit(key)`` counts an attempt and says whether it is allowed; call it
    *before* doing the thing it limits, so two attempts at once cannot both
    slip under the limit. ``release(key)`` gives one back when the attempt
    turns out not to count (the right password, say).
    """

    def __init__(self, scope, limit, period):
        self.scope = scope
        self.limit = int(limit)
        self.period = int(period)

    @property
    def enabled(self):
        return self.limit > 0

    def _key(self, key):
        return salted_hmac(
            "home.throttle", f"{self.scope}:{key}", algorithm="sha256"
        ).hexdigest()

    def hit(self, key):
        if not self.enabled:
            return Hit(allowed=True, count=0, retry_after=0)
        digest = self._key(key)
        started = now()
        moment = _moment(started)
        counters = ThrottleCounter.objects
        new_window = False
        with transaction.atomic():
            for _attempt in range(3):
                # In a live window: count one more (the row stays locked).
                live = counters.filter(key=digest, window_ends__gt=moment)
                if live.update(count=F("count") + 1):
                    break
                # The window has ended: start a new one on the same row. The
                # condition is checked again after any wait for a lock, so
                # two requests cannot both start it.
                ended = counters.filter(key=digest, window_ends__lte=moment)
                window_ends = _moment(started + self.period)
                if ended.update(count=1, window_ends=window_ends):
                    break
                try:
                    with transaction.atomic():
                        counters.create(key=digest, count=1, window_ends=window_ends)
                except IntegrityError:
                    continue  # another request created it first: count in it
                new_window = True
                break
            else:  # pragma: no cover - needs a window shorter than a query
                raise RuntimeError("could not count an attempt")
            count, window_ends = (
                counters.filter(key=digest).values_list("count", "window_ends").get()
            )
        # Chance, not security: it only spreads the sweeping over requests.
        if new_window and random.randrange(SWEEP_EVERY) == 0:  # noqa: S311
            transaction.on_commit(sweep_ended_windows)
        return Hit(
            allowed=count <= self.limit,
            count=count,
            retry_after=_seconds_until(window_ends, started),
        )

    def release(self, key):
        """Give back one attempt of the current window (it did not count)."""
        if not self.enabled:
            return
        ThrottleCounter.objects.filter(
            key=self._key(key), window_ends__gt=_moment(now()), count__gt=0
        ).update(count=F("count") - 1)

    def _live(self, key):
        return (
            ThrottleCounter.objects.filter(
                key=self._key(key), window_ends__gt=_moment(now())
            )
            .values_list("count", "window_ends")
            .first()
        )

    def is_blocked(self, key):
        """Whether the limit is already used up (without counting anything)."""
        if not self.enabled:
            return False
        live = self._live(key)
        return live is not None and live[0] >= self.limit

    def retry_after(self, key):
        """Whole seconds until the key's window ends (0 when there is none)."""
        live = self._live(key) if self.enabled else None
        return _seconds_until(live[1], now()) if live else 0

    def reset(self, key):
        """Forget the key's attempts (e.g. when staff unlock a client)."""
        ThrottleCounter.objects.filter(key=self._key(key)).delete()


def _seconds_until(moment, seconds_now):
    # Rounded to the microsecond the database keeps, so float noise never
    # turns 1.0 into 2 seconds.
    return max(0, math.ceil(round(moment.timestamp() - seconds_now, 6)))


def delete_ended_windows(limit=None):
    """Delete counters whose window has ended; returns how many went."""
    ended = ThrottleCounter.objects.filter(window_ends__lte=_moment(now()))
    if limit is not None:
        ended = ThrottleCounter.objects.filter(
            pk__in=list(ended.values_list("pk", flat=True)[:limit])
        )
    count, _ = ended.delete()
    return count


def sweep_ended_windows():
    """A batch of ended windows, after a new one was committed. Best effort:
    if another request holds those rows, the next sweep takes them."""
    with contextlib.suppress(DatabaseError):
        delete_ended_windows(limit=SWEEP_BATCH)
