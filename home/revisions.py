"""One revision per change, so "Compare with previous version" shows the change.

Wagtail 8 autosaves the editor every half second into one revision of the
editor's own, and the **Save draft** button overwrites that same revision.
The other buttons (**Publish**, **Submit to Clinical sign-off**, a workflow
action) do not: they save yet another revision with exactly the autosaved
content. The page history then shows two "Edited" rows, and the newer one's
"Compare with previous version" compares two identical revisions and lists
nothing; the reviewer has to know to look one row further down.

``OneRevisionPerChangeMixin.save_revision`` reuses the editor's own unchanged
latest revision instead (Wagtail's ``overwrite_revision``, as Save draft
does), so the history shows the change once, compared with the version
before it. It only does so when nothing is lost: same content, same person,
and a revision that has not been published, scheduled or sent to a workflow
task (those stay as they were, for the record).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import TaskState

# What a page's serialised data holds besides its content: bookkeeping that
# differs between two saves of the same content.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "has_unpublished_changes",
        "live",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)


def same_content(stored, page):
    """Whether a revision's stored content is what ``page`` would store now."""

    def content(data):
        return {k: v for k, v in data.items() if k not in BOOKKEEPING_FIELDS}

    # As the revision's JSONField stores it (dates as strings...).
    current = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
    return content(stored) == content(current)


class OneRevisionPerChangeMixin:
    def save_revision(self, user=None, *args, **kwargs):
        if (
            user is not None
            and kwargs.get("overwrite_revision") is None
            and kwargs.get("previous_revision") is None
            and len(args) < 3  # previous_revision and overwrite not positional
        ):
            kwargs["overwrite_revision"] = self.unchanged_draft_of(user)
        return super().save_revision(user, *args, **kwargs)

    def unchanged_draft_of(self, user):
        """``user``'s latest revision of this page if it holds exactly what is
        being saved and may be reused, else None."""
        if self.pk is None or self.latest_revision_id is None:
            return None
        revision = self.get_latest_revision()
        if (
            revision is None
            or revision.user_id != user.pk
            or revision.pk == self.live_revision_id
            or revision.approved_go_live_at is not None
            or TaskState.objects.filter(revision=revision).exists()
        ):
            return None
        return revision if same_content(revision.content, self) else None
