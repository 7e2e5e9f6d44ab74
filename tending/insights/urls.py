from django.urls import path

from tending.insights import chart_views, review_views, views

app_name = "insights"

urlpatterns = [
    path("", views.index, name="index"),
    # Charts over the years.
    path("pulse/", chart_views.pulse, name="pulse"),
    path("circle/", chart_views.circle, name="circle"),
    path("circle/<int:person_id>/", chart_views.closeness, name="closeness"),
    # The weekly review and the report to share with a supporter.
    path("week/", review_views.week_latest, name="week_latest"),
    path("week/<str:week>/", review_views.week, name="week"),
    path("report/", review_views.report, name="report"),
    path("report/pdf/", review_views.report_pdf, name="report_pdf"),
]
