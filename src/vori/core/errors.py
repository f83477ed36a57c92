"""Expected business errors: each maps to one HTTP status and a clear message, never a 500."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


class VoriError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(VoriError):
    status_code = 404
    code = "not_found"


class Conflict(VoriError):
    status_code = 409
    code = "conflict"


def _body(code: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"code": code, "message": message, **extra}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VoriError)
    async def _vori_error(_: Request, exc: VoriError) -> JSONResponse:
        return JSONResponse(_body(exc.code, exc.message), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": list(err.get("loc", ())), "message": err.get("msg", "")} for err in exc.errors()
        ]
        summary = "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['message']}" for d in details)
        return JSONResponse(
            _body("invalid_request", f"invalid request: {summary}", details=details), status_code=422
        )
