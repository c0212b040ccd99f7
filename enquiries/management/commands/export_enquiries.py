"""Print, as JSON, everything held about one email address (a subject access
request). See enquiries/data_requests.py for how enquiries are found."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from enquiries import data_requests


def email_argument(parser):
    parser.add_argument(
        "--email", required=True, help="The person's email address, as they gave it."
    )


def valid_email(address):
    try:
        validate_email(address.strip())
    except ValidationError as error:
        raise CommandError(f"{address!r} is not an email address.") from error
    return address.strip()


class Command(BaseCommand):
    help = (
        "Print as JSON every enquiry (answers, labels, consent wording, time, "
        "status, notes) that holds --email. Logged, without the address."
    )

    def add_arguments(self, parser):
        email_argument(parser)

    def handle(self, *args, email, **options):
        document = data_requests.export(valid_email(email))
        self.stdout.write(data_requests.json_text(document))
        self.stderr.write(
            f"{len(document['enquiries'])} enquiries found"
            + (
                f"; {document['enquiries_that_could_not_be_read']} could not be "
                "decrypted and were not searched."
                if document["enquiries_that_could_not_be_read"]
                else "."
            )
        )
