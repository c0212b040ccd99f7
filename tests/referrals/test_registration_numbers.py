"""Registration numbers: GMC, NMC and HCPC shapes, told apart by shape,
stored as "REGISTER NUMBER", and anything else refused with a message that
shows all three shapes."""

import pytest
from django.core.exceptions import ValidationError

from contact.registration import MESSAGE, RegistrationNumberField, parse
from enquiries.models import Enquiry


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1234567", "GMC 1234567"),
        (" 123 4567 ", "GMC 1234567"),
        ("GMC 1234567", "GMC 1234567"),
        ("gmc no. 1234567", "GMC 1234567"),
        ("12A3456E", "NMC 12A3456E"),
        ("12a3456e", "NMC 12A3456E"),
        ("NMC PIN: 12A3456E", "NMC 12A3456E"),
        ("PA12345", "HCPC PA12345"),
        ("ph 123456", "HCPC PH123456"),
        ("HCPC SL-12345", "HCPC SL12345"),
        ("PYL12345", "HCPC PYL12345"),  # practitioner psychologists
        ("ODP 123456", "HCPC ODP123456"),
    ],
)
def test_each_register_is_recognised_by_its_shape(typed, stored):
    assert RegistrationNumberField().clean(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "123456",  # GMC is 7 digits
        "12345678",
        "12A3456",  # NMC ends with a letter
        "1A23456E",
        "P12345",  # HCPC starts with 2 letters
        "PA1",
        "NMC 1234567",  # a GMC number said to be an NMC one
        "GMC PA12345",
        "GMC",
        "١٢٣٤٥٦٧",  # other scripts' digits are not GMC digits
        "1234567; DROP TABLE",
    ],
)
def test_other_shapes_are_refused_with_the_three_examples(typed):
    assert parse(typed) is None
    with pytest.raises(ValidationError) as refused:
        RegistrationNumberField().clean(typed)
    assert refused.value.messages == [str(MESSAGE)]
    assert "1234567" in MESSAGE and "12A3456E" in MESSAGE and "PA12345" in MESSAGE


def test_a_wrong_number_is_shown_at_the_field_with_everything_kept(send_referral):
    response = send_referral(registration_number="GMC 12345")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a GMC number (7 digits, like 1234567)" in html
    assert 'value="GMC 12345"' in html
    assert 'value="Riverside Surgery"' in html
    assert not Enquiry.objects.exists()


def test_the_stored_answer_names_the_register(send_referral):
    response = send_referral(registration_number="12a3456e")

    assert response.status_code == 302
    assert Enquiry.objects.get().form_data["registration_number"] == "NMC 12A3456E"
