"""Admin and rendering hooks of the site-wide app."""

from wagtail import hooks

from .rich_text import VisiblePageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its
# "page" link type: see home/rich_text.py.
@hooks.register("register_rich_text_features", order=100)
def link_only_to_visible_pages(features):
    features.register_link_type(VisiblePageLinkHandler)
