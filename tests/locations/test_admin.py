"""Staff add a location and its hours in the admin; rows that contradict
each other are refused with a message at the row, and nothing is saved."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def form_data(hours=(), exceptions=(), **fields):
    return nested_form_data(
        {
            "title": "Plymouth clinic",
            "slug": "plymouth",
            "summary": "Outpatient appointments in Plymouth.",
            "street_address": "2 Harbour Road",
            "town": "Plymouth",
            "postcode": "PL1 1AA",
            "phone": "",
            "email": "",
            "directions": "",
            "parking": "",
            "step_free_access": "",
            "map_alt": "",
            "opening_hours": inline_formset(list(hours)),
            "hours_exceptions": inline_formset(list(exceptions)),
            "treatment_links": inline_formset([]),
            **fields,
        }
    )


def hours_row(first, last="", opens="08:30", closes="17:30", closed=False):
    row = {"first_day": first, "last_day": last, "opens": opens, "closes": closes}
    if closed:
        row["closed"] = "on"
    return row


def add(admin_client, location_index, data, publish=True):
    url = f"/admin/pages/add/locations/locationpage/{location_index.pk}/"
    if publish:
        data["action-publish"] = "action-publish"
    return admin_client.post(url, data)


def row_errors(response, formset):
    form = response.context["form"]
    return [f.errors for f in form.formsets[formset].forms]


def test_staff_add_a_location_with_a_week_and_a_bank_holiday(
    admin_client, location_index
):
    response = add(
        admin_client,
        location_index,
        form_data(
            hours=[
                hours_row(0, 4),
                hours_row(5, opens="09:00", closes="13:00"),
                hours_row(6, opens="", closes="", closed=True),
            ],
            exceptions=[
                {
                    "start_date": "2026-12-25",
                    "end_date": "2026-12-28",
                    "reason": "Christmas bank holidays",
                    "closed": "on",
                    "opens": "",
                    "closes": "",
                }
            ],
        ),
    )
    assert response.status_code == 302
    page = LocationPage.objects.get(slug="plymouth")
    assert page.live
    assert [row.days for row in page.opening_hours.all()] == [[0, 1, 2, 3, 4], [5], [6]]
    assert page.hours_exceptions.get().reason == "Christmas bank holidays"


@pytest.mark.parametrize(
    "row, field, message",
    [
        (hours_row(0, 4, opens="", closes=""), "opens", "Give the opening time"),
        (hours_row(0, 4, closes="08:00"), "closes", "closing time after the opening"),
        (hours_row(4, 0), "last_day", "in week order"),
        (hours_row(6, closed=True), "opens", "Leave the times empty"),
    ],
)
def test_a_row_that_cannot_be_right_is_refused_at_its_field(
    admin_client, location_index, row, field, message
):
    response = add(admin_client, location_index, form_data(hours=[row]))
    assert response.status_code == 200
    assert message in " ".join(row_errors(response, "opening_hours")[0][field])
    assert not LocationPage.objects.filter(slug="plymouth").exists()


@pytest.mark.parametrize(
    "second",
    [
        hours_row(2, opens="12:00", closes="19:00"),  # overlaps Wednesday
        hours_row(3, closed=True, opens="", closes=""),  # open and closed
    ],
)
def test_two_rows_that_say_different_things_about_a_day_are_refused(
    admin_client, location_index, second
):
    response = add(
        admin_client, location_index, form_data(hours=[hours_row(0, 4), second])
    )
    assert response.status_code == 200
    errors = row_errors(response, "opening_hours")[1]["first_day"]
    assert "already covered by a row above" in errors[0]
    assert not LocationPage.objects.filter(slug="plymouth").exists()


def test_a_lunch_break_is_two_rows_that_do_not_overlap(admin_client, location_index):
    response = add(
        admin_client,
        location_index,
        form_data(
            hours=[
                hours_row(0, 4, closes="12:30"),
                hours_row(0, 4, opens="13:30", closes="17:00"),
            ]
        ),
    )
    assert response.status_code == 302


def test_overlapping_changes_to_the_hours_are_refused(admin_client, location_index):
    closure = {
        "start_date": "2026-12-24",
        "end_date": "2026-12-28",
        "reason": "Christmas closure",
        "closed": "on",
        "opens": "",
        "closes": "",
    }
    special = {
        "start_date": "2026-12-27",
        "end_date": "",
        "reason": "Open for urgent reviews",
        "opens": "10:00",
        "closes": "12:00",
    }
    response = add(
        admin_client, location_index, form_data(exceptions=[closure, special])
    )
    assert response.status_code == 200
    errors = row_errors(response, "hours_exceptions")[1]["start_date"]
    assert (
        "overlap 'Christmas closure' (24 December 2026 to 28 December 2026)"
        in (errors[0])
    )


def test_special_hours_need_times_and_an_end_after_the_start(
    admin_client, location_index
):
    bad = {
        "start_date": "2026-12-27",
        "end_date": "2026-12-20",
        "reason": "Late clinic",
        "opens": "",
        "closes": "",
    }
    response = add(admin_client, location_index, form_data(exceptions=[bad]))
    errors = row_errors(response, "hours_exceptions")[0]
    assert "Give the opening time" in errors["opens"][0]
    assert "on or after the first date" in errors["end_date"][0]


def test_two_locations_cannot_share_a_name(admin_client, location_index, exeter):
    response = add(
        admin_client, location_index, form_data(title="exeter clinic", slug="ex2")
    )
    assert response.status_code == 200
    assert "Another location already has this name" in str(
        response.context["form"].errors["title"]
    )


def test_a_map_needs_a_description(admin_client, location_index):
    from wagtail_factories import ImageFactory

    response = add(
        admin_client,
        location_index,
        form_data(map_image=ImageFactory().pk, map_alt=""),
    )
    assert response.status_code == 200
    assert "Describe the map" in str(response.context["form"].errors["map_alt"])


def test_staff_can_preview_a_new_location_before_saving_it(
    admin_client, home_page, location_index
):
    from techniques.factories import TechniquePageFactory

    technique = TechniquePageFactory(parent=home_page, title="Nerve stimulation")
    url = f"/admin/pages/add/locations/locationpage/{location_index.pk}/preview/"
    data = form_data(hours=[hours_row(0, 6, opens="07:00", closes="19:00")])
    data.update(
        nested_form_data(
            {"treatment_links": inline_formset([{"technique": technique.pk}])}
        )
    )
    assert admin_client.post(url, data).json()["is_valid"] is True
    preview = admin_client.get(url, {"mode": ""}).content.decode()
    assert "Plymouth clinic" in preview
    assert "open 7:00 to 19:00" in preview
    assert "Nerve stimulation" in preview
