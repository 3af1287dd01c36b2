from django.urls import path

from nghiquyet.programmes import views

app_name = "programmes"

urlpatterns = [
    path("resolutions/<int:resolution_id>/programmes/", views.programme_list, name="list"),
    path("resolutions/<int:resolution_id>/programmes/import/", views.import_upload,
         name="import_upload"),
    path("programmes/drafts/<int:draft_id>/", views.import_review, name="import_review"),
    path("programmes/drafts/<int:draft_id>/discard/", views.import_discard,
         name="import_discard"),
    path("programmes/<int:programme_id>/", views.programme_detail, name="detail"),
    path("programmes/<int:programme_id>/timeline/", views.programme_timeline, name="timeline"),
    path("programmes/<int:programme_id>/progress/", views.programme_progress, name="progress"),
    path("programmes/<int:programme_id>/items/new/", views.item_create, name="item_create"),
    path("programmes/items/<int:item_id>/", views.item_detail, name="item"),
    path("programmes/items/<int:item_id>/update/", views.item_update, name="item_update"),
    path("programmes/items/<int:item_id>/edit/", views.item_edit, name="item_edit"),
    path("programmes/items/<int:item_id>/milestones/<int:milestone_id>/reached/",
         views.milestone_reach, name="milestone_reach"),
    path("programmes/items/<int:item_id>/<str:action>/", views.item_action, name="item_action"),
    path("programmes/evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path("my-tasks/", views.my_tasks, name="my_tasks"),
    path("programmes/overdue/", views.overdue, name="overdue"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:notification_id>/", views.notification_open,
         name="notification_open"),
]
