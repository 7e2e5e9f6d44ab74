from django.urls import path

from tending.journal import prompt_views, views

app_name = "journal"

# "journal_entry_id", not "entry_id": the safety plan already names its lines entry_id.
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("write/", views.add, name="add"),
    path("search/", views.search, name="search"),
    path("draft/", views.autosave, name="autosave"),
    path("prompts/hide/", prompt_views.hide, name="hide_prompt"),
    path("prompts/hidden/", prompt_views.hidden, name="hidden_prompts"),
    path("prompts/show-again/", prompt_views.unhide, name="unhide_prompt"),
    path("<int:journal_entry_id>/", views.detail, name="detail"),
    path("<int:journal_entry_id>/edit/", views.edit, name="edit"),
    path("<int:journal_entry_id>/delete/", views.delete, name="delete"),
]
