from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "tending.invitations"
    label = "invitations"
    verbose_name = "Invitations and password reset"
