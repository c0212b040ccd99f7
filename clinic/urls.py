from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic.api import urls as api_urls
from clinic.two_factor import SignInView
from home import routing
from home.private_passwords import document_password, page_password
from home.views import search

# Media folders anyone may read: Wagtail's original images and renditions.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")

urlpatterns = [
    # Wagtail's shared-password checks for private pages and documents, with
    # wrong passwords limited per client (home/private_passwords.py); these
    # come before Wagtail's own routes for the same paths.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/"
        "<int:page_id>/",
        page_password,
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password,
    ),
    # Wagtail's front-end sign-in (for pages restricted to signed-in users),
    # asking staff for their two-factor code as the admin does
    # (clinic/two_factor.py); before Wagtail's own route for the same path.
    path("_util/login/", SignInView.as_view(), name="wagtailcore_login"),
    # The JSON APIs, v2 and v3 (clinic/api/, docs/api.md).
    path("", include(api_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search, name="search"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Development serves uploaded images only, as docs/deploy.md's nginx does:
    # documents may be in a private collection and are only ever served by
    # /documents/ above, after Wagtail's checks.
    for folder in PUBLIC_MEDIA_FOLDERS:
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/",
            document_root=Path(settings.MEDIA_ROOT) / folder,
        )

# Wagtail's page serving comes last: it answers every URL not matched above,
# with the page found in fewer queries (home/routing.py); Wagtail's own
# pattern stays for reversing page URLs.
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, routing.serve),
    path("", include(wagtail_urls)),
]
