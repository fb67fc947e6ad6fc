"""infraprep: CV + job description -> a tailored interview-prep report, offline."""

__version__ = "0.1.0"
