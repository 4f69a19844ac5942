"""The Content-Security-Policy header (Django 5.2 has none built in; this is all it takes), the
methods public pages take, and the page of a locked-out login."""

import math
from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def read_only(view):
    """A public page: GET and HEAD, anything else 405. Exempt from the CSRF check, which ran first
    and answered 403 to methods the page never takes; a page that takes no unsafe method has
    nothing for it to protect."""
    return csrf_exempt(require_safe(view))


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = (
                settings.CONTENT_SECURITY_POLICY_ADMIN if admin else settings.CONTENT_SECURITY_POLICY
            )
        return response


def chinese_duration(duration: timedelta) -> str:
    """'1 小时', '30 分钟', '1 天 2 小时': whole minutes, rounded up (a lock never ends earlier
    than it says)."""
    minutes = max(1, math.ceil(duration.total_seconds() / 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "天"), (hours, "小时"), (minutes, "分钟")]
    return " ".join(f"{n} {unit}" for n, unit in parts if n)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): an admin page in Chinese
    that says for how long, instead of a line of English without it."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit
    from django.contrib import admin

    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": "登录已暂停",
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "duration": chinese_duration(cool_off) if cool_off else None,
    }
    return render(request, "admin/locked_out.html", context, status=429)
