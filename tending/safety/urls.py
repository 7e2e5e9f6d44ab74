from django.urls import path

from tending.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.crisis, name="crisis"),
    path("plan/", views.plan, name="plan"),
    path("plan/print/", views.print_plan, name="print"),
    path("plan/add/", views.entry_add, name="entry_add"),
    path("plan/lines/<int:entry_id>/remove/", views.entry_remove, name="entry_remove"),
    path("plan/lines/<int:entry_id>/move/", views.entry_move, name="entry_move"),
    path("plan/people/add/", views.helper_add, name="helper_add"),
    path("plan/people/<int:helper_id>/remove/", views.helper_remove, name="helper_remove"),
    path("plan/people/<int:helper_id>/move/", views.helper_move, name="helper_move"),
    path("numbers/", views.numbers, name="settings"),
    path("numbers/add/", views.line_add, name="line_add"),
    path("numbers/<int:line_id>/remove/", views.line_remove, name="line_remove"),
]
