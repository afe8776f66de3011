from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from accounts.forms import AdminSignInForm
from accounts.models import User

# Admin sign-in failures count toward the same locks as the site's sign-in.
admin.site.login_form = AdminSignInForm


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "name"]


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    list_display = ["email", "name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name"]
    ordering = ["email"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["name"]}),
        (
            "Permissions",
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "name",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]

    def get_deleted_objects(self, objs, request):
        """Name only the accounts on the delete page, not what goes with them.

        Their applications, notes, contacts, results and the rest are private:
        the page counts them in its summary but never shows their text.
        """
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        accounts = [item for item in deleted if not isinstance(item, list)]
        return accounts, counts, perms_needed, protected
