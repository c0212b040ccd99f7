"""A page restricted to signed-in users (or behind a password) is never listed
or linked where someone who cannot open it would see it: not on other pages,
their JSON-LD, the menu, search and its suggestions, the sitemap, either API,
nor a copy the page cache kept. (Issue 11, item 7.)

One small clinic, with a restricted technique, condition, menu page and
contact page linked from everywhere a public page can link: each "place"
below is one way a visitor or a front end could come across them.
"""

import json
import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from contact.factories import ContactPageFactory
from home.factories import StandardPageFactory
from home.models import ClinicSettings, FeaturedCondition, FeaturedTechnique
from techniques.factories import (
    ConditionPageFactory,
    SpecialistFactory,
    SpecialistIndexPageFactory,
    TechniquePageFactory,
    link,
)

# In every restricted page's title and address, and nowhere else.
MARKER = "zebrafinch"
# Only in the restricted pages' text: what a visitor would search for.
BODY_WORD = "okapi"
# How each restricted page's summary begins (search echoes BODY_WORD itself).
SUMMARY = "described with the word"
PASSWORD = "letmein"  # noqa: S105 (a test page's password)


@pytest.fixture(params=["login", "password"])
def restriction_type(request):
    return request.param


@pytest.fixture
def clinic(home_page, technique_index, condition_index, restriction_type):
    """Public pages that link the restricted ones in every way the site can."""
    for section in (technique_index, condition_index):
        section.show_in_menus = True
        section.save()
    team = SpecialistIndexPageFactory(parent=home_page, show_in_menus=True)
    pain = ConditionPageFactory(
        parent=condition_index, title="Neuropathic pain", slug="neuropathic-pain"
    )
    secret_condition = ConditionPageFactory(
        parent=condition_index,
        title=f"{MARKER.title()} syndrome",
        slug=f"{MARKER}-syndrome",
        summary=f"A condition {SUMMARY} {BODY_WORD}.",
    )
    scs = TechniquePageFactory(
        parent=technique_index,
        title="Spinal cord stimulation",
        slug="spinal-cord-stimulation",
        # A text link to the restricted condition, with words of its own.
        what_it_is=f'<p>See <a linktype="page" id="{secret_condition.pk}">'
        "this related condition</a>.</p>",
    )
    secret_technique = TechniquePageFactory(
        parent=technique_index,
        title=f"{MARKER.title()} stimulation",
        slug=f"{MARKER}-stimulation",
        summary=f"A treatment {SUMMARY} {BODY_WORD}.",
    )
    link(scs, pain, secret_condition)
    link(secret_technique, pain)
    secret_menu_page = StandardPageFactory(
        parent=home_page,
        title=f"{MARKER.title()} staff rota",
        slug=f"{MARKER}-rota",
        summary=f"Who is on call, {SUMMARY} {BODY_WORD}.",
        show_in_menus=True,
    )
    secret_contact = ContactPageFactory(
        parent=home_page, title=f"{MARKER.title()} enquiries", slug=f"{MARKER}-form"
    )
    SpecialistFactory(techniques=[scs, secret_technique])
    home_page.contact_page = secret_contact
    home_page.featured_techniques = [
        FeaturedTechnique(technique=page, sort_order=n)
        for n, page in enumerate([scs, secret_technique])
    ]
    home_page.featured_conditions = [
        FeaturedCondition(condition=page, sort_order=n)
        for n, page in enumerate([pain, secret_condition])
    ]
    home_page.save_revision().publish()
    secrets = [secret_condition, secret_technique, secret_menu_page, secret_contact]
    for page in secrets:
        PageViewRestriction.objects.create(
            page=page, restriction_type=restriction_type, password=PASSWORD
        )
    return {
        "home": home_page,
        "scs": scs,
        "pain": pain,
        "team": team,
        "secret_condition": secret_condition,
        "secrets": secrets,
    }


def json_ld(html):
    """The page's JSON-LD, re-serialised (escapes undone)."""
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert found, "the page has no JSON-LD"
    return json.dumps([json.loads(text) for text in found])


