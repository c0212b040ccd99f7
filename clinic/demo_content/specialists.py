"""Demo content: the team page and a few sample specialist profiles.

Every profile is made up and marked ``is_sample``, so the site shows it as a
"Sample profile" until the clinic replaces it with its real team.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from home.pdf import pdf_bytes
from techniques.models import Specialist, SpecialistIndexPage, TechniqueLeaflet

from .leaflets import LEAFLETS

TEAM_PAGE = {
    "title": "Our team",
    "slug": "our-team",
    "intro": (
        "The specialists who assess, treat and follow up patients at the "
        "clinic. The profiles below are samples, shown until the clinic adds "
        "its own team."
    ),
}

# "reviews": the demo pages (by slug) this specialist has clinically reviewed,
# with how many days ago, so the review report has something to show.
SPECIALISTS = [
    {
        "name": "Dr Amina Okafor",
        "role": "Consultant neurosurgeon",
        "credentials": "MB BS, FRCS (SN)",
        "specialty": "neurosurgery",
        "biography": (
            "Dr Okafor implants spinal cord, deep brain and peripheral nerve "
            "stimulators, and leads the clinic's surgical team. She explains "
            "each step of the operation before you decide."
        ),
        "techniques": [
            "spinal-cord-stimulation",
            "deep-brain-stimulation",
            "peripheral-nerve-stimulation",
            "intrathecal-drug-delivery",
        ],
        "reviews": {
            "spinal-cord-stimulation": 40,
            "deep-brain-stimulation": 350,
            "failed-back-surgery-syndrome": 90,
        },
    },
    {
        "name": "Dr Tomasz Nowak",
        "role": "Consultant neurologist",
        "credentials": "MD, FRCP",
        "specialty": "neurology",
        "biography": (
            "Dr Nowak looks after people with Parkinson's disease, tremor and "
            "epilepsy, and decides with them whether a device or focused "
            "ultrasound could help."
        ),
        "techniques": ["deep-brain-stimulation", "focused-ultrasound"],
        "reviews": {
            "focused-ultrasound": 120,
            "parkinsons-disease": 200,
            "essential-tremor": 380,
            "epilepsy": 60,
        },
    },
    {
        "name": "Dr Priya Raman",
        "role": "Consultant in pain medicine",
        "credentials": "MB BS, FRCA, FFPMRCA",
        "specialty": "pain_medicine",
        "biography": (
            "Dr Raman assesses people with long-term nerve pain and runs the "
            "trial stage of spinal cord and peripheral nerve stimulation."
        ),
        "techniques": [
            "spinal-cord-stimulation",
            "peripheral-nerve-stimulation",
            "intrathecal-drug-delivery",
        ],
        "reviews": {
            "peripheral-nerve-stimulation": 30,
            "intrathecal-drug-delivery": 345,
            "chronic-neuropathic-pain": 15,
        },
    },
    {
        "name": "Dr Samuel Mensah",
        "role": "Consultant psychiatrist",
        "credentials": "MB ChB, MRCPsych",
        "specialty": "psychiatry",
        "biography": (
            "Dr Mensah leads the clinic's TMS service for depression and "
            "assesses people with obsessive-compulsive disorder."
        ),
        "techniques": ["transcranial-magnetic-stimulation", "deep-brain-stimulation"],
        "reviews": {
            "transcranial-magnetic-stimulation": 10,
            "major-depressive-disorder": 100,
        },
    },
    {
        "name": "Grace Whitfield",
        "role": "Neuromodulation clinical nurse specialist",
        "credentials": "RN, MSc",
        "specialty": "specialist_nursing",
        "biography": (
            "Grace is your contact between appointments: she programmes "
            "stimulators, refills drug pumps and answers questions about "
            "living with a device."
        ),
        "techniques": [
            "spinal-cord-stimulation",
            "deep-brain-stimulation",
            "intrathecal-drug-delivery",
        ],
        "reviews": {},
    },
]


def load_team(add_page, home, techniques, conditions):
    """Create the team page and sample specialists once; record demo reviews.

    ``add_page(parent, page_class, slug, build)`` is the demo command's own
    get-or-create for pages. Specialists are matched by name, so a second
    run (or an edited profile) is left alone; a demo review is recorded only
    on a page that has never been reviewed.
    """
    add_page(
        home,
        SpecialistIndexPage,
        TEAM_PAGE["slug"],
        lambda: SpecialistIndexPage(show_in_menus=True, **TEAM_PAGE),
    )
    pages = {**techniques, **conditions}
    today = timezone.localdate()
    for data in SPECIALISTS:
        fields = {k: v for k, v in data.items() if k not in ("techniques", "reviews")}
        specialist, created = Specialist.objects.get_or_create(
            name=data["name"], defaults={**fields, "is_sample": True}
        )
        if created:
            specialist.techniques.set(techniques[slug] for slug in data["techniques"])
        for slug, days_ago in data["reviews"].items():
            page = pages[slug]
            if page.last_reviewed is None:
                # Written straight to the row, as a recorded review is; see
                # techniques.signoff.record_clinical_review.
                type(page).objects.filter(pk=page.pk).update(
                    last_reviewed=today - datetime.timedelta(days=days_ago),
                    reviewed_by=specialist,
                )
                page.refresh_from_db(fields=["last_reviewed", "reviewed_by"])


def leaflets_for(technique_slug):
    """New ``TechniqueLeaflet`` rows (with their PDFs) for a demo technique."""
    rows = []
    for order, (slug, title, lines) in enumerate(
        entry for entry in LEAFLETS if entry[0] == technique_slug
    ):
        document = Document.objects.filter(title=title).first()
        if document is None:
            data = pdf_bytes(title, lines)
            document = Document(title=title, file_size=len(data))
            document.file.save(f"{slug}.pdf", ContentFile(data), save=False)
            document.save()
        rows.append(TechniqueLeaflet(document=document, sort_order=order))
    return rows
