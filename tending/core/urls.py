from django.contrib.auth import views as auth_views
from django.urls import path

from tending.core import views
from tending.pwa.leaving import forgets_the_device

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("welcome/", views.welcome, name="welcome"),
    path("login/", views.LoginView.as_view(), name="login"),
    # Logging out also clears what tending kept on the device (tending/pwa/leaving.py).
    path("logout/", forgets_the_device(auth_views.LogoutView.as_view()), name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/password/", views.PasswordChangeView.as_view(), name="password"),
]
