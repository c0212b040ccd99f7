"""Review dates: worked out from the interval, shown to patients, never moved by
an ordinary edit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from techniques.factories import SpecialistFactory
from techniques.models import ClinicalReviewSettings, TechniquePage, add_months
from techniques.signoff import record_clinical_review

MARCH_1 = datetime.date(2025, 3, 1)


def reviewed(page, on, by):
    type(page).objects.filter(pk=page.pk).update(last_reviewed=on, reviewed_by=by)
    page.refresh_from_db()
    return page


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2025, 3, 1), 12, datetime.date(2026, 3, 1)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2025, 11, 15), 3, datetime.date(2026, 2, 15)),
    ],
)
def test_months_are_calendar_months(start, months, expected):
    assert add_months(start, months) == expected


def test_next_review_is_due_one_site_interval_after_the_last(technique):
    reviewed(technique, MARCH_1, SpecialistFactory())
    assert technique.next_review_due == datetime.date(2026, 3, 1)

    settings = ClinicalReviewSettings.load()
    settings.review_interval_months = 6
    settings.save()
    assert TechniquePage.objects.get(pk=technique.pk).next_review_due == (
        datetime.date(2025, 9, 1)
    )


def test_a_page_may_shorten_the_interval_but_not_lengthen_it(technique):
    reviewed(technique, MARCH_1, SpecialistFactory())
    technique.review_interval_months = 3
    technique.full_clean()
    assert technique.next_review_due == datetime.date(2025, 6, 1)

    page = TechniquePage.objects.get(pk=technique.pk)
    page.review_interval_months = 24
    with pytest.raises(ValidationError) as refusal:
        page.full_clean()
    assert "only shorten" in str(refusal.value)
    # Even if a longer value got in (the site default was shortened after it
    # was saved), the shorter interval wins.
    assert page.next_review_due == datetime.date(2026, 3, 1)


def test_a_page_never_reviewed_has_no_next_review(technique):
    assert technique.last_reviewed is None
    assert technique.next_review_due is None


def test_technique_page_tells_patients_who_reviewed_it_and_when(client, technique):
    reviewer = SpecialistFactory(name="Dr Rita Patel", role="Consultant neurologist")
    reviewed(technique, MARCH_1, reviewer)
    html = client.get(technique.url).content.decode()
    assert "Page last reviewed: " in html
    assert '<time datetime="2025-03-01">1 March 2025</time>' in html
    assert "Dr Rita Patel, Consultant neurologist" in html
    assert 'Next review due: <time datetime="2026-03-01">1 March 2026</time>' in html
    # Near the end: after the content, before the call to action.
    assert html.index("Page last reviewed") > html.index("What it is")


def test_condition_page_shows_its_review_dates(client, condition):
    reviewed(condition, MARCH_1, SpecialistFactory(name="Dr Tom Nowak"))
    html = client.get(condition.url).content.decode()
    assert "Page last reviewed: " in html
    assert "Dr Tom Nowak" in html
    assert "1 March 2026" in html


def test_a_sample_reviewer_is_marked_as_such(client, technique):
    reviewed(technique, MARCH_1, SpecialistFactory(name="Dr Demo", is_sample=True))
    assert "Dr Demo, Consultant neurologist (sample profile)" in (
        client.get(technique.url).content.decode()
    )


def test_no_review_line_until_a_review_is_recorded(client, technique):
    assert "Page last reviewed" not in client.get(technique.url).content.decode()


def edit_form_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "modality": page.modality,
        "delivery": page.delivery,
        "what_it_is": '{"blocks": [{"key": "a", "type": "unstyled", "text": '
        '"Edited text.", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}],'
        ' "entityMap": {}}',
        "faqs-count": "0",
        "condition_links-TOTAL_FORMS": "0",
        "condition_links-INITIAL_FORMS": "0",
        "condition_links-MIN_NUM_FORMS": "0",
        "condition_links-MAX_NUM_FORMS": "1000",
        "leaflets-TOTAL_FORMS": "0",
        "leaflets-INITIAL_FORMS": "0",
        "leaflets-MIN_NUM_FORMS": "0",
        "leaflets-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_editing_and_publishing_does_not_move_the_review_dates(
    client, admin_user, technique
):
    """Even a form post that names the review fields cannot set them."""
    specialist = SpecialistFactory()
    reviewed(technique, MARCH_1, specialist)
    other = SpecialistFactory(name="Someone else")
    client.force_login(admin_user)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[technique.pk]),
        edit_form_data(
            technique,
            **{
                "action-publish": "publish",
                "last_reviewed": "2030-01-01",
                "reviewed_by": str(other.pk),
            },
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = TechniquePage.objects.get(pk=technique.pk)
    assert "Edited text." in page.what_it_is  # the edit was published...
    assert page.last_reviewed == MARCH_1  # ...the review was not touched
    assert page.reviewed_by == specialist


def test_publishing_an_older_revision_keeps_the_latest_review(technique, reviewer):
    old_revision = technique.save_revision()
    old_revision.publish()
    record_clinical_review(technique, reviewer)

    Revision.objects.get(pk=old_revision.pk).publish()

    page = TechniquePage.objects.get(pk=technique.pk)
    assert page.last_reviewed == timezone.localdate()
    assert page.reviewed_by.user == reviewer


def test_a_copied_page_has_not_been_reviewed(technique, clinical_sections):
    reviewed(technique, MARCH_1, SpecialistFactory())
    copy = technique.copy(update_attrs={"slug": "copy", "title": "Copy"})
    assert copy.specific.last_reviewed is None
    assert copy.specific.reviewed_by is None
