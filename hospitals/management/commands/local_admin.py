"""Create (or keep) a superuser for local use and print how to log in.

The password is generated once and kept in var/local-admin.txt (git-ignored), so running the
set-up again prints the same login. Refuses to run with debug off: production accounts are made
with `createsuperuser`.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "为本地使用创建管理员账号并打印登录信息。Create a local admin login and print it."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("local_admin is for local use only (DJANGO_DEBUG is off); use createsuperuser.")
        secret_file = settings.VAR_DIR / "local-admin.txt"
        if secret_file.exists():
            password = secret_file.read_text(encoding="utf-8").strip()
        else:
            password = secrets.token_urlsafe(12)
            secret_file.write_text(password + "\n", encoding="utf-8")
            secret_file.chmod(0o600)
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=USERNAME, defaults={"is_staff": True, "is_superuser": True})
        if not user.check_password(password) or not user.is_superuser:
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        self.stdout.write(f"管理后台 admin: http://127.0.0.1:8000/admin/  用户名 user: {USERNAME}  密码 password: {password}")
