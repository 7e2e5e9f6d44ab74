from django.urls import path

from tending.insights import review_views, views

app_name = "insights"

urlpatterns = [
    path("", views.index, name="index"),
]

# The weekly review and the report to share with a supporter.
urlpatterns += [
    path("week/", review_views.week_latest, name="week_latest"),
    path("week/<str:week>/", review_views.week, name="week"),
    path("report/", review_views.report, name="report"),
    path("report/pdf/", review_views.report_pdf, name="report_pdf"),
]
