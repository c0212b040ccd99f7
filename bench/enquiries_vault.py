"""What encrypting an enquiry adds to a submission.

Builds the demo site in a throwaway SQLite database (test settings: mail kept
in memory, emails sent in the request as development does), then sends the
demo contact form through Django's test client, as a browser would (read the
form, answer the sum, post), in pairs, one of each kind in alternating order:
with encryption as shipped, and with the encrypted fields writing plain JSON
instead (the same code minus Fernet). Only the POST is timed. Prints the
median per submission of each, the milliseconds encryption adds, their ratio,
and the cost of one encryption and one decryption of the answers alone.

    .venv/bin/python bench/enquiries_vault.py [--pairs 200]

Nothing leaves the process; the database is removed afterwards.
"""

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="cf_token" value="([^"]+)"')
QUESTION = re.compile(r"What is (\d) plus (\d)\?")
MESSAGE = (
    "I have had burning pain in my left leg since an operation two years ago. "
    "My GP suggested spinal cord stimulation and I would like to know whether "
    "I could be assessed, how long the wait is and what the trial involves. "
) * 4  # about 900 characters, a long-ish real message


def set_up(workdir):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def answers(page):
    """A valid answer for each of the demo form's fields."""
    data = {}
    for field in page.get_form_fields():
        name = field.clean_name
        if field.field_type == "email":
            data[name] = "ada.bench@example.com"
        elif field.field_type == "multiline":
            data[name] = MESSAGE
        elif field.field_type in ("radio", "dropdown"):
            data[name] = field.choices.splitlines()[0].strip()
        elif field.field_type == "checkbox":
            data[name] = "on"
        elif field.field_type == "location":
            continue  # a live location page's title, and not required
        else:
            data[name] = "Ada Bench"
    data["health_consent"] = "on"
    return data


class Sender:
    """Posts the form as a visitor would, a new client address each time
    (the rate limit allows 5 per address), with the form's clock moved on so
    no post is 'too fast'."""

    def __init__(self, page):
        from django.test import Client

        from contact import spam

        self.page = page
        self.client = Client()
        self.data = answers(page)
        self.sent = 0
        self.offset = 0
        real_now = spam.now
        spam.now = lambda: real_now() + self.offset

    def send(self):
        html = self.client.get(self.page.url).content.decode()
        post = dict(self.data)
        post["cf_token"] = TOKEN.search(html).group(1)
        first, second = QUESTION.search(html).groups()
        post["cf_answer"] = str(int(first) + int(second))
        self.offset += 30
        self.sent += 1
        address = (
            f"10.{self.sent // 65536 % 256}.{self.sent // 256 % 256}.{self.sent % 256}"
        )
        started = time.perf_counter()
        response = self.client.post(self.page.url, post, REMOTE_ADDR=address)
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            raise SystemExit(f"The form was refused ({response.status_code}).")
        return elapsed


def plain_json(field, value):
    """The encrypted field's ``encrypt`` without encryption: plain JSON."""
    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(value, cls=DjangoJSONEncoder)


def measure(pairs):
    from contact.models import ContactPage
    from enquiries import vault
    from enquiries.fields import EncryptedJSONField
    from enquiries.models import Enquiry

    page = ContactPage.objects.live().get()
    sender = Sender(page)
    encrypting = EncryptedJSONField.encrypt
    times = {"encrypted": [], "plain": []}
    for _ in range(3):  # warm up caches and the database
        sender.send()
    # Pairs, one submission of each kind, in alternating order, so that the
    # load of a shared machine falls on both alike.
    for pair in range(pairs):
        order = ["encrypted", "plain"] if pair % 2 == 0 else ["plain", "encrypted"]
        for mode in order:
            EncryptedJSONField.encrypt = (
                encrypting if mode == "encrypted" else plain_json
            )
            times[mode].append(sender.send())
    EncryptedJSONField.encrypt = encrypting

    stored = Enquiry.objects.order_by("-pk").first()
    data = stored.form_data if stored.is_readable else answers(page)
    repeat = 2000
    started = time.perf_counter()
    for _ in range(repeat):
        token = vault.encrypt_json(data)
    encrypt_us = (time.perf_counter() - started) / repeat * 1e6
    started = time.perf_counter()
    for _ in range(repeat):
        vault.decrypt_json(token)
    decrypt_us = (time.perf_counter() - started) / repeat * 1e6
    return times, encrypt_us, decrypt_us


def report(times, encrypt_us, decrypt_us, pairs):
    encrypted = statistics.median(times["encrypted"]) * 1000
    plain = statistics.median(times["plain"]) * 1000
    p90 = {
        mode: statistics.quantiles(values, n=10)[-1] * 1000
        for mode, values in times.items()
    }
    differences = [
        (with_ - without) * 1000
        for with_, without in zip(times["encrypted"], times["plain"], strict=True)
    ]
    print(f"{pairs} pairs of submissions (one of each kind, order alternating)")
    print("| submission (HTML form, POST only) | median ms | p90 ms |")
    print("| --- | ---: | ---: |")
    print(f"| with encryption | {encrypted:.2f} | {p90['encrypted']:.2f} |")
    print(f"| without (plain JSON) | {plain:.2f} | {p90['plain']:.2f} |")
    print(
        f"added by encryption: {encrypted - plain:+.2f} ms per submission "
        f"(difference of medians); median of the pairs' differences: "
        f"{statistics.median(differences):+.2f} ms"
    )
    print(f"ratio with / without: {encrypted / plain:.3f}")
    print(
        f"one encryption of the answers: {encrypt_us:.0f} us; "
        f"one decryption: {decrypt_us:.0f} us"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        set_up(Path(workdir))
        times, encrypt_us, decrypt_us = measure(args.pairs)
        report(times, encrypt_us, decrypt_us, args.pairs)


if __name__ == "__main__":
    main()
