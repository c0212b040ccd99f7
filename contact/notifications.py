"""The emails a submission can cause, built from the stored submission.

Neither the clinic's notification nor the visitor's confirmation carries
health details by default: the clinic's notification says which form and
when, with a link straight to the enquiry in the admin's inbox (where only
enquiry handlers can read it); the visitor's confirmation says only that the
message arrived. ``CONTACT_NOTIFICATION_INCLUDE_DETAILS = True`` adds the
answers to the clinic's notification, for clinics whose mail is fit for that.
The location notification (to the email of the location a visitor chose)
never holds them, whatever that setting says: a site's shared mailbox is
read by more people than the enquiry handlers.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from enquiries.display import readable
from enquiries.links import absolute, enquiry_url

from .location_field import chosen_locations

CLINIC = "clinic"
VISITOR = "visitor"
LOCATION = "location"
DEFAULT_SUBJECT = "New enquiry from the website"


def _from_address(page):
    return page.from_address or settings.DEFAULT_FROM_EMAIL


def _when(submission):
    return date_format(timezone.localtime(submission.submit_time), "j F Y, H:i")


def enquiry_admin_url(submission):
    """The enquiry's own page in the admin inbox."""
    return absolute(enquiry_url(submission))


def _details(page, submission):
    data = submission.get_data()
    return [
        (label, readable(data.get(name)))
        for name, label in page.get_data_fields()
        if name != "submit_time"
    ]


def clinic_notification(page, submission):
    """The email to ``page.to_address``, or None if the page names nobody."""
    recipients = _clinic_recipients(page)
    if not recipients:
        return None
    include_details = settings.CONTACT_NOTIFICATION_INCLUDE_DETAILS
    body = render_to_string(
        "contact/emails/clinic_notification.txt",
        {
            "page": page,
            "submission": submission,
            "when": _when(submission),
            "admin_url": enquiry_admin_url(submission),
            "details": _details(page, submission) if include_details else None,
        },
    )
    return EmailMessage(
        subject=page.subject or DEFAULT_SUBJECT,
        body=body,
        from_email=_from_address(page),
        to=recipients,
    )


def _clinic_recipients(page):
    return [a.strip() for a in page.to_address.split(",") if a.strip()]


def location_recipients(page, submission):
    """The emails of the locations the visitor chose, less any the clinic's
    own notification already goes to."""
    already = {address.lower() for address in _clinic_recipients(page)}
    recipients = []
    for location in chosen_locations(page, submission):
        if location.email and location.email.lower() not in already:
            already.add(location.email.lower())
            recipients.append(location.email)
    return recipients


def location_notification(page, submission):
    """The "enquiry for your location" email, or None if no chosen location
    has an email. Never what the visitor wrote: only the form, the time, the
    location and a link to the enquiry in the inbox."""
    recipients = location_recipients(page, submission)
    if not recipients:
        return None
    body = render_to_string(
        "contact/emails/location_notification.txt",
        {
            "page": page,
            "submission": submission,
            "when": _when(submission),
            "locations": chosen_locations(page, submission),
            "admin_url": enquiry_admin_url(submission),
        },
    )
    return EmailMessage(
        subject=f"{page.subject or DEFAULT_SUBJECT} (for your location)",
        body=body,
        from_email=_from_address(page),
        to=recipients,
    )


def visitor_confirmation(page, submission, clinic):
    """The visitor's "we have your message" email, or None if the page does
    not send one or the visitor gave no email address."""
    if not page.send_confirmation_email:
        return None
    address = page.visitor_email(submission)
    if not address:
        return None
    body = render_to_string(
        page.confirmation_template,
        {
            "page": page,
            "clinic": clinic,
            "when": _when(submission),
            "reference": submission.reference,
            "care_message": strip_tags(page.care_message_html(clinic)).strip(),
        },
    )
    return EmailMessage(
        subject=f"{page.confirmation_subject} - {clinic.clinic_name}",
        body=body,
        from_email=_from_address(page),
        to=[address],
    )


def build(kind, page, submission, clinic):
    if kind == CLINIC:
        return clinic_notification(page, submission)
    if kind == VISITOR:
        return visitor_confirmation(page, submission, clinic)
    if kind == LOCATION:
        return location_notification(page, submission)
    raise ValueError(f"Unknown email kind {kind!r}")
