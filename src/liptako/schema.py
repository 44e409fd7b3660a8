"""The data contracts: one definition per record kind, shared by loaders, validation and tests.

`data/README.md` is the prose version of this module; keep them in step.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator


class Country(StrEnum):
    MLI = "MLI"
    BFA = "BFA"
    NER = "NER"


class EventType(StrEnum):
    COUP = "coup"
    ATTEMPTED_COUP = "attempted_coup"
    AGREEMENT = "agreement"
    TREATY = "treaty"
    WITHDRAWAL = "withdrawal"
    SANCTION = "sanction"
    TRANSITION = "transition"
    SECURITY_INCIDENT = "security_incident"
    MILITARY_OPERATION = "military_operation"
    DIPLOMATIC = "diplomatic"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class PlaceKind(StrEnum):
    CAPITAL = "capital"
    REGIONAL_CAPITAL = "regional_capital"
    TOWN = "town"
    VILLAGE = "village"
    SITE = "site"


class PlacePrecision(StrEnum):
    """How exact an event's coordinates are."""

    SITE = "site"  # the village, camp or site itself
    TOWN = "town"  # the town, or the nearest town a source names
    AREA = "area"  # only an area is known: a point inside it
    CAPITAL = "capital"  # a political act, placed at the capital where it took place


class ActorKind(StrEnum):
    JIHADIST_GROUP = "jihadist_group"
    REBEL_GROUP = "rebel_group"
    STATE_FORCE = "state_force"
    MILITIA = "militia"
    FOREIGN_FORCE = "foreign_force"
    INTERNATIONAL_FORCE = "international_force"
    REGIONAL_BODY = "regional_body"


class RuleKind(StrEnum):
    MILITARY = "military"
    TRANSITIONAL = "transitional"


class ProvisionStatus(StrEnum):
    VERIFIED = "verified"
    PARTIAL = "partial"
    NOT_FOUND = "not_found"


class TextStatus(StrEnum):
    FULL_TEXT_PUBLIC = "full_text_public"
    PARTIAL = "partial"
    NOT_FOUND = "not_found"


class Theme(StrEnum):
    DEFENCE = "defence"
    TERRORISM = "terrorism"
    SECURITY = "security"
    SOVEREIGNTY = "sovereignty"
    INSTITUTIONS = "institutions"
    ACCESSION = "accession"
    WITHDRAWAL = "withdrawal"
    ECONOMY = "economy"
    MOVEMENT = "movement"
    DEVELOPMENT = "development"
    FINANCE = "finance"
    DISPUTE_SETTLEMENT = "dispute_settlement"
    FINAL_CLAUSES = "final_clauses"
    CULTURE = "culture"


REGION_ID = re.compile(r"^(ML-(\d|BKO)|BF-\d\d|NE-\d)$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not a lowercase id (letters, digits, '-', '_')")
    return value


def _region_id(value: str) -> str:
    if not REGION_ID.match(value):
        raise ValueError(f"{value!r} is not an admin-1 ISO 3166-2 code such as ML-7, BF-12 or NE-6")
    return value


def _url(value: str) -> str:
    if not URL.match(value):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
RegionId = Annotated[str, AfterValidator(_region_id)]
Text = Annotated[str, AfterValidator(_text)]
Url = Annotated[str, AfterValidator(_url)]


class Record(BaseModel):
    """Strict base: unknown fields are errors, so a typo in a column name is caught.

    Checks across fields (model validators) start their message with the field to blame, `"field: why"`, so that
    a defect still names its field."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class UnitProps(Record):
    """What every first-level unit drawn on a map has, on the reference map or on today's."""

    country: Country
    name_fr: Text
    name_en: Text
    type_fr: Text
    type_en: Text
    capital: Text
    area_km2: float = Field(gt=0)


class RegionProps(UnitProps):
    id: RegionId
    hasc: str = ""


class ProvinceProps(Record):
    id: Annotated[str, Field(pattern=r"^BF-[A-Z]{3}$")]
    region_id: RegionId
    country: Country
    name_fr: Text
    name_en: Text
    capital: Text
    area_km2: float = Field(gt=0)
    hasc: str = ""


