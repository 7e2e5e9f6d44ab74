from django.urls import path

from tending.mirror import respond, views

app_name = "mirror"

urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("new/", views.round_new, name="round_new"),
    path("<int:round_id>/", views.round_detail, name="round"),
    path("<int:round_id>/invite/", views.invite, name="invite"),
    path("<int:round_id>/code/", views.add_code, name="add_code"),
    path("<int:round_id>/close/", views.close, name="close"),
    path("<int:round_id>/reopen/", views.reopen, name="reopen"),
    path("<int:round_id>/delete/", views.round_delete, name="round_delete"),
    path("<int:round_id>/links/<int:invitation_id>/sheet/", views.sheet, name="sheet"),
    path("<int:round_id>/links/<int:invitation_id>/withdraw/", views.withdraw, name="withdraw"),
    path(
        "<int:round_id>/links/<int:invitation_id>/device/",
        respond.device_start,
        name="device_start",
    ),
    path("device/", respond.device, name="device"),
    path("device/back/", respond.device_leave, name="device_leave"),
    # The one page a stranger can write to: a private link (tending.mirror.respond).
    path("answer/<str:link>/", respond.respond, name="respond"),
    path("thanks/", respond.thanks, name="thanks"),
]
