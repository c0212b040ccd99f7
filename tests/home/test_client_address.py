"""Which address is the visitor's (home/client_address.py).

A client can put anything in ``X-Forwarded-For``; each of our proxies appends
the address it saw. Only the entries our own proxies wrote may be believed,
or one attacker could take any address (escaping the login lockout and the
form limit) or lock out somebody else's.
"""

import pytest
from axes.helpers import get_client_ip_address
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from home.client_address import ClientAddressMiddleware, client_ip

PEER = "10.0.0.2"  # the proxy (or, without one, the client itself)
CLIENT = "203.0.113.5"


def request_from(peer=PEER, forwarded=None):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from(CLIENT, forwarded="198.51.100.1")) == CLIENT


def test_behind_one_proxy_the_entry_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=CLIENT)) == CLIENT


def test_a_clients_forged_entries_on_the_left_are_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged = "198.51.100.1, 192.0.2.7"
    assert client_ip(request_from(forwarded=f"{forged}, {CLIENT}")) == CLIENT


def test_behind_two_proxies_the_outer_proxys_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    # forged by the client, then the load balancer's view, then nginx's view
    forwarded = f"198.51.100.1, {CLIENT}, 10.0.0.9"
    assert client_ip(request_from(forwarded=forwarded)) == CLIENT


@pytest.mark.parametrize("forwarded", [None, "", " , ", CLIENT])
def test_fewer_entries_than_proxies_means_the_peer_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from(forwarded=forwarded)) == PEER


@pytest.mark.parametrize("entry", ["unknown", "203.0.113.5:4431", "<script>"])
def test_an_entry_that_is_not_an_address_is_not_believed(settings, entry):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=f"{CLIENT}, {entry}")) == PEER


def test_spaces_around_entries_do_not_matter(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=f"198.51.100.1 ,  {CLIENT} ")) == CLIENT


def test_ipv6_clients_are_found_too(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded="2001:db8::5")) == "2001:db8::5"


def test_the_middleware_comes_first():
    assert django_settings.MIDDLEWARE[0] == (
        "home.client_address.ClientAddressMiddleware"
    )


def test_the_middleware_puts_the_client_in_remote_addr_for_everyone(settings):
    """After it, Django's ``REMOTE_ADDR``, ``client_ip`` and django-axes all
    give the client, and asking again does not move one entry further left."""
    settings.TRUSTED_PROXY_COUNT = 1
    seen = {}

    def view(request):
        seen["remote_addr"] = request.META["REMOTE_ADDR"]
        seen["client_ip"] = client_ip(request)
        seen["axes"] = get_client_ip_address(request)
        return HttpResponse()

    ClientAddressMiddleware(view)(request_from(forwarded=f"198.51.100.1, {CLIENT}"))
    assert seen == {"remote_addr": CLIENT, "client_ip": CLIENT, "axes": CLIENT}


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "e@clinic.invalid", "right-pw-123")


def sign_in(forwarded, password):
    """A sign-in that reaches Django through our one proxy."""
    return Client(REMOTE_ADDR=PEER).post(
        "/admin/login/",
        {"username": "editor", "password": password},
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lockout_holds_one_client_not_everyone(editor):
    # The attacker rotates a forged entry on every attempt: still one client.
    for n in range(3):
        sign_in(f"192.0.2.{n}, {CLIENT}", "wrong")
    assert sign_in(f"192.0.2.99, {CLIENT}", "right-pw-123").status_code == 429

    # Staff elsewhere, behind the same proxy, still get in.
    assert sign_in("198.51.100.7", "right-pw-123").status_code == 302