TODAY_ID = re.compile(r"^(BF25-[A-Z]+|NE-\d)$")


def _today_id(value: str) -> str:
    if not TODAY_ID.match(value):
        raise ValueError(f"{value!r} is not an id of today's units such as BF25-LIPTAKO or NE-6")
    return value


TodayId = Annotated[str, AfterValidator(_today_id)]


class TodayUnitProps(UnitProps):
    """A feature of `admin_today.geojson`: one first-level unit as it is today (issue 17)."""

    id: TodayId


class TodayUnit(Record):
    """An entry of `admin_today.yaml`: where a unit of today comes from (the act, the reference map's units it is
    made of) and whether its drawn outline is only approximate, and why."""

    id: TodayId
    country: Country
    name_fr: Text
    name_en: Text
    aliases: list[str] = []
    capital: Text
    act_fr: Text
    act_en: Text
    act_date: dt.date | None = None
    change_id: Slug | None = None
    reference_region_ids: list[RegionId] = Field(min_length=1)
    made_of: list[Annotated[str, Field(pattern=r"^(BF-[A-Z]{3}|ML-(\d|BKO)|NE-\d)$")]] = Field(min_length=1)
    provinces_today: list[str] = []
    approximate: bool
    approximate_fr: str = ""
    approximate_en: str = ""
    sources: list[Url] = Field(min_length=1)

    @model_validator(mode="after")
    def _reason_given(self) -> TodayUnit:
        if self.approximate and not (self.approximate_fr and self.approximate_en):
            raise ValueError("approximate_fr: an approximate outline needs its reason, in French and in English")
        if not self.approximate and (self.approximate_fr or self.approximate_en):
            raise ValueError("approximate: a reason is given but the unit is not marked approximate")
        return self


class ContextKind(StrEnum):
    COUNTRY = "country"
    RIVER = "river"
    LAKE = "lake"


class ContextProps(Record):
    """A feature of `context.geojson`: a neighbouring country, a river or a lake, drawn around the three countries."""

    id: Annotated[str, Field(pattern=r"^(country-[A-Z]{3}|(river|lake)-[a-z0-9]+(-[a-z0-9]+)*)$")]
    kind: ContextKind
    name_fr: Text
    name_en: Text

    @model_validator(mode="after")
    def _kind_matches_id(self) -> ContextProps:
        if not self.id.startswith(f"{self.kind.value}-"):
            raise ValueError(f"kind: {self.kind.value!r} does not match the id {self.id!r} (its prefix is the kind)")
        return self


class Place(Record):
    id: Slug
    name: Text
    name_en: str = ""
    country: Country
    region_id: RegionId
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    kind: PlaceKind
    population: int | None = Field(default=None, ge=0)
    geonames_id: int | None = None
    source: Text


class Event(Record):
    id: Slug
    date: dt.date
    date_precision: DatePrecision
    end_date: dt.date | None = None
    countries: list[Country] = Field(min_length=1)
    region_ids: list[RegionId] = []
    place: str = ""
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    type: EventType
    title_fr: Text
    title_en: Text
    summary_fr: Text
    summary_en: Text
    people: list[str] = []
    sources: list[Url] = Field(min_length=1)
    provision_ids: list[str] = []
    claim: bool = False
    note_fr: str = ""
    note_en: str = ""
    place_precision: PlacePrecision | None = None
    fatalities_low: int | None = Field(default=None, ge=0)
    fatalities_low_source: Url | None = None
    fatalities_high: int | None = Field(default=None, ge=0)
    """Empty when sources give only a floor ("at least" the low figure)."""
    fatalities_high_source: Url | None = None
    actors: list[Slug] = []

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lon: lat and lon go together; give both or neither")
        if (self.lat is None) != (self.place_precision is None):
            raise ValueError("place_precision: give it with the coordinates, and only then (site, town, area, capital)")
        low, high = self.fatalities_low, self.fatalities_high
        if high is not None and low is None:
            raise ValueError("fatalities_low: a toll starts with its low figure (equal to the high one if single)")
        if low is not None and not self.fatalities_low_source:
            raise ValueError("fatalities_low_source: the low figure needs the URL of its source")
        if high is not None and not self.fatalities_high_source:
            raise ValueError("fatalities_high_source: the high figure needs the URL of its source")
        if low is not None and high is not None and high < low:
            raise ValueError("fatalities_high: the high figure is below the low one")
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError("end_date: the end is before the date")
        if bool(self.note_fr) != bool(self.note_en):
            raise ValueError("note_en: note_fr and note_en go together; give both or neither")
        return self


