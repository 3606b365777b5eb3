"""What an output format is: a :class:`Renderer`, with one method per kind of result.

Dispatch is typed and written once. Each result class says which method is its own
(``result.render_with(renderer)`` calls, say, ``renderer.comparison(result)``), so choosing a
renderer needs no result module imported (a comparison's start-up does not pay for the modules
behind search, validate or fit: about 9 ms, benchmarks/README.md) and no class name written as a
string; a format that lacks a method is an abstract class mypy and Python refuse to instantiate.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from rolecmp.compare import Comparison
    from rolecmp.fit import FitResult
    from rolecmp.licensure import LicensureTable
    from rolecmp.listing import Listing
    from rolecmp.path import Move
    from rolecmp.pay import PayRanking
    from rolecmp.profile import Profile
    from rolecmp.search import SearchResult
    from rolecmp.similarity import Nearest
    from rolecmp.sources import SourceList
    from rolecmp.validate import Report

T = TypeVar("T")


class Renderer(ABC, Generic[T]):
    """One output format: how it shows each kind of result."""

    @abstractmethod
    def comparison(self, result: Comparison) -> T: ...

    @abstractmethod
    def profile(self, result: Profile) -> T: ...

    @abstractmethod
    def listing(self, result: Listing) -> T: ...

    @abstractmethod
    def pay_ranking(self, result: PayRanking) -> T: ...

    @abstractmethod
    def licensure_table(self, result: LicensureTable) -> T: ...

    @abstractmethod
    def search_result(self, result: SearchResult) -> T: ...

    @abstractmethod
    def nearest(self, result: Nearest) -> T: ...

    @abstractmethod
    def move(self, result: Move) -> T: ...

    @abstractmethod
    def fit_result(self, result: FitResult) -> T: ...

    @abstractmethod
    def source_list(self, result: SourceList) -> T: ...

    @abstractmethod
    def report(self, result: Report) -> T: ...


class Renderable(Protocol):
    """A result: it hands itself to the renderer's method for its kind."""

    def render_with(self, renderer: Renderer[T]) -> T: ...
