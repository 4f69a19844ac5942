"""The Content-Security-Policy header (Django 5.2 has none built in; this is all it takes), and
the methods public pages take."""

from django.conf import settings
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
