"""Staff set up contact forms in the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contact.models import ContactPage


def add_contact_page(client, parent, **overrides):
    data = {
        "title": "Referrals",
        "slug": "referrals",
        "intro": rich_text("<p>For GPs.</p>"),
        "care_message": rich_text("<p>Not for emergencies.</p>"),
        "thank_you_text": rich_text("<p>Thanks.</p>"),
        "asks_about_health": True,
        "health_consent_text": "I agree.",
        "ask_question": True,
        "to_address": "referrals@clinic.invalid",
        "from_address": "",
        "subject": "New referral",
        "form_fields": inline_formset(
            [
                {"label": "Your name", "field_type": "singleline", "required": True},
                {"label": "Email address", "field_type": "email", "required": True},
            ]
        ),
        **overrides,
    }
    return client.post(
        f"/admin/pages/add/contact/contactpage/{parent.pk}/",
        nested_form_data(data),
    )


def test_staff_create_a_form_with_its_protections(superuser_client, home_page):
    response = add_contact_page(superuser_client, home_page)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContactPage.objects.get(slug="referrals")
    assert page.ask_question and page.asks_about_health
    assert [f.clean_name for f in page.form_fields.all()] == [
        "your_name",
        "email_address",
    ]


def test_a_field_label_that_clashes_with_a_built_in_field_is_refused(
    superuser_client, home_page
):
    response = add_contact_page(
        superuser_client,
        home_page,
        form_fields=inline_formset(
            [{"label": "Health consent", "field_type": "checkbox", "required": True}]
        ),
    )
    assert response.status_code == 200
    assert "kept for the form&#x27;s built-in fields" in response.content.decode()
    assert not ContactPage.objects.filter(slug="referrals").exists()


def test_every_new_field_has_help_text_for_editors():
    for name in (
        "care_message",
        "asks_about_health",
        "health_consent_text",
        "ask_question",
        "send_confirmation_email",
    ):
        assert ContactPage._meta.get_field(name).help_text, name


def test_staff_can_preview_the_form_and_the_thank_you_page(
    superuser_client, contact_page
):
    preview_url = f"/admin/pages/{contact_page.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": contact_page.title,
            "slug": contact_page.slug,
            "intro": rich_text("<p>Draft intro.</p>"),
            "care_message": rich_text("<p>Draft care message.</p>"),
            "thank_you_text": rich_text("<p>Draft thanks.</p>"),
            "asks_about_health": True,
            "health_consent_text": "Draft consent.",
            "ask_question": True,
            "to_address": "",
            "from_address": "",
            "subject": "",
            "form_fields": inline_formset(
                [{"label": "Your name", "field_type": "singleline", "required": True}]
            ),
        }
    )
    assert superuser_client.post(preview_url, data).json()["is_valid"]

    form = superuser_client.get(preview_url, {"mode": "form"}).content.decode()
    assert "Draft care message." in form
    assert "Draft consent." in form
    assert "What is" in form
    landing = superuser_client.get(preview_url, {"mode": "landing"}).content.decode()
    assert "Draft thanks." in landing
