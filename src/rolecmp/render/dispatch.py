"""Choosing a renderer by the result's class name.

``functools.singledispatch`` would need every result class imported up front, and with it the
modules behind every command (search, validate, pay...). Registering by name keeps printing a
comparison from importing any of them (see benchmarks/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ByName(Generic[T]):
    """A function of a result, with one handler per result class name."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.handlers: dict[str, Callable[[Any], T]] = {}

    def register(self, *names: str) -> Callable[[Callable[[Any], T]], Callable[[Any], T]]:
        def add(handler: Callable[[Any], T]) -> Callable[[Any], T]:
            for name in names:
                self.handlers[name] = handler
            return handler
        return add

    def __call__(self, result: Any) -> T:
        try:
            handler = self.handlers[type(result).__name__]
        except KeyError:
            raise TypeError(f"no {self.what} for {type(result).__name__}") from None
        return handler(result)
