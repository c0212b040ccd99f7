"""The staff groups "Editors" and "Clinical reviewers", and what each may do.

``create_staff_groups`` is run by a data migration (so every install has the
groups) and by tests. It takes an ``apps`` registry so the migration can pass
its historical models; it sets each group's permissions to exactly the lists
below, so running it again repairs a group that drifted.

* Editors run the site's content: they create and edit every page, publish
  the general pages, manage images, documents, specialists, redirects and the
  clinic's details. In the clinical sections their changes go to a clinical
  reviewer (the "Clinical sign-off" workflow): publishing there needs the
  sign-off permission, which editors do not have. They see no form
  submissions (enquiry handlers do; see ``enquiries.roles``).
* Clinical reviewers approve, edit and publish pages in the clinical sections
  (those page permissions are granted per section by
  ``techniques.signoff.attach_clinical_sign_off``), record clinical reviews,
  and set the review interval. They do not create or delete pages.

Wagtail's default "Moderators" group, with publish rights over the whole
tree, is removed while it has no members: this site's roles replace it.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"

# Model permissions, "app_label.codename".
EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "home.change_clinicsettings",
    "techniques.add_specialist",
    "techniques.change_specialist",
    "techniques.delete_specialist",
    "techniques.view_specialist",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]
REVIEWER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "techniques.sign_off_clinical_content",
    "techniques.change_clinicalreviewsettings",
]

# Permissions on the root collection (images and documents are
# collection-scoped in Wagtail).
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
]
# Reviewers may pick an existing picture or leaflet while correcting a page.
REVIEWER_COLLECTION_PERMISSIONS = [
    "wagtailimages.choose_image",
    "wagtaildocs.choose_document",
]

# Page permissions on the root of the tree, so they cover every site.
EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

# Names for permissions that a fresh database does not have yet when the
# migration runs (Django creates them after all migrations).
PERMISSION_NAMES = {
    "sign_off_clinical_content": (
        "Can sign off clinical pages (approve, publish, record reviews)"
    ),
}


def _permission(apps, dotted):
    """The Permission for "app_label.codename", created if not there yet."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, codename = dotted.split(".")
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing:
        return existing
    action, _, model = codename.partition("_")
    if codename in PERMISSION_NAMES:
        model = {"techniques": "clinicalreviewsettings"}[app_label]
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    try:
        label = apps.get_model(app_label, model)._meta.verbose_name
    except LookupError:
        label = model
    return Permission.objects.create(
        content_type=content_type,
        codename=codename,
        name=PERMISSION_NAMES.get(codename, f"Can {action} {label}"),
    )


def _set_group(apps, name, permissions, collection_permissions, page_permissions):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set([_permission(apps, dotted) for dotted in permissions])

    root_collection = Collection.objects.filter(depth=1).first()
    GroupCollectionPermission.objects.filter(group=group).delete()
    if root_collection:
        for dotted in collection_permissions:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, dotted),
            )

    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        GroupPagePermission.objects.filter(group=group, page=root_page).delete()
        for action in page_permissions:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{action}_page"),
            )
    return group


def create_staff_groups(apps=global_apps):
    """Create or repair the Editors and Clinical reviewers groups."""
    editors = _set_group(
        apps,
        EDITORS,
        EDITOR_PERMISSIONS,
        EDITOR_COLLECTION_PERMISSIONS,
        EDITOR_PAGE_PERMISSIONS,
    )
    reviewers = _set_group(
        apps,
        CLINICAL_REVIEWERS,
        REVIEWER_PERMISSIONS,
        REVIEWER_COLLECTION_PERMISSIONS,
        [],
    )
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    return editors, reviewers
