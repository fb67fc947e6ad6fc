"""parse: Document -> Profile (a CV) or Posting (a job description)."""

from infraprep.parse.posting import parse_posting
from infraprep.parse.profile import parse_profile

__all__ = ["parse_posting", "parse_profile"]
