"""Every page type costs the same number of SQL queries with 1 linked item as
with 30: a page that queries once per condition, technique, specialist,
leaflet, image or search result gets slower with every page editors add.

Each case builds the clinic's site, adds ``size`` linked items for its page
type, views the page once (renditions are made and Wagtail's site root paths
cached, as on any running server) and then counts the queries of one
anonymous view with the page cache off, in two states:

* ``running``: what a page costs when the page cache misses on a running
  site (an editor's view, a page not seen since it expired): the site-wide
  pieces (menu, clinic details, contact and team pages: ``home.sitewide``)
  are in the cache from the first view, and image renditions are read from
  the database. At most 10 queries for every page type.
* ``cold``: the first view after a change, with every cache emptied (as after
  a publish, or a restart).

The bounds are one constant per page type and state, the same for both
sizes: the count measured with 30 items. With 1 item the count is the same,
except where results of several page types each take one query per type
(search).
"""

import datetime
import itertools
import uuid

import pytest
from django.core.cache import caches
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail_factories import ImageFactory

from contact.factories import ContactFormFieldFactory, ContactPageFactory
from home.factories import StandardPageFactory
from home.models import ClinicSettings, FeaturedCondition, FeaturedTechnique
from locations.factories import (
    HoursExceptionFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    LocationTreatmentFactory,
    OpeningHoursFactory,
)
from referrals.factories import ReferralFormFieldFactory, ReferralPageFactory
from techniques.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    SpecialistFactory,
    SpecialistIndexPageFactory,
    TechniqueIndexPageFactory,
    TechniquePageFactory,
    make_pdf,
)
from techniques.models import (
    Modality,
    TechniqueCondition,
    TechniqueLeaflet,
)

# Half a minute or more: started first (conftest.py).
pytestmark = pytest.mark.slow

SIZES = [1, 30]

# The most queries one view of each page type may make, whatever its size:
# on a running site (the goal: 10 at most) and after every cache was
# emptied.
MAX_QUERIES = {
    "running": {
        "home": 10,
        "standard": 4,
        "technique_index": 3,
        "technique": 10,
        "condition_index": 4,
        "condition": 3,
        "team": 5,
        "contact": 3,
        "referral": 3,
        "search": 5,
        "location_index": 5,
        "location": 8,
    },
    "cold": {
        "home": 18,
        "standard": 10,
        "technique_index": 9,
        "technique": 20,
        "condition_index": 10,
        "condition": 10,
        "team": 11,
        "contact": 9,
        "referral": 9,
        "search": 10,
        "location_index": 11,
        "location": 14,
    },
}

# A word only the pages a search case creates contain.
SEARCH_WORD = "quillwort"


@pytest.fixture
def clinic(home_page):
    """The site's shell: home, the sections in the main menu, the team page,
    the contact page and the clinic's details."""
    ClinicSettings.objects.create(
        phone="01234 567890",
        email="hello@clinic.invalid",
        address="1 Clinic Road\nExeter\nEX1 2MP",
        opening_hours="Monday to Friday: 8:30 to 17:30",
        emergency_message="<p>In an emergency call <b>999</b>.</p>",
    )
    return {
        "home": home_page,
        "techniques": TechniqueIndexPageFactory(parent=home_page, show_in_menus=True),
        "conditions": ConditionIndexPageFactory(parent=home_page, show_in_menus=True),
        "team": SpecialistIndexPageFactory(parent=home_page, show_in_menus=True),
        "contact": ContactPageFactory(parent=home_page, show_in_menus=True),
    }


# Builders: each adds ``size`` linked items and returns (url, texts the page
# must show), so every case also checks that all the items are on the page.


def make_techniques(clinic, size, word="Technique"):
    modalities = itertools.cycle(Modality.values)
    return [
        TechniquePageFactory(
            parent=clinic["techniques"],
            title=f"{word} {n:02d}",
            modality=next(modalities),
        )
        for n in range(size)
    ]


def make_conditions(clinic, size, word="Condition"):
    return [
        ConditionPageFactory(parent=clinic["conditions"], title=f"{word} {n:02d}")
        for n in range(size)
    ]


def treat(techniques, conditions):
    """Every technique treats every condition (size x size links).

    The rows publishing would write, written at once: publishing 30 revisions
    of 30 links each would only make the test slower.
    """
    TechniqueCondition.objects.bulk_create(
        TechniqueCondition(technique=technique, condition=condition, sort_order=n)
        for technique in techniques
        for n, condition in enumerate(conditions)
    )


def reviewed(page, reviewer):
    """Record a clinical review the way sign-off does: on the row itself."""
    type(page).objects.filter(pk=page.pk).update(
        last_reviewed=datetime.date(2026, 1, 15), reviewed_by=reviewer
    )


def specialists(size, techniques):
    return [
        SpecialistFactory(
            name=f"Dr Specialist {n:02d}",
            photo=ImageFactory(),
            photo_alt=f"Portrait of specialist {n:02d}",
            techniques=techniques,
        )
        for n in range(size)
    ]


