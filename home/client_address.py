"""The visitor's IP address, found one way for the whole project.

Behind a reverse proxy (nginx, a load balancer) every request reaches Django
from the proxy's address, so the real client is only in ``X-Forwarded-For``.
That header is a list anybody can start: a client may send its own forged
``X-Forwarded-For: 1.2.3.4``, and each proxy *appends* the address it saw.
So only the entries written by our own proxies can be believed, and they are
the last ``TRUSTED_PROXY_COUNT`` ones: the client is the entry our outermost
proxy wrote, ``forwarded[-TRUSTED_PROXY_COUNT]``. Anything to its left was
written by the client.

``ClientAddressMiddleware`` puts that address into ``REMOTE_ADDR`` at the top
of the middleware stack, so the admin login lockout (django-axes), the contact
forms' rate limit, the private-page password throttle and Django's own logs
all count the same client. ``TRUSTED_PROXY_COUNT`` is the one setting (0, the
default, means no proxy: ``X-Forwarded-For`` is ignored).

Why not django-ipware: it guesses the client by skipping private addresses,
which is wrong in both directions on a loopback or private network, and the
rule above is three lines once the proxy count is known.
"""

import ipaddress

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
# The proxy's own address, kept for anyone who needs to see it.
PROXY_ADDR = "clinic.proxy_addr"


def client_ip(request):
    """The client's address, as far as this deployment's proxies vouch for it.

    If fewer entries arrived than there are trusted proxies, a proxy was
    bypassed (or is misconfigured): the direct peer is the best we know.
    """
    if PROXY_ADDR in request.META:  # the middleware has already decided
        return request.META["REMOTE_ADDR"]
    return _from_headers(request.META)


def _from_headers(meta):
    remote = meta.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [
        part.strip() for part in meta.get(FORWARDED_FOR, "").split(",") if part.strip()
    ]
    if len(forwarded) < trusted:
        return remote
    candidate = forwarded[-trusted]
    # Our proxies write bare addresses. Anything else means the entry came
    # from elsewhere (a proxy bypassed, a count set too high): not an address
    # to store in the lockout table (PostgreSQL's inet would refuse it).
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return remote
    return candidate


class ClientAddressMiddleware:
    """Sets ``REMOTE_ADDR`` to the real client, first thing in every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if PROXY_ADDR not in meta:
            meta[PROXY_ADDR] = meta.get("REMOTE_ADDR", "")
            meta["REMOTE_ADDR"] = _from_headers(meta)
        return self.get_response(request)
