"""django-axes as the editors see it in the admin: in Chinese.

Its models' and fields' names are translated in config/locale/; what it spells in code (the app
name, two admin columns, an action's message, the records' names) is set here.
"""

from axes.apps import AppConfig as BaseAxesConfig
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format


def _when(value) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else "—"


class AxesConfig(BaseAxesConfig):
    verbose_name = "登录保护"

    def ready(self):
        super().ready()
        from axes import admin as axes_admin
        from axes.conf import settings
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = lambda self: f"{self.username or '（无用户名）'} 于 {_when(self.attempt_time)} 的登录尝试"
        AccessFailureLog.__str__ = lambda self: (
            f"{self.username or '（无用户名）'} 于 {_when(self.attempt_time)} 登录失败{'（已锁定）' if self.locked_out else ''}")
        AccessLog.__str__ = lambda self: f"{self.username or '（无用户名）'} 于 {_when(self.attempt_time)} 登录"

        class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
            @admin.display(description="状态")
            def status(self, obj):
                return super().status(obj)

            @admin.display(description="过期时间")
            def expiration(self, obj):
                return super().expiration(obj)

            @admin.action(description="清除过期的登录尝试")
            def cleanup_expired_attempts(self, request, queryset):
                count = self.handler.clean_expired_user_attempts(request=request)
                self.message_user(request, f"已清除 {count} 条过期的登录尝试。", messages.SUCCESS)

        if settings.AXES_ENABLE_ADMIN and admin.site.is_registered(AccessAttempt):
            admin.site.unregister(AccessAttempt)
            admin.site.register(AccessAttempt, AccessAttemptAdmin)
