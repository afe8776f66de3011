from datetime import UTC

import factory

from accounts.models import User

PASSWORD = "a-long-and-unusual-passphrase-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A bare row: use tracker.services.application_create when the first
    status change must be recorded too."""

    class Meta:
        model = "tracker.Application"
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    company = factory.Faker("company")
    role_title = factory.Faker("job")


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.StatusChange"

    application = factory.SubFactory(ApplicationFactory)
    from_status = ""
    to_status = "saved"


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Interview"

    application = factory.SubFactory(ApplicationFactory)
    kind = "interview"
    starts_at = factory.Faker("future_datetime", tzinfo=UTC)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Contact"

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Faker("name")
    email = factory.Faker("email")


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Note"

    application = factory.SubFactory(ApplicationFactory)
    body = factory.Faker("sentence")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Document"

    owner = factory.SubFactory(UserFactory)
    kind = "resume"
    label = factory.Sequence(lambda n: f"Resume v{n}")
    file = factory.django.FileField(filename="resume.txt", data=b"Plain text resume\n")
    original_name = "resume.txt"
    content_type = "text/plain; charset=utf-8"
    size = 18
