from django import forms
from django.contrib import admin

from .forms import OidcConfigurationForm
from .models import OidcConfiguration, PersonalIdentity


class OidcConfigurationAdminForm(forms.ModelForm):
    client_secret = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Leave empty to keep the saved secret; it is never shown.",
    )

    issuer = forms.URLField(assume_scheme="https")

    class Meta:
        model = OidcConfiguration
        fields = ["municipality", "kind", *OidcConfigurationForm.Meta.fields]  # the staff page's fields

    def clean_client_secret(self):
        return self.cleaned_data["client_secret"] or self.instance.client_secret


@admin.register(OidcConfiguration)
class OidcConfigurationAdmin(admin.ModelAdmin):
    form = OidcConfigurationAdminForm
    list_display = ("municipality", "kind", "issuer", "client_id", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(PersonalIdentity)
class PersonalIdentityAdmin(admin.ModelAdmin):
    """Which accounts have an e-ID; the hash is not shown (it says nothing to a person, and is personal data)."""

    list_display = ("user", "level", "residence_code", "last_used_at")
    fields = ("user", "level", "level_before", "residence_code", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
