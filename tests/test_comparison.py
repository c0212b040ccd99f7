"""A reviewer's comparison shows what changed, and only that.

* Every demo page, opened in the admin and saved untouched, compares equal
  with its live version (the demo content is stored in the editor's shape).
* Moving or adding a page's conditions, leaflets or featured items shows.
* After autosave, "Compare with previous version" on the newest edit is not
  empty.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.admin_forms import untouched_form_data

pytestmark = pytest.mark.django_db


def compare_with_live(client, page):
    page.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, "live", page.latest_revision_id],
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.context["comparison"]


def save_in_editor(client, page, data, **extra):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **extra
    )
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200 and response["Content-Type"].startswith("text"):
        form = response.context["form"]
        pytest.fail(f"{page.title}: {form.errors.as_data()}")
    return response


def test_every_demo_page_saved_untouched_compares_equal(
    admin_client, admin_user, demo_site
):
    pages = Page.objects.filter(depth__gt=1).specific()
    assert len(pages) > 15
    for page in pages:
        save_in_editor(admin_client, page, untouched_form_data(page, admin_user))
        changed = [str(c.field_label()) for c in compare_with_live(admin_client, page)]
        assert changed == [], f"{page.title}: {changed}"


@pytest.fixture
def technique(demo_site):
    from techniques.models import TechniquePage

    return TechniquePage.objects.get(slug="spinal-cord-stimulation")


def reordered(data, prefix):
    """Form data with the first two items of an inline panel swapped."""
    data = dict(data)
    first, second = data[f"{prefix}-0-ORDER"], data[f"{prefix}-1-ORDER"]
    data[f"{prefix}-0-ORDER"], data[f"{prefix}-1-ORDER"] = second, first
    return data


def with_a_second_leaflet(technique):
    """The demo technique, live with a second leaflet (another's document)."""
    from techniques.models import TechniqueLeaflet

    other = TechniqueLeaflet.objects.exclude(page=technique).first()
    TechniqueLeaflet.objects.create(
        page=technique, document=other.document, sort_order=1
    )
    technique = type(technique).objects.get(pk=technique.pk)
    technique.save_revision().publish()
    return technique


@pytest.mark.parametrize(
    ("relation", "label"),
    [
        ("condition_links", "Conditions this technique treats"),
        ("leaflets", "Patient leaflets"),
        ("featured_techniques", "Featured techniques"),
    ],
)
def test_a_new_order_shows_in_the_comparison(
    admin_client, admin_user, technique, relation, label
):
    page = technique
    if relation == "leaflets":
        page = with_a_second_leaflet(technique)
    elif relation == "featured_techniques":
        page = technique.get_parent().get_parent().specific  # the home page
    assert getattr(page, relation).count() >= 2
    data = reordered(untouched_form_data(page, admin_user), relation)
    save_in_editor(admin_client, page, data)

    comparison = compare_with_live(admin_client, page)

    assert [str(c.field_label()) for c in comparison] == [label]
    moves = [c.get_position_change() for c in comparison[0].get_child_comparisons()]
    assert sorted(move for move in moves if move) == [-1, 1]


def test_an_added_condition_shows_in_the_comparison(
    admin_client, admin_user, technique
):
    from techniques.models import ConditionPage

    chosen = {link.condition_id for link in technique.condition_links.all()}
    new = ConditionPage.objects.exclude(pk__in=chosen).first()
    data = untouched_form_data(technique, admin_user)
    count = int(data["condition_links-TOTAL_FORMS"])
    data.update(
        {
            "condition_links-TOTAL_FORMS": count + 1,
            f"condition_links-{count}-condition": new.pk,
            f"condition_links-{count}-ORDER": count + 1,
            f"condition_links-{count}-DELETE": "",
            f"condition_links-{count}-id": "",
        }
    )
    save_in_editor(admin_client, technique, data)

    comparison = compare_with_live(admin_client, technique)

    assert [str(c.field_label()) for c in comparison] == [
        "Conditions this technique treats"
    ]
    added = [c for c in comparison[0].get_child_comparisons() if c.is_addition()]
    assert [c.obj_b.condition_id for c in added] == [new.pk]


def test_after_autosave_compare_with_previous_shows_the_change(
    admin_client, admin_user, technique
):
    summary = "A small device eases long-term nerve pain."
    data = untouched_form_data(technique, admin_user, summary=summary)
    # Wagtail's autosave: the same form, posted for a JSON answer.
    autosave = save_in_editor(
        admin_client, technique, data, HTTP_ACCEPT="application/json"
    )
    assert autosave.json()["success"]
    # Then the editor publishes without typing anything more.
    save_in_editor(admin_client, technique, {**data, "action-publish": "publish"})
    technique.refresh_from_db()
    assert technique.live_revision_id == autosave.json()["revision_id"]

    history = admin_client.get(
        reverse("wagtailadmin_pages:history", args=[technique.pk])
    ).content.decode()
    compare_urls = re.findall(
        r'href="([^"]+/revisions/compare/\d+\.\.\.\d+/)"', history
    )
    assert compare_urls, "the history offers a comparison"
    newest = admin_client.get(compare_urls[0])
    assert [str(c.field_label()) for c in newest.context["comparison"]] == ["Summary"]
