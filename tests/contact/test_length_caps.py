"""Free text has a length cap the visitor can see: ``maxlength``, a hint tied
to the field, and a server check that keeps what they typed. (The forms API
describes and enforces the same caps: tests/api/test_forms_types.py.)"""

import re

from contact.fields import MULTI_LINE_MAX_LENGTH, SINGLE_LINE_MAX_LENGTH
from enquiries.models import Enquiry
from tests.contact.conftest import VALID

TOO_LONG = "This is longer than we can take. Please shorten it to"


def tag(html, name):
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


def test_the_caps_are_shown_and_tied_to_their_fields(visitor):
    visitor.open()
    html = visitor.html

    message = tag(html, "your_message")
    assert 'maxlength="5000"' in message
    assert 'aria-describedby="id_your_message-limit"' in message
    assert re.search(
        r'<p class="[^"]*" id="id_your_message-limit">Up to 5,000 characters</p>', html
    )
    # A single line is capped too, without a hint nobody's name comes near.
    name = tag(html, "your_name")
    assert 'maxlength="255"' in name
    assert "Up to 255 characters" not in html


def test_a_message_over_the_cap_is_refused_and_kept(visitor):
    visitor.open()
    long_message = "I have had back pain. " * 300  # 6,600 characters
    response = visitor.send({**VALID, "your_message": long_message})
    html = response.content.decode()

    assert response.status_code == 200
    assert Enquiry.objects.count() == 0
    assert re.search(rf'href="#id_your_message">Your message: {TOO_LONG} 5,000', html)
    assert long_message.strip() in html  # everything they typed is still there
    message = tag(html, "your_message")
    assert 'aria-describedby="id_your_message-limit id_your_message-error"' in message
    assert 'aria-invalid="true"' in message


def test_a_name_over_the_cap_is_refused(visitor):
    visitor.open()
    html = visitor.send({**VALID, "your_name": "A" * 256}).content.decode()
    assert Enquiry.objects.count() == 0
    assert f"{TOO_LONG} 255 characters" in html


def test_text_up_to_the_cap_is_stored(visitor):
    visitor.open()
    data = {
        **VALID,
        "your_name": "A" * SINGLE_LINE_MAX_LENGTH,
        "your_message": "x" * MULTI_LINE_MAX_LENGTH,
    }
    assert visitor.send(data).status_code == 302
    assert Enquiry.objects.count() == 1


def test_a_line_break_counts_as_one_character_as_in_the_browser(visitor):
    """Browsers post line breaks as CRLF but count them once for maxlength."""
    visitor.open()
    lines = "abcd\r\n" * 1000  # 6,000 characters posted, 5,000 as typed
    assert visitor.send({**VALID, "your_message": lines}).status_code == 302
    stored = Enquiry.objects.get().get_data()["your_message"]
    assert stored == ("abcd\n" * 1000).strip()
