"""Demo content for the home page, the contact page and the clinic's details."""

CLINIC_DETAILS = {
    "clinic_name": "Neuromodulation and Pain Clinic",
    "phone": "020 7946 0000",
    "email": "enquiries@clinic.example",
    "address": "Sample Clinic Building\n1 Example Street\nLondon\nEX1 2MP",
    "opening_hours": "Monday to Friday: 8:30 to 17:30\nSaturday and Sunday: closed",
    "emergency_message": (
        "<p>This website is not for emergencies. <b>In an emergency call 999</b>, "
        "or 111 for urgent advice.</p>"
    ),
}

HOME = {
    "title": "Home",
    "hero_heading": "Specialist care for chronic pain and disorders of the "
    "nervous system",
    "hero_intro": (
        "We offer neuromodulation: treatments that act directly on the nerves "
        "to ease chronic pain and the symptoms of Parkinson's disease, tremor, "
        "epilepsy, depression and OCD."
    ),
    "featured_techniques": [
        "spinal-cord-stimulation",
        "deep-brain-stimulation",
        "transcranial-magnetic-stimulation",
    ],
    "featured_conditions": [
        "chronic-neuropathic-pain",
        "parkinsons-disease",
        "essential-tremor",
        "major-depressive-disorder",
    ],
    "overview": [
        (
            "paragraph",
            "<p>Neuromodulation is technology that acts directly on the nerves "
            "or the nervous system. It changes how nerves send signals: it can "
            "calm activity that is causing symptoms, or boost activity that is "
            "too weak.</p>",
        ),
        (
            "paragraph",
            "<p>Some treatments use small electrical pulses, from a device "
            "placed under the skin or held against the head. Others use "
            "magnetic fields, focused sound waves, or tiny doses of medicine "
            "delivered straight to the fluid around the spinal cord.</p>",
        ),
        (
            "paragraph",
            "<p>Relief of chronic pain is its most common use. It can also help "
            "some people with Parkinson's disease, tremor, epilepsy, depression "
            "and obsessive-compulsive disorder when other treatments have not "
            "helped enough.</p>",
        ),
        (
            "paragraph",
            "<p>Every person is different. Whether a treatment is right for you "
            "is decided together with a specialist, after a careful assessment "
            "of your condition, your health and what matters to you.</p>",
        ),
    ],
}

TECHNIQUE_INDEX = {
    "title": "Treatments",
    "slug": "treatments",
    "intro": (
        "The treatments we offer, grouped by how they act on the nervous "
        "system. Each page explains what happens, who it may help, and its "
        "benefits and risks."
    ),
}

CONDITION_INDEX = {
    "title": "Conditions",
    "slug": "conditions",
    "intro": (
        "The conditions we treat, from A to Z, with the treatments that may "
        "help each one."
    ),
}

ABOUT = {
    "title": "About the clinic",
    "slug": "about",
    "summary": (
        "A specialist team for neuromodulation and pain management: who we "
        "are, how referral works and what to expect at your first visit."
    ),
    "body": [
        ("heading", {"text": "Who we are", "level": "h2"}),
        (
            "paragraph",
            "<p>We are a team of pain specialists, neurosurgeons, neurologists, "
            "psychiatrists, specialist nurses and physiotherapists. We work "
            "together to assess each person and plan care around them.</p>",
        ),
        ("heading", {"text": "For referring clinicians", "level": "h2"}),
        (
            "paragraph",
            "<p>We accept referrals from GPs and hospital specialists for adults "
            "whose pain or neurological symptoms have not responded well enough "
            "to standard treatment. Please include the diagnosis, treatments "
            "tried so far and relevant scans or letters.</p>",
        ),
        ("heading", {"text": "Your first appointment", "level": "h2"}),
        (
            "paragraph",
            "<p>Your first visit is a conversation. We will ask about your "
            "symptoms, your treatment so far and your goals, and examine you. "
            "You are welcome to bring someone with you.</p>",
        ),
    ],
}

CONTACT = {
    "title": "Ask a question or book an appointment",
    "slug": "contact",
    "intro": (
        "<p>Use this form to ask us a question or to ask for an appointment. "
        "We reply within two working days.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you. We have received your message and will reply within "
        "two working days.</p>"
    ),
    "subject": "New enquiry from the website",
    # (label, field_type, required, choices, help_text)
    "fields": [
        ("Your name", "singleline", True, "", ""),
        ("Email address", "email", True, "", "We will reply to this address."),
        (
            "Phone number",
            "singleline",
            False,
            "",
            "Give a number if you would like us to call you.",
        ),
        (
            "Reason for contacting us",
            "radio",
            True,
            "Ask a question\nBook an appointment",
            "",
        ),
        (
            "Your message",
            "multiline",
            True,
            "",
            "Tell us briefly how we can help.",
        ),
    ],
}
