"""Every layout the workbench reads, in the order detection tries them (the first that recognises a file
reads it): the most particular first."""

from workbench.transcripts.base import Layout
from workbench.transcripts.layouts.asr_text import AsrText
from workbench.transcripts.layouts.markdown import Markdown
from workbench.transcripts.layouts.meet_text import MeetText
from workbench.transcripts.layouts.meet_vtt import MeetVtt
from workbench.transcripts.layouts.otter import Otter
from workbench.transcripts.layouts.rev import Rev
from workbench.transcripts.layouts.srt import Srt
from workbench.transcripts.layouts.teams_docx import TeamsDocx
from workbench.transcripts.layouts.teams_docx_legacy import TeamsDocxLegacy
from workbench.transcripts.layouts.teams_vtt import TeamsVtt
from workbench.transcripts.layouts.teams_vtt_legacy import TeamsVttLegacy
from workbench.transcripts.layouts.timestamped import Timestamped
from workbench.transcripts.layouts.verbatim import Verbatim
from workbench.transcripts.layouts.webvtt_plain import WebVttPlain
from workbench.transcripts.layouts.zoom_vtt import ZoomVtt

LAYOUTS: tuple[Layout, ...] = (
    TeamsVtt(),
    MeetVtt(),
    TeamsVttLegacy(),
    ZoomVtt(),
    WebVttPlain(),
    Srt(),
    TeamsDocxLegacy(),
    Markdown(),
    Otter(),
    TeamsDocx(),
    Rev(),
    MeetText(),
    AsrText(),
    Verbatim(),
    Timestamped(),
)
