"""One enquiry, read like a letter, with its handling: status, who has it,
internal notes. Opening it is recorded in the audit trail, as is each change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import HeaderButton

from ..audit import record
from ..display import answers, data, readable, received
from ..fields import UNREADABLE_TEXT
from ..files import KINDS, UNKNOWN_KIND, describe
from ..forms import AssignForm, NoteForm, StatusForm
from ..links import NAMESPACE
from ..models import Enquiry, EnquiryNote, Status
from ..permissions import assignable_users
from ..users import display_name

CONSENT_FIELD = "health_consent"


class EnquiryDetailView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    model = Enquiry
    permission_required = "view"
    template_name = "enquiries/inbox/detail.html"
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.enquiry = get_object_or_404(
            Enquiry.objects.select_related("page", "assignee"), pk=kwargs["pk"]
        )

    # Who may do what ------------------------------------------------------

    @property
    def can_change(self):
        return self.user_has_permission("change")

    @property
    def can_add_notes(self):
        return self.request.user.has_perm("enquiries.add_enquirynote")

    @property
    def can_delete(self):
        return self.user_has_permission("delete")

    # Page furniture -------------------------------------------------------

    def get_page_title(self):
        return str(self.enquiry)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(f"{NAMESPACE}:index"), "label": "Enquiries"},
            {"url": "", "label": str(self.enquiry)},
        ]

    def get_header_buttons(self):
        buttons = []
        if self.can_delete:
            buttons.append(
                HeaderButton(
                    "Delete enquiry",
                    url=reverse(f"{NAMESPACE}:delete", args=[self.enquiry.pk]),
                    icon_name="bin",
                )
            )
        return buttons

    # Reading --------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        record(self.enquiry, "enquiries.view", user=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        enquiry = self.enquiry
        context = super().get_context_data(**kwargs)
        context.update(
            enquiry=enquiry,
            received=received(enquiry),
            readable=enquiry.is_readable,
            unreadable_text=UNREADABLE_TEXT,
            answers=answers(enquiry, skip=(CONSENT_FIELD,)),
            files=self.files(),
            consent_given=readable(data(enquiry).get(CONSENT_FIELD)),
            assignee_name=display_name(enquiry.assignee),
            notes=[
                (note, display_name(note.author) or "A former member of staff")
                for note in enquiry.notes.select_related("author")
            ],
            can_change=self.can_change,
            can_add_notes=self.can_add_notes,
            status_form=kwargs.get("status_form")
            or StatusForm(initial={"status": enquiry.status}),
            assign_form=kwargs.get("assign_form")
            or AssignForm(
                initial={"assignee": enquiry.assignee_id}, users=self.assignable()
            ),
            note_form=kwargs.get("note_form") or NoteForm(),
            assigned_to_me=enquiry.assignee_id == self.request.user.pk,
            audit_url=reverse("enquiry_audit_report") + f"?enquiry={enquiry.pk}",
            can_see_audit=self.request.user.is_superuser,
        )
        return context

    def files(self):
        """``(label, description, download URL)`` of each file sent with it."""
        labels = self.enquiry.field_labels or {}
        return [
            (
                labels.get(stored.field_name) or stored.field_name,
                describe(KINDS.get(stored.content_type, UNKNOWN_KIND), stored.size),
                reverse(f"{NAMESPACE}:file", args=[self.enquiry.pk, stored.pk]),
            )
            for stored in self.enquiry.files.all()
        ]

    def assignable(self):
        return assignable_users(self.permission_policy)

    # Handling -------------------------------------------------------------

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "note":
            if not self.can_add_notes:
                return self.handle_no_permission()
            return self.add_note()
        if action in ("status", "assign", "assign_me"):
            if not self.can_change:
                return self.handle_no_permission()
            return getattr(self, action)()
        messages.error(request, "Nothing was changed: that action is not known.")
        return self.back()

    def handle_no_permission(self):
        raise PermissionDenied

    def back(self):
        return redirect(f"{NAMESPACE}:edit", self.enquiry.pk)

    def again(self, **forms):
        """The page again, with a form's errors and what was typed kept."""
        record(self.enquiry, "enquiries.view", user=self.request.user)
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def _save_handling(self, *fields):
        # update_fields: an enquiry that cannot be decrypted can still be
        # handled, and its ciphertext is never written back.
        self.enquiry.save(update_fields=[*fields, "updated_at"])

    def status(self):
        form = StatusForm(self.request.POST)
        if not form.is_valid():
            return self.again(status_form=form)
        old, new = self.enquiry.status, form.cleaned_data["status"]
        if old != new:
            with transaction.atomic():
                self.enquiry.status = new
                self._save_handling("status")
                record(
                    self.enquiry,
                    "enquiries.status",
                    user=self.request.user,
                    data={"from": old, "to": new},
                )
            messages.success(self.request, f"Status changed to {Status(new).label}.")
        return self.back()

    def assign(self, assignee=None, chosen=False):
        if not chosen:
            form = AssignForm(self.request.POST, users=self.assignable())
            if not form.is_valid():
                return self.again(assign_form=form)
            assignee = form.cleaned_data["assignee"]
        if self.enquiry.assignee_id != (assignee.pk if assignee else None):
            with transaction.atomic():
                self.enquiry.assignee = assignee
                self._save_handling("assignee")
                record(
                    self.enquiry,
                    "enquiries.assign",
                    user=self.request.user,
                    data={"assignee_id": assignee.pk if assignee else None},
                )
            messages.success(
                self.request,
                f"Assigned to {display_name(assignee)}."
                if assignee
                else "No one is assigned now.",
            )
        return self.back()

    def assign_me(self):
        return self.assign(assignee=self.request.user, chosen=True)

    def add_note(self):
        form = NoteForm(self.request.POST)
        if not form.is_valid():
            return self.again(note_form=form)
        with transaction.atomic():
            note = EnquiryNote.objects.create(
                enquiry=self.enquiry,
                author=self.request.user,
                text=form.cleaned_data["text"],
            )
            Enquiry.objects.filter(pk=self.enquiry.pk).update(
                updated_at=note.created_at
            )
            record(
                self.enquiry,
                "enquiries.note",
                user=self.request.user,
                data={"note_id": note.pk},
            )
        messages.success(self.request, "Note added.")
        return self.back()
