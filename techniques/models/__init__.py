"""Clinical content: pages, specialists, leaflets and clinical review.

Split by subject; import from ``techniques.models`` as before.
"""

from .conditions import (
    CONDITION_SECTIONS,
    ConditionIndexPage,
    ConditionPage,
    treating_techniques,
)
from .leaflets import TechniqueLeaflet
from .pages import (
    TECHNIQUE_SECTIONS,
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
    add_months,
)
from .specialists import Specialist, SpecialistIndexPage, Specialty
from .workflow import ClinicalSignOffTask

__all__ = [
    "CONDITION_SECTIONS",
    "SIGN_OFF_PERMISSION",
    "TECHNIQUE_SECTIONS",
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
