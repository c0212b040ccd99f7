"""How long the enquiry inbox takes to list a page of 1,000 enquiries.

Builds a throwaway SQLite database (test settings, the project's migrations),
adds one contact form, an enquiry handler and N enquiries, then times, in
process through Django's test client:

* a page of the inbox (50 rows) with N enquiries, and its SQL query count
  (the same at 10 and at N: the list never decrypts and never asks per row);
* the same page filtered by reason and status;
* the CSV export of all N (this one decrypts every enquiry);
* as a reference from the same run, Wagtail's own Users listing.

    .venv/bin/python bench/enquiries_inbox.py [--enquiries 1000] [--repeat 20]

Prints median milliseconds and the ratio of each to the reference.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.test")


PASSWORD = "bench-only"  # noqa: S105 - a throwaway database's users


def median_ms(client, url, repeat, query=None):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, query or {})
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
    return statistics.median(timings)


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def build(count):
    from django.contrib.auth.models import User
    from wagtail.models import Page, Site

    from contact.models import ContactFormField, ContactPage
    from enquiries.models import Enquiry
    from enquiries.roles import create_enquiry_handlers_group

    root = Page.get_first_root_node()
    page = root.add_child(
        instance=ContactPage(
            title="Contact us",
            slug="contact-bench",
            form_fields=[
                ContactFormField(label="Your message", field_type="multiline"),
            ],
        )
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": root}
    )
    handler = User.objects.create_user("bench-handler", password=PASSWORD)
    handler.groups.add(create_enquiry_handlers_group())
    reasons = ["Ask a question", "Book an appointment", "Referral"]
    Enquiry.objects.bulk_create(
        Enquiry(
            page=page,
            form_data={"your_message": f"Message {n}", "health_consent": True},
            field_labels={"your_message": "Your message"},
            consent_text="I agree.",
            reason=reasons[n % 3],
            assignee=handler if n % 2 else None,
        )
        for n in range(count)
    )
    return handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--enquiries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import django
    from django.conf import settings

    with tempfile.TemporaryDirectory() as folder:
        settings.DATABASES["default"] = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(Path(folder) / "bench.sqlite3"),
        }
        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0)
        handler = build(args.enquiries)
        client = Client()
        client.force_login(handler)
        inbox = "/admin/enquiries/"
        client.get(inbox)  # warm caches

        from enquiries.models import Enquiry

        keep = list(Enquiry.objects.values_list("pk", flat=True)[:10])
        at_count = queries(client, inbox)

        from django.contrib.auth.models import User

        superuser = User.objects.create_superuser("bench-admin", password=PASSWORD)
        admin = Client()
        admin.force_login(superuser)
        reference = median_ms(admin, "/admin/users/", args.repeat)

        figures = [
            ("inbox, page 1", median_ms(client, inbox, args.repeat)),
            ("inbox, page 10", median_ms(client, inbox, args.repeat, {"p": 10})),
            (
                "inbox, filtered (reason, status)",
                median_ms(
                    client,
                    inbox,
                    args.repeat,
                    {"reason": "Referral", "status": "new"},
                ),
            ),
            (
                f"CSV export of all {args.enquiries}",
                median_ms(client, inbox, max(3, args.repeat // 5), {"export": "csv"}),
            ),
        ]
        Enquiry.objects.exclude(pk__in=keep).delete()
        few_queries = queries(client, inbox)

    print(f"Enquiry inbox with {args.enquiries} enquiries, 50 a page")
    print(f"{'what':<36} {'median ms':>10} {'x reference':>12}")
    print(f"{'Wagtail Users listing (reference)':<36} {reference:>10.1f} {1:>12.2f}")
    for name, value in figures:
        print(f"{name:<36} {value:>10.1f} {value / reference:>12.2f}")
    print(
        f"SQL queries for a page: {at_count} with {args.enquiries} enquiries, "
        f"{few_queries} with 10"
    )


if __name__ == "__main__":
    main()
