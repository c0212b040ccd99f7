"""Where each page type may live: the rules editors meet in 'Add child page'."""

from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from contact.models import ContactPage
from home.models import HomePage, StandardPage
from locations.models import LocationIndexPage, LocationPage
from referrals.models import ReferralPage
from techniques.models import (
    ConditionIndexPage,
    ConditionPage,
    SpecialistIndexPage,
    TechniqueIndexPage,
    TechniquePage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                TechniqueIndexPage,
                ConditionIndexPage,
                ContactPage,
                ReferralPage,
                StandardPage,
                SpecialistIndexPage,
                LocationIndexPage,
            },
        )

    def test_the_referral_page_lives_under_home_or_a_text_page(self):
        # e.g. under "For referring clinicians".
        self.assertAllowedParentPageTypes(ReferralPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(ReferralPage, set())

    def test_locations_live_under_the_one_locations_section(self):
        self.assertAllowedParentPageTypes(LocationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LocationIndexPage, {LocationPage})
        self.assertAllowedParentPageTypes(LocationPage, {LocationIndexPage})
        self.assertAllowedSubpageTypes(LocationPage, set())
        self.assertEqual(LocationIndexPage.max_count, 1)

    def test_techniques_live_under_the_technique_index(self):
        self.assertAllowedParentPageTypes(TechniqueIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TechniqueIndexPage, {TechniquePage})
        self.assertAllowedParentPageTypes(TechniquePage, {TechniqueIndexPage})
        self.assertAllowedSubpageTypes(TechniquePage, set())

    def test_conditions_live_under_the_condition_index(self):
        self.assertAllowedParentPageTypes(ConditionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConditionIndexPage, {ConditionPage})
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedSubpageTypes(ConditionPage, set())

    def test_contact_pages_live_under_home_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_general_pages_nest_under_home(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(TechniqueIndexPage, StandardPage)

    def test_clinical_pages_cannot_be_created_in_the_wrong_section(self):
        self.assertCanNotCreateAt(HomePage, TechniquePage)
        self.assertCanNotCreateAt(HomePage, ConditionPage)
        self.assertCanNotCreateAt(ConditionIndexPage, TechniquePage)
        self.assertCanNotCreateAt(TechniqueIndexPage, ConditionPage)


class SingletonAndAdminCreationTests(WagtailPageTestCase):
    """Against a real tree: singletons refuse a twin, editors can add pages."""

    @classmethod
    def setUpTestData(cls):
        from home.factories import HomePageFactory
        from techniques.factories import (
            ConditionIndexPageFactory,
            TechniqueIndexPageFactory,
        )

        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, slug="clinic-home")
        cls.techniques = TechniqueIndexPageFactory(parent=cls.home)
        cls.conditions = ConditionIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_there_is_one_home_page_and_one_of_each_index(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root))
        self.assertFalse(TechniqueIndexPage.can_create_at(self.home))
        self.assertFalse(ConditionIndexPage.can_create_at(self.home))

    def new_technique_form_data(self):
        return nested_form_data(
            {
                "title": "Dorsal root ganglion stimulation",
                "slug": "drg-stimulation",
                "summary": "Spinal stimulation aimed at one nerve root.",
                "modality": "electrical",
                "delivery": "implanted",
                "what_it_is": rich_text("<p>A small implanted device.</p>"),
                "faqs": streamfield([]),
                "condition_links": inline_formset([]),
                "leaflets": inline_formset([]),
            }
        )

    def test_an_editor_can_create_a_technique_with_the_admin_form(self):
        self.assertCanCreate(
            self.techniques, TechniquePage, self.new_technique_form_data()
        )

    def test_an_editor_can_preview_a_technique_before_first_saving_it(self):
        preview_url = (
            f"/admin/pages/add/techniques/techniquepage/{self.techniques.pk}/preview/"
        )
        posted = self.client.post(preview_url, self.new_technique_form_data())
        self.assertEqual(posted.json()["is_valid"], True)
        preview = self.client.get(preview_url, {"mode": ""})
        self.assertContains(preview, "Dorsal root ganglion stimulation")
        self.assertContains(preview, "A small implanted device.")

    def test_an_editor_can_preview_a_condition_before_first_saving_it(self):
        preview_url = (
            f"/admin/pages/add/techniques/conditionpage/{self.conditions.pk}/preview/"
        )
        form_data = nested_form_data(
            {
                "title": "Cluster headache",
                "slug": "cluster-headache",
                "summary": "Severe one-sided headaches that come in bouts.",
                "symptoms": rich_text("<p>Severe pain around one eye.</p>"),
            }
        )
        self.assertEqual(
            self.client.post(preview_url, form_data).json()["is_valid"], True
        )
        self.assertContains(
            self.client.get(preview_url, {"mode": ""}), "Severe pain around one eye."
        )

    def test_an_editor_can_create_a_condition_with_the_admin_form(self):
        self.assertCanCreate(
            self.conditions,
            ConditionPage,
            nested_form_data(
                {
                    "title": "Cluster headache",
                    "slug": "cluster-headache",
                    "summary": "Severe one-sided headaches that come in bouts.",
                    "symptoms": rich_text("<p>Severe pain around one eye.</p>"),
                }
            ),
        )

    def test_an_image_without_alt_text_is_refused(self):
        from wagtail_factories import ImageFactory

        page = TechniquePage(
            title="Test",
            slug="test",
            summary="Summary",
            modality="electrical",
            delivery="implanted",
            image=ImageFactory(),
        )
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        self.assertIn("image_alt", raised.exception.message_dict)
