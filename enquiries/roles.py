"""Who handles enquiries: the "Enquiry handlers" group and its rights.

Handlers read and answer enquiries in the admin's Enquiries area and nothing
else: model permissions on ``Enquiry`` (view, change: status and assignee) and
``EnquiryNote`` (view, add), plus admin access. They hold no page permission,
so they cannot change a form or its consent wording; editors, who do edit
forms, hold no enquiry permission, so they never read what patients wrote.
Deleting an enquiry is for superusers only (``permissions.py``).

``create_enquiry_handlers_group`` takes an ``apps`` registry so data
migrations (with historical models) and tests call the same code; it sets the
group's rights to exactly the lists below, so running it again repairs a
group that drifted.
"""

from django.apps import apps as global_apps

ENQUIRY_HANDLERS = "Enquiry handlers"

HANDLER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("enquiries", "enquiry", "view_enquiry", "Can view enquiry"),
    ("enquiries", "enquiry", "change_enquiry", "Can change enquiry"),
    ("enquiries", "enquirynote", "view_enquirynote", "Can view enquiry note"),
    ("enquiries", "enquirynote", "add_enquirynote", "Can add enquiry note"),
]


def _permission(apps, app_label, model, codename, name):
    """The permission, created if the database has none yet (Django creates
    model permissions only after every migration has run)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_enquiry_handlers_group(apps=global_apps):
    """Create or repair the group: exactly the permissions above, no page or
    collection rights; return it."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    group, _ = Group.objects.get_or_create(name=ENQUIRY_HANDLERS)
    group.permissions.set(
        [_permission(apps, *permission) for permission in HANDLER_PERMISSIONS]
    )
    # Until the inbox existed, handlers had "Edit" on each contact page to
    # reach Wagtail's Forms section; that also let them change the form.
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    return group


def can_handle_enquiries(user):
    """Whether ``user`` may open the Enquiries area and read enquiries."""
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("enquiries.view_enquiry")
    )
