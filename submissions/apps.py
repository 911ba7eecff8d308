from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Public submissions")

    def ready(self):
        # Imported here, not at the top: apps.py is read before any model exists.
        from submissions import forms, views
        from submissions.models import DifficultyReportFormPage, NominationFormPage, SubmissionFormPage

        # The form pages' forms and views build on the submission models, so the models cannot
        # import them: each page type is given its form and views here (submissions/models.py).
        NominationFormPage.form_class = forms.NominationForm
        DifficultyReportFormPage.form_class = forms.DifficultyReportForm
        SubmissionFormPage.serve_form = views.serve_form
        SubmissionFormPage.serve_thanks = views.serve_thanks
