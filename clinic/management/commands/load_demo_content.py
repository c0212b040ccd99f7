"""Build the whole demo site from the clinic's own material.

Idempotent: a page, setting or form field that already exists is left as it
is (so editors' changes survive), and a second run changes nothing.
"""

import json

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images.models import Image
from wagtail.models import Page, Site

from clinic.demo_content import locations as demo_locations
from clinic.demo_content import site as demo
from clinic.demo_content.conditions import CONDITIONS
from clinic.demo_content.editor_shape import as_the_editor_saves
from clinic.demo_content.specialists import leaflets_for, load_team
from clinic.demo_content.techniques import TECHNIQUES
from contact.models import ContactFormField, ContactPage
from home.models import (
    ClinicSettings,
    FeaturedCondition,
    FeaturedTechnique,
    HomePage,
    StandardPage,
)
from locations.models import (
    HoursException,
    LocationIndexPage,
    LocationPage,
    LocationTreatment,
    OpeningHours,
)
from referrals.models import ReferralFormField, ReferralPage
from techniques.models import (
    ConditionIndexPage,
    ConditionPage,
    TechniqueCondition,
    TechniqueIndexPage,
    TechniquePage,
)


def stream(blocks):
    """StreamField raw data from (block type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


class Command(BaseCommand):
    help = "Create the demo clinic site (pages, form, clinic details) if missing."

    def handle(self, *args, **options):
        self.created = 0
        with transaction.atomic():
            home = self.home_page()
            self.site(home)
            self.clinic_details()
            conditions = self.conditions(home)
            techniques = self.techniques(home, conditions)
            for data in (demo.ABOUT, demo.REFERRERS):
                section = self.child(
                    home, StandardPage, data["slug"], lambda d=data: self.standard(d)
                )
            self.referral_page(section)
            load_team(self.child, home, techniques, conditions)
            self.locations(home, techniques)
            contact = self.contact_page(home)
            self.feature_on_home(home, techniques, conditions, contact)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} pages created).")
        )

    # Pages -----------------------------------------------------------------

    def publish_new(self, parent, page):
        # Stored as the editor would save it, so that opening and saving the
        # page untouched changes nothing (clinic/demo_content/editor_shape.py).
        parent.add_child(instance=as_the_editor_saves(page))
        page.save_revision().publish()
        self.created += 1
        return page

    def child(self, parent, page_class, slug, build):
        """The child of ``parent`` with ``slug``, created by ``build()`` if missing."""
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        return self.publish_new(parent, build())

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # A new Wagtail database has a placeholder "Welcome" page at /home/;
        # it holds nothing, and the real home page takes its place.
        for placeholder in root.get_children().filter(
            slug="home", content_type__model="page", numchild=0
        ):
            placeholder.delete()
        return self.publish_new(
            root,
            HomePage(
                title=demo.HOME["title"],
                slug="home",
                hero_heading=demo.HOME["hero_heading"],
                hero_intro=demo.HOME["hero_intro"],
                overview=stream(demo.HOME["overview"]),
            ),
        )

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=demo.CLINIC_DETAILS["clinic_name"],
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()

    def clinic_details(self):
        details = ClinicSettings.load()
        if not details.phone and not details.email:
            for field, value in demo.CLINIC_DETAILS.items():
                setattr(details, field, value)
            as_the_editor_saves(details).save()

    def conditions(self, home):
        index = self.child(
            home,
            ConditionIndexPage,
            demo.CONDITION_INDEX["slug"],
            lambda: ConditionIndexPage(show_in_menus=True, **demo.CONDITION_INDEX),
        )
        return {
            data["slug"]: self.child(
                index,
                ConditionPage,
                data["slug"],
                lambda data=data: ConditionPage(**data),
            )
            for data in CONDITIONS
        }

    def techniques(self, home, conditions):
        index = self.child(
            home,
            TechniqueIndexPage,
            demo.TECHNIQUE_INDEX["slug"],
            lambda: TechniqueIndexPage(show_in_menus=True, **demo.TECHNIQUE_INDEX),
        )
        return {
            data["slug"]: self.child(
                index,
                TechniquePage,
                data["slug"],
                lambda data=data: self.technique_page(data, conditions),
            )
            for data in TECHNIQUES
        }

    def technique_page(self, data, conditions):
        fields = {k: v for k, v in data.items() if k not in ("faqs", "conditions")}
        return TechniquePage(
            **fields,
            faqs=stream(
                ("question", {"question": question, "answer": answer})
                for question, answer in data["faqs"]
            ),
            condition_links=[
                TechniqueCondition(condition=conditions[slug], sort_order=order)
                for order, slug in enumerate(data["conditions"])
            ],
            leaflets=leaflets_for(data["slug"]),
        )

    def locations(self, home, techniques):
        index = self.child(
            home,
            LocationIndexPage,
            demo_locations.LOCATION_INDEX["slug"],
            lambda: LocationIndexPage(
                show_in_menus=True, **demo_locations.LOCATION_INDEX
            ),
        )
        for data in demo_locations.locations():
            self.child(
                index,
                LocationPage,
                data["slug"],
                lambda data=data: self.location_page(data, techniques),
            )

    def location_page(self, data, techniques):
        special = ("hours", "exceptions", "treatments", "map")
        fields = {k: v for k, v in data.items() if k not in special}
        page = LocationPage(
            **fields,
            opening_hours=[
                OpeningHours(sort_order=order, **row)
                for order, row in enumerate(data["hours"])
            ],
            hours_exceptions=[HoursException(**row) for row in data["exceptions"]],
            treatment_links=[
                LocationTreatment(technique=techniques[slug], sort_order=order)
                for order, slug in enumerate(data["treatments"])
            ],
        )
        if data["map"]:
            page.map_image = Image.objects.create(
                title=f"Map: {data['title']}", file=demo_locations.map_picture()
            )
            page.map_alt = demo_locations.MAP_ALT
        return page

    def standard(self, data):
        return StandardPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=stream(data["body"]),
            show_in_menus=True,
        )

    def contact_page(self, home):
        return self.child(
            home,
            ContactPage,
            demo.CONTACT["slug"],
            lambda: self.form_page(
                ContactPage,
                ContactFormField,
                demo.CONTACT,
                menu_title=demo.CONTACT["menu_title"],
                health_consent_text=demo.CONTACT["health_consent_text"],
                asks_about_health=demo.CONTACT["asks_about_health"],
                ask_question=demo.CONTACT["ask_question"],
            ),
        )

    def referral_page(self, referrers):
        """'Refer a patient', under 'For referring clinicians'."""
        return self.child(
            referrers,
            ReferralPage,
            demo.REFERRAL["slug"],
            lambda: self.form_page(ReferralPage, ReferralFormField, demo.REFERRAL),
        )

    def form_page(self, page_class, field_class, data, **extra):
        return page_class(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            thank_you_text=data["thank_you_text"],
            subject=data["subject"],
            to_address=data["to_address"],
            care_message=data["care_message"],
            show_in_menus=True,
            form_fields=[
                field_class(
                    label=label,
                    field_type=field_type,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                    sort_order=order,
                    is_reason=label == data["reason_field"],
                )
                for order, (label, field_type, required, choices, help_text) in (
                    enumerate(data["fields"])
                )
            ],
            **extra,
        )

    def feature_on_home(self, home, techniques, conditions, contact):
        """Fill the home page's featured lists and buttons once, if empty."""
        if home.featured_techniques.exists() or home.contact_page_id:
            return
        home.featured_techniques = [
            FeaturedTechnique(technique=techniques[slug], sort_order=order)
            for order, slug in enumerate(demo.HOME["featured_techniques"])
        ]
        home.featured_conditions = [
            FeaturedCondition(condition=conditions[slug], sort_order=order)
            for order, slug in enumerate(demo.HOME["featured_conditions"])
        ]
        home.contact_page = contact
        home.save_revision().publish()
