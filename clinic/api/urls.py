"""URLs of the JSON APIs: /api/v2/ and /api/v3/ (see docs/api.md)."""

from django.urls import path

from clinic.api.v2 import api_router
from clinic.api.v3 import api

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/v3/", api.urls),
]
