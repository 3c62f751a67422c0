"""People. Everyone logs in with an e-mail address; roles come from memberships in a municipality."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdentityLevel(models.IntegerChoices):
    """How sure we are who the person is. Actions ask for a minimum level (see MethodManifest.min_identity_level).

    services.identity_level_raise() raises it and never lowers it; only erasing the account resets it. Today a
    confirmed e-mail address gives EMAIL; IN_PERSON is for staff who have checked an ID document at the service
    centre (no page for it yet).

    SUBSTANTIAL comes from an e-ID login (BankID, Freja eID) through the municipality's OpenID Connect broker:
    the app `identity` verifies the ID token, finds the account by a keyed hash of the personal identity number
    (never stored in plain text), links or creates it, and calls identity_level_raise with the level the
    provider's level of assurance maps to (docs/identity.md).
    """

    NONE = 0, _("Not confirmed")
    EMAIL = 1, _("Confirmed e-mail address")
    IN_PERSON = 2, _("Identity checked in person")
    SUBSTANTIAL = 3, _("E-identification")


def identity_level_used_field():
    """The identity level a person had when they did something that counts (signed, voted, sent input, answered):
    stored on the record of the action, so raising the person's level later leaves it as it was. NULL means not
    recorded (rows from before the level was kept, and records staff entered from paper). Set it with
    accounts.services.identity_level_of(user); show it with identity_level_text()."""
    return models.PositiveSmallIntegerField(
        _("identity level used"), choices=IdentityLevel.choices, null=True, blank=True, editable=False
    )


def identity_level_text(level):
    """The level an action used, in words; "Not recorded" for rows from before it was kept."""
    if level is None or level not in IdentityLevel.values:
        return _("Not recorded")
    return IdentityLevel(level).label


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, identity_level=IdentityLevel.EMAIL)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    identity_level = models.PositiveSmallIntegerField(
        _("identity level"), choices=IdentityLevel.choices, default=IdentityLevel.NONE
    )
    # Skyddade personuppgifter: set by a registrar or administrator (privacy); the name and contact details are then
    # never shown to anyone else (accounts.identity.display_name), only to the person and in their register extract.
    protected_identity = models.BooleanField(_("protected identity"), default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use Django's admin (superusers only).")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()
    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    def roles_in(self, municipality):
        """The roles this person holds in `municipality` (cached per request object)."""
        if municipality is None:
            return frozenset()
        cache = self.__dict__.setdefault("_roles_cache", {})
        if municipality.pk not in cache:
            cache[municipality.pk] = frozenset(
                self.memberships.filter(municipality=municipality).values_list("role", flat=True)
            )
        return cache[municipality.pk]

    def has_role(self, municipality, *roles):
        return bool(self.roles_in(municipality) & set(roles))

    def is_staff_of(self, municipality):
        return bool(self.roles_in(municipality))


class TwoFactor(models.Model):
    """A person's authenticator app (TOTP, RFC 6238): the shared secret and the last time step a code was used.

    A row is made when the person confirms the app with a code (until then the secret lives in their session
    only); `confirmed_at` says when. `last_step` refuses a code used again (replay) and any code older than the
    last one used.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    # the shared secret, encrypted with a key derived from SECRET_KEY (sealing.py); read and set it as `secret`
    secret_sealed = models.CharField(max_length=255)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("two-step verification")
        verbose_name_plural = _("two-step verifications")

    def __str__(self):
        return str(self.user)

    @property
    def secret(self):
        from .sealing import opened

        return opened(self.secret_sealed)

    @secret.setter
    def secret(self, plain):
        from .sealing import sealed

        self.secret_sealed = sealed(plain)


class RecoveryCode(models.Model):
    """A one-time code for a lost phone. `selector` (the code's first characters) finds the row; the rest is
    checked against `code_hash`, a salted slow hash like a password's, so the table alone gives no code."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    selector = models.CharField(max_length=8)
    code_hash = models.CharField(max_length=128)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        indexes = [models.Index(fields=["user", "selector"], name="recoverycode_user_selector")]

    def __str__(self):
        return f"{self.user} {self.selector}…"


class LoginSession(models.Model):
    """A login of the person that may still be open: its session, since when, how and in which browser. My pages
    lists them and can end every other one (OWASP ASVS 3.3.4). A row goes at logout, when its session has ended
    (services_sessions checks when listing), or when the person ends it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    how = models.CharField(max_length=30, blank=True)  # login_steps.AUTH_FACTORS: "password+totp", "e-id", …
    browser = models.CharField(max_length=200, blank=True)  # the start of the browser's User-Agent

    class Meta:
        verbose_name = _("login")
        verbose_name_plural = _("logins")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.user}: {self.started_at:%Y-%m-%d %H:%M}"
