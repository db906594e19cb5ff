"""Flask extensions, created unbound and bound in ``create_app`` with ``init_app``."""

from functools import partial

from flask import Flask, Response
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from .models import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()


class FallbackSafeLimiter(Limiter):
    """Flask-Limiter whose switch to its in-memory fallback is safe under concurrent requests.

    Flask-Limiter (4.1) checks and sets its "storage is dead" flag without a lock. When the shared
    storage goes away, the first failing request switches to the in-memory fallback; a request
    already talking to the dead storage on another thread then finds the flag set and re-raises its
    connection error as a 500 (seen in tests/test_scale_faults.py under four concurrent
    submitters). Here such a request is checked again, against the fallback it should have used.
    """

    def _check_request_limit(self, callable_name: str | None = None, in_middleware: bool = True):
        try:
            return super()._check_request_limit(callable_name, in_middleware)
        except RateLimitExceeded:
            raise
        except Exception:
            if not (self._in_memory_fallback_enabled and self._storage_dead):
                raise
            self.context.seen_limits.clear()
            return super()._check_request_limit(callable_name, in_middleware)

    def init_app(self, app: Flask) -> None:
        super().init_app(app)
        # The same race on the rate-limit headers (their reset time is read from the storage).
        # Flask-Limiter registers its private header hook as a partial; wrap that one hook.
        hooks = app.after_request_funcs.setdefault(None, [])
        for index, hook in enumerate(hooks):
            if isinstance(hook, partial) and hook.func is Limiter._Limiter__inject_headers:
                hooks[index] = partial(self._headers_or_none_during_switch, hook)

    def _headers_or_none_during_switch(self, inject: partial, response: Response) -> Response:
        try:
            return inject(response)
        except Exception:
            if not (self._in_memory_fallback_enabled and self._storage_dead):
                raise
            return response  # this one response goes without rate-limit headers


limiter = FallbackSafeLimiter(key_func=get_remote_address)
