from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    """Referrals from clinicians: the "Refer a patient" form page, built on
    the contact form's machinery and stored as enquiries with their letter."""

    name = "referrals"
    verbose_name = "Referrals"
