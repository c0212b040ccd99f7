"""Who may read what patients wrote: the "Enquiry handlers" group.

Wagtail lets anyone who can edit a form page read its submissions. Here that
is narrowed (``wagtail_hooks.py``) to superusers and members of this group, so
editors can change a form without seeing what patients wrote.

Wagtail's Forms section lists the form pages a user can edit, so the group is
given "Edit" on each contact page: the data migration does it for pages that
exist, and ``grant_handlers_access`` does it for every contact page created
later. The group gets no other page rights (no publishing, no other pages).

These are plain functions so the data migration (with its historical
``apps``) and the tests (after a live-server flush) call the same code.
"""

from django.apps import apps as global_apps

ENQUIRY_HANDLERS = "Enquiry handlers"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _change_page_permission(apps):
    return _permission(apps, "wagtailcore", "page", "change_page", "Can change page")


def create_enquiry_handlers_group(apps=global_apps):
    """Create the group (idempotent) with admin access and "Edit" on every
    existing contact page; return it."""
    Group = apps.get_model("auth", "Group")
    ContactPage = apps.get_model("contact", "ContactPage")
    group, _ = Group.objects.get_or_create(name=ENQUIRY_HANDLERS)
    group.permissions.add(
        _permission(
            apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
        )
    )
    for page_id in ContactPage.objects.values_list("pk", flat=True):
        _grant_edit(apps, group, page_id)
    return group


def _grant_edit(apps, group, page_id):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.get_or_create(
        group=group, page_id=page_id, permission=_change_page_permission(apps)
    )


def grant_handlers_access(page):
    """Let enquiry handlers reach a new contact page's submissions.

    Does nothing if the group has been deleted (the clinic's choice)."""
    Group = global_apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ENQUIRY_HANDLERS).first()
    if group is not None:
        _grant_edit(global_apps, group, page.pk)


def can_read_submissions(user):
    """Superusers and active enquiry handlers; nobody else."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=ENQUIRY_HANDLERS).exists()
