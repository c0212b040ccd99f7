"""Contact and appointment forms, built on Wagtail's form builder.

Staff add, remove, relabel and reorder the fields in the admin; every
submission is stored as a Wagtail ``FormSubmission`` and listed in the
admin's Forms section, with CSV export.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage


class ContactFormField(AbstractFormField):
    """One field of a contact page's form, as staff set it up."""

    page = ParentalKey(
        "ContactPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class ContactPage(BasePage, AbstractEmailForm):
    """'Ask a question or book an appointment': a form staff edit in the admin."""

    intro = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Shown above the form: what the form is for and how soon the "
        "clinic replies.",
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Shown after a visitor sends the form: what happens next.",
    )

    summary_field_name = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form field", heading="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text="Address notifications are sent from.",
                        ),
                        FieldPanel(
                            "to_address",
                            help_text="Who is told of a new submission; "
                            "separate several addresses with commas.",
                        ),
                    ]
                ),
                FieldPanel("subject", help_text="Subject of the notification."),
            ],
            heading="Notification email",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]
