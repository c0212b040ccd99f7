"""Error reports that never show what a patient wrote.

Django's reports (the 500 email to ``ADMINS``, or any tool built on
``ExceptionReporter``) list each stack frame's local variables. While a form
is being checked and stored those hold the answers (the parsed JSON, the
cleaned data), and ``@sensitive_variables`` would have to be on every frame,
Django's and Wagtail's included. Instead, a request that carries a
submission is marked, as Django's own ``sensitive_post_parameters`` does
(``request.sensitive_post_parameters = "__ALL__"``: ``contact.submissions``
and the forms API), and for a marked request this filter hides every frame
variable as well as every POST value. Other errors keep their full reports.

``HealthDataExceptionReporter`` (``DEFAULT_EXCEPTION_REPORTER``) hides the
names of uploaded files, which Django lists and no filter reaches, in every
report: a referral letter's file name often is the patient's name.
"""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter


def carries_a_submission(request):
    return getattr(request, "sensitive_post_parameters", None) == "__ALL__"


class HealthDataReporterFilter(SafeExceptionReporterFilter):
    def get_traceback_frame_variables(self, request, tb_frame):
        variables = super().get_traceback_frame_variables(request, tb_frame)
        if (
            request is not None
            and self.is_active(request)
            and carries_a_submission(request)
        ):
            return [(name, self.cleansed_substitute) for name, _ in variables]
        return variables


class HealthDataExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        files = data.get("request_FILES_items")
        if files is not None:
            # Always: an error can come before a view marks its request.
            hidden = self.filter.cleansed_substitute
            data["request_FILES_items"] = [(name, hidden) for name, _ in files]
        return data
