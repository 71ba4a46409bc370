import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, the thesaurus, the stemmers' tables) lives as long as the
# worker: keep it out of the garbage collector's full passes, which otherwise cost ~60 ms
# every few searches (see bench_search --gc-freeze).
gc.collect()
gc.freeze()
