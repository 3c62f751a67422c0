"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/surveys/."""

from django.urls import path

from .views import builder, evaluation, invitations, paper, preview, results

urlpatterns = [
    path("", builder.index, name="index"),
    path("kopiera/", builder.copy, name="copy"),
    path("installningar/", builder.settings, name="settings"),
    path("sidor/ny/", builder.section_add, name="section_add"),
    path("sidor/<int:section_id>/", builder.section_edit, name="section_edit"),
    path("sidor/<int:section_id>/ta-bort/", builder.section_remove, name="section_remove"),
    path("sidor/<int:section_id>/flytta/", builder.section_move, name="section_move"),
    path("sidor/<int:section_id>/ny-fraga/", builder.question_add, name="question_add"),
    path("fragor/<int:question_id>/", builder.question_edit, name="question_edit"),
    path("fragor/<int:question_id>/ta-bort/", builder.question_remove, name="question_remove"),
    path("fragor/<int:question_id>/flytta/", builder.question_move, name="question_move"),
    path("forhandsvisa/", preview.start, name="preview"),
    path("forhandsvisa/<int:index>/", preview.page, name="preview_page"),
    path("forhandsvisa/om-dig/", preview.about, name="preview_about"),
    path("forhandsvisa/granska/", preview.check, name="preview_check"),
    path("inbjudningar/", invitations.index, name="invitations"),
    path("inbjudningar/paminn/", invitations.remind, name="invitations_remind"),
    path("inbjudningar/medborgarpanelen/", invitations.from_sample, name="invitations_from_sample"),
    path("inbjudningar/deltagarna/", evaluation.invite_participants, name="invite_participants"),
    path("utvarderingsenkat/anvand/", evaluation.template_use, name="evaluation_template_use"),
    path("utvarderingsenkat/standard/", evaluation.template_default, name="evaluation_template_default"),
    path("papper/", paper.entry, name="paper"),
    path("resultat/", results.results, name="results"),
    path("resultat/publicera/", builder.publish, name="publish"),
    path("resultat/fritext/", results.texts, name="texts"),
    path("resultat/grupper/", results.groups, name="groups"),
    path("resultat/resultat.csv", results.export_csv, name="export_csv"),
    path("resultat/resultat.xlsx", results.export_xlsx, name="export_xlsx"),
    path("resultat/svar.csv", results.responses_csv, name="responses_csv"),
]
