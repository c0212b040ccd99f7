"""Demo content for the Locations section: two sites with different hours.

The main site closes over the coming Christmas bank holidays
(worked out from the day the demo is loaded, so the closure is always ahead
on a fresh demo site) and has a drawn map; the satellite clinic opens three
days a week, with a lunch break and a late clinic.
"""

import datetime
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from locations.hours import local_today

LOCATION_INDEX = {
    "title": "Locations",
    "slug": "locations",
    "intro": (
        "We see patients at two sites. Each page says how to get there, "
        "where to park, step-free access and when the site is open."
    ),
}

MAP_ALT = (
    "Example Street runs north to south. Example Station is at its north end; "
    "the clinic is on the east side, two minutes' walk south of the station, "
    "with the car park behind it, entered from Mill Lane."
)


def christmas_bank_holidays(year):
    """England's two Christmas bank holidays in ``year``: Christmas Day and
    Boxing Day, each moved to the next free weekday when it falls at a
    weekend (so 2026's are Friday 25 and Monday 28 December)."""
    holidays = []
    for day in (25, 26):
        date = datetime.date(year, 12, day)
        while date.weekday() >= 5 or date in holidays:
            date += datetime.timedelta(days=1)
        holidays.append(date)
    return holidays


def next_christmas(today=None):
    """From Christmas Day to the last Christmas bank holiday: this year's,
    unless they have passed."""
    today = today or local_today()
    year = today.year
    if today > christmas_bank_holidays(year)[-1]:
        year += 1
    return datetime.date(year, 12, 25), christmas_bank_holidays(year)[-1]


def hours(first, last, opens, closes):
    """An opening-hours row; ``None`` times mean closed all day."""
    return {
        "first_day": first,
        "last_day": last,
        "opens": datetime.time(*opens) if opens else None,
        "closes": datetime.time(*closes) if closes else None,
        "closed": opens is None,
    }


def locations():
    christmas, last_holiday = next_christmas()
    return [
        {
            "title": "Central London clinic",
            "slug": "central-london",
            "summary": (
                "Our main clinic: assessments, trials and follow-up for every "
                "treatment, and the implant theatre."
            ),
            "street_address": "Sample Clinic Building\n1 Example Street",
            "town": "London",
            "postcode": "EX1 2MP",
            "phone": "020 7946 0000",
            "email": "london@clinic.example",
            "directions": (
                "From Example Station, turn right out of the main exit and walk "
                "south along Example Street for two minutes. The clinic is on "
                "your left.\n\nBuses 12 and 88 stop outside. Reception is on "
                "the ground floor, straight ahead as you come in."
            ),
            "parking": (
                "The car park behind the building is entered from Mill Lane. "
                "It costs £2 an hour; pay at the machine or by phone.\n\nFour "
                "blue-badge spaces are next to the entrance and are free."
            ),
            "step_free_access": (
                "There is step-free access from the street and from the car "
                "park, through automatic doors. Lifts serve every floor, and "
                "there are accessible toilets on the ground and first floors. "
                "Wheelchairs are available to borrow at reception."
            ),
            "hours": [
                hours(0, 4, (8, 30), (17, 30)),
                hours(5, None, (9, 0), (13, 0)),
                hours(6, None, None, None),
            ],
            "exceptions": [
                {
                    "start_date": christmas,
                    "end_date": last_holiday,
                    "reason": "Christmas bank holidays",
                    "closed": True,
                },
            ],
            "treatments": [
                "spinal-cord-stimulation",
                "deep-brain-stimulation",
                "peripheral-nerve-stimulation",
                "focused-ultrasound",
                "intrathecal-drug-delivery",
                "transcranial-magnetic-stimulation",
            ],
            "map": True,
        },
        {
            "title": "Northgate outpatient clinic",
            "slug": "northgate",
            "summary": (
                "Outpatient appointments closer to home: first assessments, "
                "follow-up and stimulator checks, and transcranial magnetic "
                "stimulation sessions."
            ),
            "street_address": "Northgate Health Centre, first floor\n20 Sample Road",
            "town": "Northgate",
            "postcode": "NG1 4XY",
            "phone": "0117 496 0000",
            "email": "northgate@clinic.example",
            "directions": (
                "The health centre is opposite Northgate bus station. Take the "
                "lift or stairs to the first floor and follow the signs to the "
                "Neuromodulation Clinic."
            ),
            "parking": (
                "There is no parking at the health centre. The Sample Road car "
                "park, a five-minute walk away, has blue-badge spaces."
            ),
            "step_free_access": (
                "Step-free from the street, with a lift to the first floor. "
                "Accessible toilet on the first floor."
            ),
            "hours": [
                hours(1, None, (9, 0), (12, 30)),
                hours(1, None, (13, 30), (17, 0)),
                hours(2, None, (12, 0), (20, 0)),
                hours(3, None, (9, 0), (12, 30)),
                hours(3, None, (13, 30), (17, 0)),
            ],
            "exceptions": [],
            "treatments": [
                "transcranial-magnetic-stimulation",
                "spinal-cord-stimulation",
            ],
            "map": False,
        },
    ]


def map_picture():
    """A simple drawn street map as a PNG (no map service involved)."""
    image = PILImage.new("RGB", (960, 600), "#f3f5f7")
    draw = ImageDraw.Draw(image)
    draw.rectangle((430, 0, 530, 600), fill="#ffffff", outline="#52606d", width=3)
    draw.rectangle((0, 430, 960, 490), fill="#ffffff", outline="#52606d", width=3)
    draw.rectangle((380, 20, 580, 110), fill="#cbd2d9", outline="#1f2933", width=3)
    draw.text((420, 55), "Example Station", fill="#1f2933")
    draw.rectangle((560, 200, 760, 320), fill="#0b5563", outline="#073b45", width=3)
    draw.text((600, 250), "The clinic", fill="#ffffff")
    draw.rectangle((780, 200, 920, 320), fill="#ffffff", outline="#52606d", width=2)
    draw.text((800, 250), "Car park", fill="#1f2933")
    draw.text((440, 300), "Example St", fill="#1f2933")
    draw.text((40, 450), "Mill Lane", fill="#1f2933")
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="central-london-map.png")