def figures(size):
    """A body of ``size`` images with captions, as an editor would add them."""
    return [
        {
            "type": "figure",
            "id": str(uuid.uuid4()),
            "value": {
                "image": {
                    "image": ImageFactory().pk,
                    "decorative": False,
                    "alt_text": f"Figure {n:02d}",
                },
                "caption": f"Caption {n:02d}",
            },
        }
        for n in range(size)
    ]


def menu_pages(clinic, size):
    """``size`` general pages in the main menu."""
    return [
        StandardPageFactory(
            parent=clinic["home"], title=f"Section {n:02d}", show_in_menus=True
        )
        for n in range(size)
    ]


def build_home(clinic, size):
    """Featured techniques and conditions, every condition in the finder,
    every technique in the JSON-LD, ``size`` sections in the menu."""
    techniques = make_techniques(clinic, size)
    conditions = make_conditions(clinic, size)
    treat(techniques, conditions)
    sections = menu_pages(clinic, size)
    home = clinic["home"]
    home.contact_page = clinic["contact"]
    home.featured_techniques = [
        FeaturedTechnique(technique=technique, sort_order=n)
        for n, technique in enumerate(techniques)
    ]
    home.featured_conditions = [
        FeaturedCondition(condition=condition, sort_order=n)
        for n, condition in enumerate(conditions)
    ]
    home.overview = StreamValue(home.overview.stream_block, figures(size), is_lazy=True)
    home.save_revision().publish()
    texts = [page.title for page in [*techniques, *conditions, *sections]]
    return "/", texts + [f"Caption {size - 1:02d}"]


def build_standard(clinic, size):
    """A general page with ``size`` figures, and ``size`` menu sections."""
    sections = menu_pages(clinic, size)
    page = sections[0]
    page.body = StreamValue(page.body.stream_block, figures(size), is_lazy=True)
    page.save_revision().publish()
    texts = [section.title for section in sections]
    return page.url, texts + [f"Caption {n:02d}" for n in range(size)]


def build_technique_index(clinic, size):
    techniques = make_techniques(clinic, size)
    return clinic["techniques"].url, [technique.title for technique in techniques]


def make_locations(clinic, size, treatments=(), rows=1):
    """``size`` locations, each offering ``treatments``, with ``rows`` opening
    hours rows and as many closures to come."""
    index = LocationIndexPageFactory(parent=clinic["home"], show_in_menus=True)
    locations = []
    for n in range(size):
        location = LocationPageFactory(parent=index, title=f"Location {n:02d}")
        for row in range(rows):
            OpeningHoursFactory(page=location, first_day=row % 7, last_day=None)
            HoursExceptionFactory(
                page=location,
                start_date=datetime.date(2099, 1, 1) + datetime.timedelta(row),
                reason=f"Closure {row:02d}",
            )
        for technique in treatments:
            LocationTreatmentFactory(location=location, technique=technique)
        locations.append(location)
    return index, locations


def build_location_index(clinic, size):
    """``size`` locations, each with ``size`` rows of hours and closures."""
    index, locations = make_locations(clinic, size, rows=size)
    return index.url, [location.title for location in locations]


def build_location(clinic, size):
    """A location with a map, ``size`` treatments, rows of hours and
    closures, among ``size`` locations in the footer."""
    techniques = make_techniques(clinic, size)
    _index, locations = make_locations(clinic, size, techniques, rows=size)
    location = locations[0]
    location.map_image = ImageFactory()
    location.map_alt = "The way from the station"
    location.save_revision().publish()
    texts = [technique.title for technique in techniques]
    texts += [f"Closure {n:02d}" for n in range(size)]
    texts += [other.title for other in locations]
    return location.url, texts + ['alt="The way from the station"']


def build_technique(clinic, size):
    """A technique with an image, ``size`` conditions, specialists (with
    photos), leaflets and locations offering it, a text linking to each
    condition and leaflet, and a recorded review."""
    technique = make_techniques(clinic, 1, word="Main technique")[0]
    _index, locations = make_locations(clinic, size, [technique])
    conditions = make_conditions(clinic, size)
    people = specialists(size, [technique])
    documents = [make_pdf(f"Leaflet {n:02d}") for n in range(size)]
    technique.image = ImageFactory()
    technique.image_alt = "The stimulator"
    technique.what_it_is = "".join(
        f'<p><a linktype="page" id="{condition.pk}">About {condition.title}</a> '
        f'<a linktype="document" id="{document.pk}">{document.title} text</a></p>'
        for condition, document in zip(conditions, documents, strict=True)
    )
    technique.condition_links = [
        TechniqueCondition(condition=condition, sort_order=n)
        for n, condition in enumerate(conditions)
    ]
    technique.leaflets = [
        TechniqueLeaflet(document=document, sort_order=n)
        for n, document in enumerate(documents)
    ]
    technique.save_revision().publish()
    reviewed(technique, people[0])
    texts = [p.name for p in people] + [d.title for d in documents]
    texts += [location.title for location in locations]
    texts += [f'<a href="{c.url}">About {c.title}</a>' for c in conditions]
    texts += [f'<a href="{d.url}">{d.title} text</a>' for d in documents]
    return technique.url, texts + ["Page last reviewed", 'alt="The stimulator"']


