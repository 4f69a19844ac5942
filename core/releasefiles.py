"""Release files (manage.py release) served by WhiteNoise under /data/files/: streamed from
disk with ranges, ETags and caching, never read whole into a view. Unlike static files, releases
appear while the server runs, so this directory is looked up per request (WhiteNoise's
autorefresh) instead of scanned once at start."""

from django.conf import settings
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware

RELEASE_URL = "/data/files/"


class ReleaseFilesMiddleware(WhiteNoiseMiddleware):
    def __init__(self, get_response=None):
        self.get_response = get_response
        # A release's files never change once its folder exists (a new release is a new
        # version), but a client should still see a re-made one within the hour.
        WhiteNoise.__init__(self, None, autorefresh=True, max_age=3600)
        self.use_finders, self.static_prefix = False, RELEASE_URL  # no static files here
        self.add_files(str(settings.RELEASES_DIR), prefix=RELEASE_URL)

    def __call__(self, request):
        path = request.path_info
        # Folders starting with a dot are releases still being written.
        if path.startswith(RELEASE_URL) and "/." not in path:
            static_file = self.find_file(path)
            if static_file is not None:
                return self.serve(static_file, request)
        return self.get_response(request)
