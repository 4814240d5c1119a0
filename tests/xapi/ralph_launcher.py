"""Serve Ralph's LRS API on 127.0.0.1:PORT as one process (run by Ralph's own venv, not the project's).

Ralph's file backend creates its file once and then refuses every later write;
appending instead makes it a working LRS for tests.
"""

import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402 - after the backend is set up

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
