import factory

from delaktig.accounts.models import IdentityLevel, User

PASSWORD = "demo-losen-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.se")
    name = factory.Faker("name", locale="sv_SE")
    identity_level = IdentityLevel.EMAIL
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
