from wagtail import hooks

from . import data_requests
from .audit import register_actions

hooks.register("register_log_actions", register_actions)
hooks.register("register_admin_urls", data_requests.admin_urls)
hooks.register("register_settings_menu_item", data_requests.settings_menu_item)