# (where, what a visitor or front end reads there). ``{name}`` is the id of a
# page of the clinic above.
PLACES = {
    "home page (featured, finder, menu, calls to action)": "/",
    "treatments index": "/treatments/",
    "treatments index filtered": "/treatments/?modality=electrical",
    "conditions A to Z": "/conditions/",
    "technique page (its conditions, text links)": (
        "/treatments/spinal-cord-stimulation/"
    ),
    "condition page (its treatments)": "/conditions/neuropathic-pain/",
    "team page": "/our-team/",
    "search results": f"/search/?q={BODY_WORD}",
    "search 'Did you mean'": f"/search/?q={MARKER[:-1]}k",
    "sitemap": "/sitemap.xml",
    "JSON-LD of the home page": ("/", json_ld),
    "JSON-LD of the condition page": ("/conditions/neuropathic-pain/", json_ld),
    "API v2 pages": "/api/v2/pages/?limit=50",
    "API v2 pages, every field": "/api/v2/pages/?limit=50&fields=*",
    "API v2 search": f"/api/v2/pages/?search={BODY_WORD}",
    "API v2 techniques for a condition": (
        "/api/v2/pages/?type=techniques.TechniquePage&condition={pain}"
    ),
    "API v2 technique detail": "/api/v2/pages/{scs}/",
    "API v2 technique detail as markdown": (
        "/api/v2/pages/{scs}/?rich_text_format=markdown"
    ),
    "API v3 technique detail as markdown": (
        "/api/v3/pages/{scs}/?rich_text_format=markdown"
    ),
    "API v2 condition detail": "/api/v2/pages/{pain}/",
    "API v2 home detail": "/api/v2/pages/{home}/",
    "API v2 team detail": "/api/v2/pages/{team}/",
    "API v2 find": "/api/v2/pages/find/?html_path=/treatments/spinal-cord-stimulation/",
    "API v3 pages": "/api/v3/pages/?limit=50",
    "API v3 search": f"/api/v3/pages/?search={BODY_WORD}",
    "API v3 technique detail": "/api/v3/pages/{scs}/",
    "API v3 condition detail": "/api/v3/pages/{pain}/",
    "API v3 home detail": "/api/v3/pages/{home}/",
    "API v3 team detail": "/api/v3/pages/{team}/",
    "API v3 find": "/api/v3/pages/find/?html_path=/conditions/neuropathic-pain/",
    "API v3 techniques": "/api/v3/techniques/?limit=50",
    "API v3 techniques search": f"/api/v3/techniques/?search={BODY_WORD}",
    "API v3 techniques for a condition": "/api/v3/techniques/?condition={pain}",
    "API v3 conditions": "/api/v3/conditions/?limit=50",
    "API v3 conditions for a technique": "/api/v3/conditions/?technique={scs}",
}


def read(client, place, clinic):
    url, extract = (
        PLACES[place]
        if isinstance(PLACES[place], tuple)
        else (
            PLACES[place],
            None,
        )
    )
    url = url.format(
        **{name: page.pk for name, page in clinic.items() if name != "secrets"}
    )
    response = client.get(url, follow=True)
    assert response.status_code == 200, (url, response.content[:300])
    text = response.content.decode()
    return extract(text) if extract else text


def names_a_restricted_page(text, clinic):
    """Whether ``text`` holds a restricted page's title, address or summary."""
    return (
        MARKER in text.lower()
        or SUMMARY in text
        or any(page.url in text for page in clinic["secrets"])
    )


def test_an_anonymous_visitor_never_sees_a_restricted_page_listed(client, clinic):
    """Every place, for each kind of restriction (one site build per kind:
    a test per place would build it 70 times)."""
    leaks = [
        place
        for place in PLACES
        if names_a_restricted_page(read(client, place, clinic), clinic)
    ]
    assert leaks == []


def test_the_public_pages_still_list_each_other(client, clinic):
    """The places above do list pages: an empty answer would pass them too."""
    technique = read(client, "technique page (its conditions, text links)", clinic)
    assert 'href="/conditions/neuropathic-pain/"' in technique
    assert "this related condition" in technique  # the words stay, not the link
    home = read(client, "home page (featured, finder, menu, calls to action)", clinic)
    assert 'href="/treatments/spinal-cord-stimulation/"' in home
    assert "Spinal cord stimulation" in read(client, "API v3 techniques", clinic)
    assert "Neuropathic pain" in read(client, "API v2 technique detail", clinic)
    assert "/treatments/" in read(client, "sitemap", clinic)


def test_the_restricted_pages_themselves_are_not_found_through_the_apis(client, clinic):
    for page in clinic["secrets"]:
        for api in ("v2", "v3"):
            assert client.get(f"/api/{api}/pages/{page.pk}/").status_code == 404
            found = client.get(f"/api/{api}/pages/find/", {"html_path": page.url})
            assert found.status_code == 404
        # The password form (200) or a redirect to sign in; never the page.
        assert SUMMARY not in client.get(page.url).content.decode()


def authorised_visitor(client, page, restriction_type, admin_user):
    """A visitor who may open ``page``: signed in, or has given its password."""
    if restriction_type == "login":
        client.force_login(admin_user)
        return
    restriction = PageViewRestriction.objects.get(page=page)
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": PASSWORD, "return_url": page.url},
    )
    assert response.status_code == 302


def test_what_an_authorised_visitor_saw_is_never_served_to_anyone_else(
    client, clinic, restriction_type, admin_user
):
    secret = clinic["secret_condition"]
    authorised_visitor(client, secret, restriction_type, admin_user)
    own = client.get(secret.url)
    assert own.status_code == 200 and BODY_WORD in own.content.decode()
    client.get("/treatments/spinal-cord-stimulation/")
    client.get("/")

    # No cookies: the page cache may answer. The page's own address gets the
    # password form or a sign-in redirect, never what the visitor above saw.
    assert SUMMARY not in Client().get(secret.url).content.decode()
    for url in ("/treatments/spinal-cord-stimulation/", "/"):
        anonymous = Client().get(url)
        assert not names_a_restricted_page(anonymous.content.decode(), clinic), url


def test_a_page_made_private_or_public_again_changes_cached_lists_at_once(
    client, clinic
):
    """A page cached while it left out a private page lists it as soon as the
    restriction goes, and drops it again when one is added, however the
    restriction was removed (in bulk, no log entry) or added."""
    secret = clinic["secret_condition"]
    technique = "/treatments/spinal-cord-stimulation/"
    ClinicSettings.load()  # made by the first view ever, which empties the cache
    assert secret.url not in Client().get(technique).content.decode()  # cached

    PageViewRestriction.objects.filter(page=secret).delete()
    assert secret.url in Client().get(technique).content.decode()

    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert secret.url not in Client().get(technique).content.decode()
