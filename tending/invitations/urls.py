from django.urls import path

from tending.invitations import reset, views

app_name = "invitations"

urlpatterns = [
    path("settings/invitations/", views.manage, name="manage"),
    path("settings/invitations/<int:invite_id>/withdraw/", views.withdraw, name="withdraw"),
    path("invite/<str:invite_link>/", views.accept, name="accept"),
    path("login/forgot/", reset.ForgotView.as_view(), name="forgot"),
    path("login/forgot/sent/", reset.ForgotSentView.as_view(), name="forgot_sent"),
    path("login/reset/done/", reset.ResetDoneView.as_view(), name="reset_done"),
    path("login/reset/<str:uidb64>/<str:reset_token>/", reset.ResetView.as_view(), name="reset"),
]
