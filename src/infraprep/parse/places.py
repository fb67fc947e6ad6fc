"""Places in CV position headers: "Pune, Maharashtra", "Sacramento, CA", "Remote".

A header line often carries the city next to the employer ("R-Systems -
Sacramento, CA -"); without knowing a place when it sees one, the parser reads
the city as the company. A place is recognised by its shape (a capitalised name
then a state or country) or, alone, by being one of the big cities CVs name
without a state; the lists are small sets, so a check costs a few lookups.
"""

from __future__ import annotations

import re

_US_STATES = {  # and the Canadian provinces CVs abbreviate
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "ON", "BC", "QC", "AB",
}  # fmt: skip
_REGIONS = {
    # US states and Canadian provinces spelled out
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
    "wisconsin", "wyoming", "ontario", "quebec", "british columbia", "alberta",
    # Indian states and union territories
    "andhra pradesh", "assam", "bihar", "chhattisgarh", "delhi", "goa", "gujarat", "haryana",
    "himachal pradesh", "jharkhand", "karnataka", "kerala", "madhya pradesh", "maharashtra",
    "odisha", "orissa", "punjab", "rajasthan", "tamil nadu", "telangana", "uttar pradesh",
    "uttarakhand", "west bengal", "chandigarh", "puducherry", "jammu and kashmir",
    # countries
    "india", "usa", "us", "united states", "uk", "united kingdom", "england", "canada",
    "australia", "germany", "france", "netherlands", "ireland", "singapore", "china", "japan",
    "uae", "united arab emirates", "qatar", "saudi arabia", "south africa", "nigeria", "kenya",
    "philippines", "malaysia", "sri lanka", "pakistan", "bangladesh", "nepal", "new zealand",
}  # fmt: skip
# Cities CVs commonly name alone, without their state or country.
_CITIES = {
    "bangalore", "bengaluru", "mumbai", "pune", "hyderabad", "chennai", "delhi", "new delhi",
    "gurgaon", "gurugram", "noida", "kolkata", "ahmedabad", "kochi", "trivandrum", "mysore",
    "coimbatore", "chandigarh", "jaipur", "indore", "nagpur", "london", "new york", "seattle",
    "san francisco", "boston", "chicago", "austin", "toronto", "singapore", "dubai", "sydney",
    "mountain view", "menlo park", "palo alto", "sunnyvale", "cupertino", "redmond",
    "santa clara", "san jose", "berlin", "amsterdam", "dublin", "paris", "munich", "zurich",
    "remote",
}  # fmt: skip
# Words that make a name an organisation's: "McAfee Inc, Canada" is an employer and its
# country, not a city and its country.
ORGANISATION_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|llp|pvt|plc|gmbh|corp|corporation|company|limited|technologies|"
    r"solutions|services|systems|software|consulting|consultancy|labs?|laboratory|group|bank|"
    r"university|"
    r"college|school|institute|hospital|agency|foundation|associates|enterprises|industries|"
    r"international|infotech|networks|communications)\b",
    re.IGNORECASE,
)
# A company's legal form standing alone ("Inc.", "Pvt", "GmbH").
LEGAL_FORM = re.compile(r"^(?:inc|ltd|llc|llp|pvt|plc|gmbh|corp|co)\.?$", re.IGNORECASE)
_PLACE_NAME = r"[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3}"
_REGION = re.compile(rf"^{_PLACE_NAME},\s*(?P<region>[A-Za-z][A-Za-z .]+?)(?:\s+\d{{5,6}})?$")
_TRAILING_PLACE = re.compile(
    rf"(?:^|\s*(?:[-–—|,]\s*|\s+in\s+))(?P<place>{_PLACE_NAME},\s*[A-Za-z][A-Za-z .]*?)"
    r"(?:\s+\d{5,6})?\s*[-–—|]?\s*$"
)

# "Kent OH", "Pittsburgh PA": a US state's code without the comma. Not AB or CO,
# which are also company suffixes ("Volvo AB", "Acme CO").
_STATE_NO_COMMA = re.compile(rf"^{_PLACE_NAME}\s+(?P<state>[A-Z]{{2}})$")
_COMPANY_LIKE_CODES = {"AB", "CO"}

_LAST_SEGMENT = re.compile(r"\s+[-–—|]\s+|,\s*")


def _is_region(text: str) -> bool:
    text = text.strip(" .")
    return text in _US_STATES or text.lower() in _REGIONS


def is_place(text: str) -> bool:
    """True for "Sacramento, CA", "Pune, Maharashtra", "Redwood Shores, CA", "Pune", "India"."""
    text = text.strip(" -–—|,.")
    if not text:
        return False
    if text.lower() in _CITIES or _is_region(text):
        return True
    m = _REGION.match(text)
    if m and _is_region(m.group("region")):
        return not ORGANISATION_WORDS.search(text[: m.start("region")])
    m = _STATE_NO_COMMA.match(text)
    return bool(
        m and m.group("state") in _US_STATES and m.group("state") not in _COMPANY_LIKE_CODES
    )


def strip_place(text: str) -> str:
    """The header text without a trailing place: "R-Systems - Sacramento, CA -" -> "R-Systems".

    Also a place alone after a separator ("Sasken Technologies - Pune"); a text that is
    all place comes back empty.
    """
    text = text.strip(" -–—|,")
    if (aligned := _right_aligned_place(text)) is not None:
        return aligned
    if is_place(text):
        return ""
    m = _TRAILING_PLACE.search(text)
    if m and is_place(m.group("place")):
        return text[: m.start()].strip(" -–—|,")
    parts = _LAST_SEGMENT.split(text)
    if len(parts) > 1 and is_place(parts[-1]):
        return text[: len(text) - len(parts[-1])].strip(" -–—|,")
    return text


def _right_aligned_place(text: str) -> str | None:
    """ "Acme Corp Berlin, Germany", "Texas A&M University College Station, TX": a
    template that right-aligns the place leaves only a space before the city. The
    employer is what is left once the longest city is cut that leaves a name ending
    with an organisation's word, or a city CVs name alone."""
    head, _, region = text.rpartition(",")
    if not head or "," in head or not _is_region(region):
        return None
    words = head.split()
    for k in (3, 2, 1):
        prefix, city = words[:-k], " ".join(words[-k:])
        if not prefix or not all(re.fullmatch(r"[A-Z][A-Za-z.'-]*", w) for w in words[-k:]):
            continue  # a city is capitalised words: "Group; Wayne" is no city
        if LEGAL_FORM.match(words[-k]):
            continue  # "Pvt. Ltd, Bangalore": "Ltd" starts no city
        if ORGANISATION_WORDS.search(prefix[-1]) or city.lower() in _CITIES:
            return " ".join(prefix).strip(" -–—|,;:")
    return None
