from django.contrib.auth import views as auth_views
from django.urls import path

from tending.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("welcome/", views.welcome, name="welcome"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/password/", views.PasswordChangeView.as_view(), name="password"),
]
