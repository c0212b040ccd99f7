"""What a referral letter costs a submission: time and memory.

Builds the demo site in a throwaway SQLite database (test settings; letters
kept in a temporary folder), then sends, in rounds, through Django's test
client as a browser would (read the form, answer the sum, post):

* the demo contact form, no file (the reference, measured in the same run);
* the demo referral form with a 20 KB letter (a real PDF printed by Chromium);
* the demo referral form with a 10 MB letter (the largest taken).

Only the POST is timed: checking the file's kind, encrypting it, writing it
and storing the enquiry. Prints each median, its ratio to the reference, and
the peak Python memory (tracemalloc) of one 10 MB post, against the file's
size.

    .venv/bin/python bench/referral_letters.py [--rounds 20]

Nothing leaves the process; the database and letters are removed afterwards.
"""

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from enquiries_vault import QUESTION, TOKEN, answers, set_up

ROOT = Path(__file__).resolve().parent.parent
LETTER = (ROOT / "tests" / "referrals" / "files" / "letter.pdf").read_bytes()
TEN_MB = 10 * 1024 * 1024


class Poster:
    """Reads a form and posts it, from a new client address each time (the
    rate limit allows 5 per address), with the form's clock moved on."""

    def __init__(self):
        from django.test import Client

        from contact import spam

        self.client = Client()
        self.sent = 0
        self.offset = 0
        real_now = spam.now
        spam.now = lambda: real_now() + self.offset

    def post(self, page, data, letter=None):
        from django.core.files.uploadedfile import SimpleUploadedFile

        html = self.client.get(page.url).content.decode()
        post = dict(data)
        post["cf_token"] = TOKEN.search(html).group(1)
        first, second = QUESTION.search(html).groups()
        post["cf_answer"] = str(int(first) + int(second))
        if letter is not None:
            post["referral_letter"] = SimpleUploadedFile("letter.pdf", letter)
        self.offset += 30
        self.sent += 1
        address = f"10.{self.sent // 256 % 256}.{self.sent % 256}.1"
        started = time.perf_counter()
        response = self.client.post(page.url, post, REMOTE_ADDR=address)
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            errors = response.context["form"].errors if response.context else ""
            raise SystemExit(f"The form was refused ({response.status_code}): {errors}")
        return elapsed


def referral_answers(page):
    data = answers(page)
    for field in page.get_form_fields():
        if field.field_type == "registration":
            data[field.clean_name] = "1234567"
        elif field.field_type == "date":
            data[field.clean_name] = "1961-04-12"
        elif field.field_type == "document":
            data.pop(field.clean_name, None)
    return data


def measure(rounds):
    from contact.models import ContactPage
    from referrals.models import ReferralPage

    contact = ContactPage.objects.live().get()
    referral = ReferralPage.objects.live().get()
    big = LETTER + b"\0" * (TEN_MB - len(LETTER))
    cases = {
        "contact form, no file (reference)": (contact, answers(contact), None),
        "referral, 20 KB letter": (referral, referral_answers(referral), LETTER),
        "referral, 10 MB letter": (referral, referral_answers(referral), big),
    }
    poster = Poster()
    for page, data, letter in cases.values():  # warm up
        poster.post(page, data, letter)
    times = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (page, data, letter) in cases.items():
            times[name].append(poster.post(page, data, letter))

    page, data, letter = cases["referral, 10 MB letter"]
    tracemalloc.start()
    poster.post(page, data, letter)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return times, peak


def report(times, peak, rounds):
    reference = statistics.median(next(iter(times.values()))) * 1000
    print(f"{rounds} rounds, each case once per round (Django test client, SQLite)")
    print("| submission (POST only) | median ms | ratio to reference |")
    print("| --- | ---: | ---: |")
    for name, values in times.items():
        median = statistics.median(values) * 1000
        print(f"| {name} | {median:.1f} | {median / reference:.2f} |")
    print(
        f"peak Python memory of one 10 MB post: {peak / 2**20:.0f} MiB "
        f"({peak / TEN_MB:.1f}x the file)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        set_up(Path(workdir))
        from django.conf import settings

        settings.STORAGES["enquiry_files"]["OPTIONS"]["location"] = str(
            Path(workdir) / "letters"
        )
        times, peak = measure(args.rounds)
        report(times, peak, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
