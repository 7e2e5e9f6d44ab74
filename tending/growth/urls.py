from django.urls import path

from tending.growth import brave_views, goal_views, ladder_views, therapy_views, views

app_name = "growth"

urlpatterns = [
    path("", views.home, name="home"),
    # Conversation ladders
    path("ladders/", ladder_views.ladders, name="ladders"),
    path("ladders/start/", ladder_views.ladder_start, name="ladder_start"),
    path("ladders/<int:ladder_id>/", ladder_views.ladder, name="ladder"),
    path("ladders/<int:ladder_id>/stop/", ladder_views.ladder_stop, name="ladder_stop"),
    path("ladders/<int:ladder_id>/delete/", ladder_views.ladder_delete, name="ladder_delete"),
    # Brave steps
    path("brave/", brave_views.brave, name="brave"),
    path("brave/new/", brave_views.brave_new, name="brave_new"),
    path("brave/starters/", brave_views.brave_starters, name="brave_starters"),
    path("brave/<int:step_id>/", brave_views.brave_step, name="brave_step"),
    path("brave/<int:step_id>/outcome/", brave_views.brave_outcome, name="brave_outcome"),
    path("brave/<int:step_id>/aside/", brave_views.brave_aside, name="brave_aside"),
    path("brave/<int:step_id>/delete/", brave_views.brave_delete, name="brave_delete"),
    # Goals
    path("goals/", goal_views.goals, name="goals"),
    path("goals/new/", goal_views.goal_new, name="goal_new"),
    path("goals/<int:goal_id>/", goal_views.goal, name="goal"),
    path("goals/<int:goal_id>/edit/", goal_views.goal_edit, name="goal_edit"),
    path("goals/<int:goal_id>/delete/", goal_views.goal_delete, name="goal_delete"),
    path("goals/<int:goal_id>/steps/", goal_views.goal_step_add, name="goal_step_add"),
    path(
        "goals/<int:goal_id>/steps/<int:goal_step_id>/done/",
        goal_views.goal_step_done,
        name="goal_step_done",
    ),
    path(
        "goals/<int:goal_id>/steps/<int:goal_step_id>/edit/",
        goal_views.goal_step_edit,
        name="goal_step_edit",
    ),
    path(
        "goals/<int:goal_id>/steps/<int:goal_step_id>/delete/",
        goal_views.goal_step_delete,
        name="goal_step_delete",
    ),
    # Therapy companion
    path("therapy/", therapy_views.therapy, name="therapy"),
    path("therapy/new/", therapy_views.session_new, name="session_new"),
    path("therapy/summary/", therapy_views.summary, name="summary"),
    path("therapy/<int:session_id>/", therapy_views.session, name="session"),
    path("therapy/<int:session_id>/delete/", therapy_views.session_delete, name="session_delete"),
    path("therapy/bring-up/", therapy_views.bring_up, name="bring_up"),
    path(
        "therapy/bring-up/<int:bring_up_id>/remove/",
        therapy_views.bring_up_remove,
        name="bring_up_remove",
    ),
]
