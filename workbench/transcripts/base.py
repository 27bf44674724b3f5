"""The one interface every transcript layout implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from workbench.transcripts.model import RawTranscript


class Layout(ABC):
    """A transcript layout: recognised by content, parsed into fragments."""

    name: str

    @abstractmethod
    def recognise(self, lines: Sequence[str]) -> bool:
        """Whether these lines are in this layout."""

    @abstractmethod
    def parse(self, lines: Sequence[str]) -> RawTranscript:
        """Fragments and metadata; raises ValueError if the lines do not fit."""
