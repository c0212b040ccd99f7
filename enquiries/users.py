"""How staff are named on enquiry pages and exports."""


def display_name(user):
    """Full name, else user name; "" for nobody."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()
