"""Flask extensions, created unbound and bound in ``create_app`` with ``init_app``."""

import logging
from functools import partial

from flask import Flask, Response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from limits.errors import StorageError
from redis.exceptions import RedisError

from .models import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
log = logging.getLogger(__name__)
# What a shared rate-limit storage raises when it goes away (Redis, and limits' own wrapper).
STORAGE_ERRORS = (RedisError, StorageError, ConnectionError, TimeoutError)


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
        except STORAGE_ERRORS:
            if not (self._in_memory_fallback_enabled and self._storage_dead):
                raise
            self.context.seen_limits.clear()
            return super()._check_request_limit(callable_name, in_middleware)

    def init_app(self, app: Flask) -> None:
        super().init_app(app)
        # The same race on the rate-limit headers (their reset time is read from the storage).
        # Flask-Limiter registers its private header hook as a partial; wrap that one hook.
        private = getattr(Limiter, "_Limiter__inject_headers", None)
        hooks = app.after_request_funcs.setdefault(None, [])
        wrapped = 0
        for index, hook in enumerate(hooks):
            if isinstance(hook, partial) and hook.func is private and hook.args[:1] == (self,):
                hooks[index] = partial(self._headers_or_none_during_switch, hook)
                wrapped += 1
        if not wrapped and self.enabled and self._headers_enabled:
            log.warning(
                "Flask-Limiter's header hook was not found (a new Flask-Limiter?): a request "
                "caught by a switch to the in-memory fallback may answer 500 while writing "
                "rate-limit headers"
            )

    def _headers_or_none_during_switch(self, inject: partial, response: Response) -> Response:
        try:
            return inject(response)
        except STORAGE_ERRORS:
            if not (self._in_memory_fallback_enabled and self._storage_dead):
                raise
            return response  # this one response goes without rate-limit headers


limiter = FallbackSafeLimiter(key_func=get_remote_address)
