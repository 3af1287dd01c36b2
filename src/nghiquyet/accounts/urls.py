from django.urls import path

from nghiquyet.accounts import views

app_name = "accounts"
urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/<int:user_id>/", views.person, name="person"),
    path("people/<int:user_id>/roles/<int:assignment_id>/revoke/", views.role_revoke,
         name="role_revoke"),
    path("people/<int:user_id>/<str:action>/", views.person_action, name="person_action"),
    path("account/password/", views.password_change, name="password_change"),
    path("account/reset/<uidb64>/<token>/", views.ResetConfirmView.as_view(),
         name="reset_confirm"),
]
