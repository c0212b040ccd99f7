"""Clinical content: pages, specialists, leaflets and clinical review.

Split by subject; import from ``techniques.models`` as before.
"""

from .conditions import ConditionIndexPage, ConditionPage, treating_techniques
from .leaflets import TechniqueLeaflet
from .pages import (
    SECTION_FEATURES,
    Delivery,
    Modality,
    TechniqueCondition,
    TechniqueIndexPage,
    TechniquePage,
)
from .review import (
    SIGN_OFF_PERMISSION,
    ClinicalPagePermissionTester,
    ClinicalReviewMixin,
    ClinicalReviewSettings,
    ClinicalSectionMixin,
    ClinicalSignOffTask,
    add_months,
)
from .specialists import Specialist, SpecialistIndexPage, Specialty

__all__ = [
    "SECTION_FEATURES",
    "SIGN_OFF_PERMISSION",
    "ClinicalPagePermissionTester",
    "ClinicalReviewMixin",
    "ClinicalReviewSettings",
    "ClinicalSectionMixin",
    "ClinicalSignOffTask",
    "ConditionIndexPage",
    "ConditionPage",
    "Delivery",
    "Modality",
    "Specialist",
    "SpecialistIndexPage",
    "Specialty",
    "TechniqueCondition",
    "TechniqueIndexPage",
    "TechniqueLeaflet",
    "TechniquePage",
    "add_months",
    "treating_techniques",
]
