"""The clinic's sites (``pages``) and the rows each holds (``rows``)."""

from .pages import (
    MAP_RENDITION,
    LocationIndexPage,
    LocationPage,
    live_locations,
    locations_offering,
    site_locations,
)
from .rows import HoursException, LocationTreatment, OpeningHours, check_times

__all__ = [
    "MAP_RENDITION",
    "HoursException",
    "LocationIndexPage",
    "LocationPage",
    "LocationTreatment",
    "OpeningHours",
    "check_times",
    "live_locations",
    "locations_offering",
    "site_locations",
]
