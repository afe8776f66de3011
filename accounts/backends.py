"""How a signed-in person is found on each request."""

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend, finding the signed-in person with one plain query.

    Every signed-in page looks its person up by id, and building that lookup
    through the ORM cost three times running it (the largest share of a signed-in
    guide's time after the templates). Signing in, permissions and everything
    else are Django's own.
    """

    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        database = router.db_for_read(model)
        quote = connections[database].ops.quote_name
        sql = (
            f"SELECT * FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} = %s"
        )
        # raw() still converts each column the way the ORM does.
        found = list(model._default_manager.db_manager(database).raw(sql, [pk]))
        if not found:
            return None
        return found[0] if self.user_can_authenticate(found[0]) else None
