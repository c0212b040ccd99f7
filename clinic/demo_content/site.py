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

# The section for GPs and hospital specialists: a general page editors fill.
REFERRERS = {
    "title": "For referring clinicians",
    "slug": "referrals",
    "summary": (
        "For GPs and hospital specialists: who may be suitable for "
        "neuromodulation, how to refer a patient and what to include."
    ),
    "body": [
        ("heading", {"text": "Who may be suitable", "level": "h2"}),
        (
            "paragraph",
            "<p>We assess adults whose symptoms have not responded well enough "
            "to standard treatment, for example:</p>"
            "<ul>"
            "<li>neuropathic pain for six months or more, including persistent "
            "pain after spinal surgery and complex regional pain syndrome</li>"
            "<li>Parkinson's disease with motor fluctuations or dyskinesia "
            "despite optimised medication</li>"
            "<li>essential tremor that limits daily life despite medication</li>"
            "<li>focal epilepsy that has not responded to two or more "
            "appropriate medicines</li>"
            "<li>depression or OCD that has not responded to at least two "
            "adequate treatments</li>"
            "</ul>"
            "<p>Each treatment page says who it may help and who it may not "
            "suit. If you are unsure whether to refer, call us to talk it "
            "through with a member of the team.</p>",
        ),
        ("heading", {"text": "How to refer", "level": "h2"}),
        (
            "paragraph",
            "<ol>"
            "<li>Check that the patient agrees to the referral and knows what "
            "it is for.</li>"
            "<li>Write a referral letter addressed to the clinic's lead "
            "consultant, including the details below.</li>"
            "<li>Send it with the Refer a patient form, listed under In this "
            "section below, or by secure email or post (both addresses are at "
            "the foot of this page).</li>"
            "</ol>",
        ),
        ("heading", {"text": "What to include", "level": "h2"}),
        (
            "paragraph",
            "<ul>"
            "<li>the diagnosis and how long the symptoms have lasted</li>"
            "<li>treatments tried so far, with doses and how well they "
            "worked</li>"
            "<li>relevant imaging, neurophysiology or psychiatric "
            "assessments</li>"
            "<li>current medicines, including anticoagulants, and "
            "allergies</li>"
            "<li>other conditions, and any implanted device such as a "
            "pacemaker</li>"
            "<li>what the patient hopes treatment will change</li>"
            "</ul>",
        ),
        ("heading", {"text": "What happens next", "level": "h2"}),
        (
            "paragraph",
            "<p>We confirm every referral within five working days and invite "
            "the patient to an assessment with the specialists who treat their "
            "condition. We write to you after the assessment and after any "
            "treatment.</p>",
        ),
        ("heading", {"text": "Questions about a referral", "level": "h2"}),
        (
            "paragraph",
            "<p>Call the clinic on the number at the foot of this page and ask "
            "for the referrals coordinator. We can talk through whether a "
            "referral is right before you write.</p>",
        ),
        (
            "callout",
            {
                "heading": "Urgent concerns",
                "text": "<p>The clinic is not an emergency service. For urgent "
                "neurological or psychiatric concerns, use your local urgent "
                "care pathway.</p>",
            },
        ),
    ],
}

CONTACT = {
    "title": "Ask a question or book an appointment",
    # What the main menu and the footer's button call it.
    "menu_title": "Contact us",
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
    # The notification names the form and links to the admin; it carries no
    # health details.
    "to_address": "enquiries@clinic.example",
    "care_message": (
        "<p>This form is not for emergencies or urgent medical advice: we reply "
        "within two working days. <b>In an emergency call 999</b>, or 111 for "
        "urgent advice.</p>"
    ),
    "asks_about_health": True,
    "health_consent_text": (
        "I agree that the clinic may use the health information in my message "
        "to reply to me and, if I ask for one, to arrange an appointment."
    ),
    "ask_question": True,
    # The inbox sorts enquiries by the answer to this question.
    "reason_field": "Reason for contacting us",
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
            "Preferred location",
            "location",
            False,
            "",
            "Where you would rather be seen, if you have a preference.",
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

# The referral form, under "For referring clinicians". The referrer is sent
# the reference; the clinic's notification links to the inbox.
REFERRAL = {
    "title": "Refer a patient",
    "slug": "refer",
    "intro": (
        "<p>For GPs, hospital doctors, nurses and allied health professionals. "
        "Send us your referral and letter here: we confirm every referral "
        "within five working days.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you. We will review the referral and invite the patient to "
        "an assessment, and we will write to you if we need anything more.</p>"
    ),
    "subject": "New referral from the website",
    "to_address": "referrals@clinic.example",
    "care_message": (
        "<p>This form is not for emergencies. <b>For an urgent referral, send "
        "the form and also call us</b>; for a medical emergency, follow your "
        "local emergency pathway.</p>"
    ),
    # The inbox filters referrals by how urgent they are.
    "reason_field": "Urgency",
    # (label, field_type, required, choices, help_text)
    "fields": [
        ("Your name", "singleline", True, "", ""),
        (
            "Your role",
            "dropdown",
            True,
            "GP\nHospital doctor\nNurse\nAllied health professional\nOther",
            "",
        ),
        ("Organisation", "singleline", True, "", "Your practice or hospital."),
        ("Registration number", "registration", True, "", ""),
        (
            "Your email address",
            "email",
            True,
            "",
            "We send the referral's reference here.",
        ),
        ("Your phone number", "singleline", True, "", "A direct line if you have one."),
        ("Patient's full name", "singleline", True, "", ""),
        ("Patient's date of birth", "date", True, "", ""),
        (
            "Patient's phone number",
            "singleline",
            True,
            "",
            "So that we can invite them to an assessment.",
        ),
        (
            "Urgency",
            "radio",
            True,
            "Routine\nSoon (within four weeks)\nUrgent (please also call us)",
            "",
        ),
        (
            "Reason for referral",
            "multiline",
            True,
            "",
            "The diagnosis, treatments tried so far, and what you hope we can offer.",
        ),
        (
            "Referral letter",
            "document",
            True,
            "",
            "Your referral letter, with recent results if you can include them.",
        ),
    ],
}
