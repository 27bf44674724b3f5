"""Every layout the workbench reads, in the order detection tries them."""

from workbench.transcripts.base import Layout
from workbench.transcripts.layouts.teams_docx import TeamsDocx
from workbench.transcripts.layouts.teams_docx_legacy import TeamsDocxLegacy
from workbench.transcripts.layouts.teams_vtt import TeamsVtt
from workbench.transcripts.layouts.teams_vtt_legacy import TeamsVttLegacy
from workbench.transcripts.layouts.verbatim import Verbatim

LAYOUTS: tuple[Layout, ...] = (
    TeamsVtt(),
    TeamsVttLegacy(),
    TeamsDocxLegacy(),
    TeamsDocx(),
    Verbatim(),
)