class Actor(Record):
    """An armed group, a national or foreign force, a militia or a regional body that events name."""

    id: Slug
    name_fr: Text
    name_en: Text
    kind: ActorKind
    description_fr: Text
    description_en: Text
    sources: list[Url] = Field(min_length=1)


class RulePeriod(Record):
    id: Slug
    country: Country
    start: dt.date
    end: dt.date | None = None
    kind: RuleKind
    leader: list[str] = Field(min_length=1)
    label_fr: Text
    label_en: Text
    sources: list[Url] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> RulePeriod:
        if self.end is not None and self.end < self.start:
            raise ValueError("end: the end is before the start")
        return self


ZONE_IDS = ("historical", "extended")
"""The zones the map's zone switch and the region panel are written for: the Authority's first-listed units, and
the extended zone of the revised treaty."""


class Zone(Record):
    id: Slug
    label_fr: Text
    label_en: Text
    since: dt.date | None = None
    unit_ids: list[RegionId] = []
    countries: list[Country] = []
    area_km2_quoted: float | None = None
    area_km2_units: float | None = None
    description_fr: Text
    description_en: Text
    sources: list[Url] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_extent(self) -> Zone:
        if not self.unit_ids and not self.countries:
            raise ValueError("unit_ids: a zone needs unit_ids or countries")
        return self


class AdminChange(Record):
    """A reform newer than the map's boundaries (new or renamed units), shown so the map is not read as current."""

    id: Slug
    country: Country
    date: dt.date
    date_precision: DatePrecision
    title_fr: Text
    title_en: Text
    summary_fr: Text
    summary_en: Text
    new_units: list[str] = Field(min_length=1)
    parent_region_ids: list[RegionId] = Field(min_length=1)
    sources: list[Url] = Field(min_length=1)
    note_fr: str = ""
    note_en: str = ""


class Document(Record):
    id: Slug
    title_fr: Text
    title_en: Text
    date: dt.date
    place: Text
    signatories: list[str] = []
    ratification_fr: str = ""
    ratification_en: str = ""
    summary_fr: Text
    summary_en: Text
    text_status: TextStatus
    sources: list[Url] = Field(min_length=1)


class Provision(Record):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+-(preamble|\d+[a-z]?)$")]
    document: Slug
    number: Text
    title_fr: Text
    title_en: Text
    summary_fr: Text
    summary_en: Text
    quote_fr: str = ""
    quote_source: Url | None = None
    themes: list[Theme] = []
    sources: list[Url] = []
    status: ProvisionStatus
    note_fr: str = ""
    note_en: str = ""

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _consistent(self) -> Provision:
        if self.id != f"{self.document}-{self.number}":
            raise ValueError(f"id: must be '{self.document}-{self.number}' (document-number)")
        if self.quote_fr and not self.quote_source:
            raise ValueError("quote_source: a quote_fr needs its source")
        if self.status is not ProvisionStatus.NOT_FOUND and not self.sources:
            raise ValueError(f"sources: a {self.status.value} provision needs at least one source")
        return self


class SourceEntry(Record):
    """Provenance of one data file, in French and English (the Sources page shows the reader's language); compiled
    files have no single URL and cite a source per row instead. The URL and the access date are shared."""

    title_fr: Text
    title_en: Text
    source_fr: Text
    source_en: Text
    url: Url | None = None
    licence_fr: Text
    licence_en: Text
    accessed: dt.date
    citation_fr: Text
    citation_en: Text
