"""Downloading a file sent with an enquiry (a referral letter).

The only way a letter leaves the server: for people who may view enquiries
(the enquiry handlers), recorded in the audit trail, sent as an attachment
(never shown inline, so a browser does not run it) with ``nosniff`` and no
caching anywhere along the way.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .. import files
from ..audit import record
from ..models import Enquiry, EnquiryFile
from ..vault import UnreadableEnquiry


class EnquiryFileDownloadView(PermissionCheckedMixin, View):
    model = Enquiry
    permission_required = "view"
    http_method_names = ["get"]

    def get(self, request, pk, file_pk):
        stored = get_object_or_404(
            EnquiryFile.objects.select_related("enquiry"), pk=file_pk, enquiry_id=pk
        )
        try:
            data = files.read(stored)
        except (UnreadableEnquiry, FileNotFoundError):
            response = HttpResponse(
                "This file cannot be opened: it is missing, or no configured "
                "key decrypts it.",
                status=410,
                content_type="text/plain; charset=utf-8",
            )
        else:
            record(
                stored.enquiry,
                "enquiries.download",
                user=request.user,
                data={"file_id": stored.pk},
            )
            response = HttpResponse(data, content_type=stored.content_type)
            response["Content-Disposition"] = content_disposition_header(
                as_attachment=True, filename=files.download_name(stored)
            )
        response["X-Content-Type-Options"] = "nosniff"
        add_never_cache_headers(response)
        return response
