"""Specialists in the admin (wagtail-modeladmin): the list and safe deletion.

The list shows which profiles are linked to a staff account (a reviewer's
sign-off names the specialist through that link), and can be filtered by it.

Deleting a profile that something depends on is refused with what depends on
it and what to do, instead of Wagtail's generic "If other things in your
site are related to it, they may also be affected":

* a profile linked to a staff account: that person's recorded reviews would
  no longer name anyone; an administrator unlinks it first;
* a profile named as the last reviewer of a page: the page would lose who
  checked it; another reviewer records a review of the page first
  (``ClinicalReviewMixin.reviewed_by`` is also ``PROTECT`` in the database).

A profile nothing depends on is deleted after a confirmation that lists the
treatment pages it will disappear from.
"""

from django.contrib import admin
from django.urls import reverse
from wagtail.models import get_page_models
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView

from .models import ClinicalReviewMixin, Specialist


def pages_reviewed_by(specialist):
    """Every clinical page whose last review names ``specialist``, live first."""
    pages = []
    for model in get_page_models():
        if issubclass(model, ClinicalReviewMixin) and not model._meta.abstract:
            pages.extend(model.objects.filter(reviewed_by=specialist))
    return sorted(pages, key=lambda page: (not page.live, page.title))


class SpecialistDeleteView(DeleteView):
    """Refuses, and says why, while a staff account or a page depends on the
    profile; otherwise confirms with the treatments it leaves."""

    def get_template_names(self):
        return ["techniques/admin/specialist_delete.html"]

    def dependents(self):
        return {
            "account": self.instance.user,
            "reviewed_pages": [
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
                for page in pages_reviewed_by(self.instance)
            ],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dependents = self.dependents()
        context.update(
            dependents=dependents,
            blocked=bool(dependents["account"] or dependents["reviewed_pages"]),
            treatments=list(self.instance.techniques.order_by("title")),
        )
        return context

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        if context["blocked"]:
            return self.render_to_response(context, status=409)
        return super().post(request, *args, **kwargs)


class LinkedAccountFilter(admin.SimpleListFilter):
    title = "staff account"
    parameter_name = "account"

    def lookups(self, request, model_admin):
        return [("linked", "Linked to a staff account"), ("none", "Not linked")]

    def queryset(self, request, queryset):
        if self.value() == "linked":
            return queryset.filter(user__isnull=False)
        if self.value() == "none":
            return queryset.filter(user__isnull=True)
        return queryset


class SpecialistAdmin(ModelAdmin):
    """Specialists at /admin/techniques/specialist/: list, search, filter, edit."""

    model = Specialist
    menu_label = "Specialists"
    menu_icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ("name", "role", "specialty", "performs", "staff_account", "profile")
    list_filter = ("specialty", "techniques", LinkedAccountFilter)
    search_fields = ("name", "role", "credentials", "biography")
    ordering = ("name",)
    delete_view_class = SpecialistDeleteView

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .prefetch_related("techniques")
        )

    @staticmethod
    def performs(specialist):
        return ", ".join(page.title for page in specialist.techniques.all()) or "—"

    performs.short_description = "Performs"

    @staticmethod
    def staff_account(specialist):
        user = specialist.user
        if user is None:
            return "—"
        full_name = user.get_full_name()
        return (
            f"{full_name} ({user.get_username()})" if full_name else user.get_username()
        )

    staff_account.short_description = "Staff account"

    @staticmethod
    def profile(specialist):
        return "Sample profile" if specialist.is_sample else "Real profile"

    profile.short_description = "Profile"
