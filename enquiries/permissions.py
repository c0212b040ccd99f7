"""Who may do what in the Enquiries area (Wagtail's permission policy for
``Enquiry``, which its admin views, menu and buttons all consult).

Model permissions as usual (the "Enquiry handlers" group has view and
change), with two exceptions no group setting can undo: enquiries are only
ever created by a visitor sending a form, so nobody adds one by hand; and
only superusers delete one, because deleting loses a patient's message.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return False
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - {"add"}
        if actions <= {"delete"}:
            return get_user_model().objects.filter(is_active=True, is_superuser=True)
        return super().users_with_any_permission(actions - {"delete"})


def assignable_users(policy):
    """Who an enquiry can be assigned to: active users who may change one."""
    User = get_user_model()
    return policy.users_with_permission("change").order_by(
        "first_name", "last_name", User.USERNAME_FIELD
    )