def build_condition_index(clinic, size):
    """``size`` conditions, each treated by ``size`` techniques."""
    techniques = make_techniques(clinic, size)
    conditions = make_conditions(clinic, size)
    treat(techniques, conditions)
    texts = [page.title for page in [*techniques, *conditions]]
    return clinic["conditions"].url, texts


def build_condition(clinic, size):
    """A condition treated by ``size`` techniques, with a recorded review."""
    techniques = make_techniques(clinic, size)
    condition = make_conditions(clinic, 1)[0]
    treat(techniques, [condition])
    reviewer = specialists(1, techniques)[0]
    reviewed(condition, reviewer)
    texts = [technique.title for technique in techniques]
    return condition.url, texts + ["Page last reviewed", reviewer.name]


def build_team(clinic, size):
    """``size`` specialists with photos, each performing ``size`` techniques."""
    techniques = make_techniques(clinic, size)
    people = specialists(size, techniques)
    texts = [person.name for person in people] + [t.title for t in techniques]
    return clinic["team"].url, texts


FIELD_TYPES = [
    ("singleline", ""),
    ("multiline", ""),
    ("email", ""),
    ("radio", "Yes\nNo"),
    ("dropdown", "Morning\nAfternoon"),
    ("checkboxes", "Letter\nPhone"),
]


def build_contact(clinic, size):
    """A contact form with ``size`` fields of every kind."""
    types = itertools.cycle(FIELD_TYPES)
    labels = []
    for n in range(size):
        field_type, choices = next(types)
        labels.append(f"Question {n:02d}")
        ContactFormFieldFactory(
            page=clinic["contact"],
            label=labels[-1],
            field_type=field_type,
            choices=choices,
            required=n % 2 == 0,
            sort_order=n,
        )
    return clinic["contact"].url, labels


def build_referral(clinic, size):
    """A referral form with ``size`` fields of every kind, its own included."""
    page = ReferralPageFactory(parent=clinic["home"])
    types = itertools.cycle([*FIELD_TYPES, ("registration", ""), ("document", "")])
    labels = []
    for n in range(size):
        field_type, choices = next(types)
        labels.append(f"Question {n:02d}")
        ReferralFormFieldFactory(
            page=page,
            label=labels[-1],
            field_type=field_type,
            choices=choices,
            sort_order=n,
        )
    return page.url, labels


def build_search(clinic, size):
    """``size`` pages of three kinds that match the search word."""
    kinds = itertools.cycle(
        [
            (TechniquePageFactory, clinic["techniques"]),
            (ConditionPageFactory, clinic["conditions"]),
            (StandardPageFactory, clinic["home"]),
        ]
    )
    for n in range(size):
        factory, parent = next(kinds)
        factory(parent=parent, title=f"{SEARCH_WORD.title()} {n:02d}")
    # The first page of results shows ten of them.
    shown = min(size, 10)
    return f"/search/?q={SEARCH_WORD}", [f"{size} result"] + [
        'class="search-result__title"><a href="/'
    ] * shown


BUILDERS = {
    "home": build_home,
    "standard": build_standard,
    "technique_index": build_technique_index,
    "technique": build_technique,
    "condition_index": build_condition_index,
    "condition": build_condition,
    "team": build_team,
    "contact": build_contact,
    "referral": build_referral,
    "search": build_search,
    "location_index": build_location_index,
    "location": build_location,
}


def clear_caches():
    """Empty every cache: what a page cache holds, and the image renditions
    kept there. Only Wagtail's site root paths, filled once per process and
    cleared only when a site changes, are put back."""
    for cache in caches.all():
        cache.clear()
    Site.get_site_root_paths()


def forget_renditions():
    """Drop the image renditions kept in the cache: a running site reads them
    from the database whenever its cache has evicted them."""
    for rendition in get_image_model().get_rendition_model().objects.all():
        rendition.purge_from_cache()


@pytest.mark.parametrize("state", list(MAX_QUERIES))
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page_type", list(BUILDERS))
def test_page_queries_do_not_grow_with_linked_items(
    client, clinic, page_type, size, state, django_assert_max_num_queries
):
    url, texts = BUILDERS[page_type](clinic, size)
    # Nothing cached by earlier tests (whose rows are rolled back) may stand in
    # for this view's own work.
    clear_caches()
    assert client.get(url).status_code == 200  # makes renditions, fills caches
    if state == "cold":
        clear_caches()
    else:
        forget_renditions()

    with django_assert_max_num_queries(MAX_QUERIES[state][page_type]):
        response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in set(texts):
        assert html.count(text) >= texts.count(text), text
