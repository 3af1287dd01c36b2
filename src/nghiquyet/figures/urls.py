from django.urls import path

from nghiquyet.figures import views, views_assign

app_name = "figures"

urlpatterns = [
    path("resolutions/<int:resolution_id>/entry/", views.entry, name="entry"),
    path("resolutions/<int:resolution_id>/entry/cell/", views.entry_cell, name="entry_cell"),
    path("resolutions/<int:resolution_id>/approvals/", views.approvals, name="approvals"),
    path("resolutions/<int:resolution_id>/approvals/unit/", views.approve_unit,
         name="approve_unit"),
    path("resolutions/<int:resolution_id>/exchange/", views.exchange, name="exchange"),
    path("resolutions/<int:resolution_id>/exchange/upload/", views.exchange_upload,
         name="exchange_upload"),
    path("resolutions/<int:resolution_id>/submit/", views.submit_all, name="submit_all"),
    path("resolutions/<int:resolution_id>/assignments/", views_assign.assignment_page,
         name="assignments"),
    path("resolutions/<int:resolution_id>/assignments/<int:assignment_id>/remove/",
         views_assign.assignment_remove, name="assignment_remove"),
    path("resolutions/<int:resolution_id>/assignments/series/<int:series_id>/level/",
         views_assign.assignment_level, name="assignment_level"),
    path("values/<int:value_id>/submit/", views.value_submit, name="value_submit"),
    path("values/<int:value_id>/clear/", views.value_clear, name="value_clear"),
    path("values/<int:value_id>/evidence/", views.value_evidence, name="value_evidence"),
    path("values/<int:value_id>/history/", views.value_history, name="value_history"),
    path("values/<int:value_id>/restore/<int:event_id>/", views.value_restore,
         name="value_restore"),
    path("values/<int:value_id>/<str:decision>/", views.value_decide, name="value_decide"),
]
