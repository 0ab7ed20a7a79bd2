"""Exports: the GDELT 2.0 event table, PLOVER JSON lines, and every table as Parquet/CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from entente.cli import main
from entente.export import EXPORT_TABLES, GDELT_COLUMNS, gdelt_event_id, to_gdelt_rows
from entente.store.database import Store
from tests.test_store import write_inputs

WIRE = (
    "NEW DELHI: India and Russia signed an agreement on Monday to expand oil supplies. "
    "Officials said payments would be settled in rupees."
)
NEGATED = "date 2025-05-01 BEIJING: China did not sign the agreement with India on Monday."
SYNDICATED = [
    {
        "id": "w1",
        "date": "2025-10-06T09:30:00+05:30",
        "outlet": "The Hindu",
        "url": "https://hindu.example/1",
        "text": WIRE,
    },
    {
        "id": "w2",
        "date": "2025-10-06",
        "outlet": "Mint",
        "url": "https://mint.example/1",
        "text": WIRE,
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_inputs(tmp_path_factory.mktemp("in"))
    lines = "".join(json.dumps(r) + "\n" for r in SYNDICATED)
    (folder / "wire.jsonl").write_text(lines, encoding="utf-8")
    (folder / "negated.txt").write_text(NEGATED, encoding="utf-8")
    path = folder.parent / "e.duckdb"
    assert main(["--db", str(path), "code", "--quiet", str(folder)]) == 0
    return path


def export(db: Path, fmt: str, out: Path, *extra: str) -> Path:
    assert main(["--db", str(db), "export", fmt, "-o", str(out), *extra]) == 0
    return out


def read_gdelt(path: Path) -> pd.DataFrame:
    return pd.read_csv(
        path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype={"EventCode": str}
    )


def test_gdelt_has_the_61_columns_of_the_codebook() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:6] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[-10:] == (
        "ActionGeo_Type",
        "ActionGeo_FullName",
        "ActionGeo_CountryCode",
        "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code",
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
        "DATEADDED",
        "SOURCEURL",
    )


def test_gdelt_event_ids_are_stable_int64() -> None:
    n = gdelt_event_id("e_027f1842613d41bb")
    assert n == int("027f1842613d41b", 16)
    assert 0 <= gdelt_event_id("e_ffffffffffffffff") < 2**63


def event_row(source: str, source_country: str | None) -> dict[str, object]:
    return {
        "event_id": "e_00000000000000ff",
        "date": None,
        "article_date": None,
        "published_at": None,
        "source": source,
        "source_name": "Somebody",
        "source_country": source_country,
        "source_sector": None,
        "target": "RUS",
        "target_name": "Russia",
        "target_country": "RUS",
        "target_sector": "GOVMIL",
        "cameo": "111",
        "cameo_root": "11",
        "quad_class": 3,
        "goldstein": -2.0,
        "n_mentions": 1,
        "n_sources": 1,
        "n_articles": 1,
        "tone": None,
        "article_tone": None,
        "source_id": "x.txt",
    }


@pytest.mark.parametrize(
    ("code", "country", "filled"),
    [
        ("UNO", None, {"Actor1KnownGroupCode": "UNO", "Actor1CountryCode": None}),
        ("EUR", None, {"Actor1CountryCode": "EUR", "Actor1KnownGroupCode": None}),
        ("NGO", None, {"Actor1Type1Code": "NGO", "Actor1CountryCode": None}),
        ("IND", "IND", {"Actor1CountryCode": "IND", "Actor1Type1Code": None}),
    ],
)
def test_gdelt_places_bodies_without_a_country(
    code: str, country: str | None, filled: dict[str, str | None]
) -> None:
    (row,) = to_gdelt_rows([event_row(code, country)])
    assert {k: row.get(k) for k in filled} == filled
    assert (row["Actor2Type1Code"], row["Actor2Type2Code"]) == ("GOV", "MIL")
    assert row["SOURCEURL"] == "x.txt"
    assert row["GLOBALEVENTID"] == 0xF  # the first 15 of the 16 hex digits


def test_gdelt_export_loads_with_gdelt_column_names(db: Path, tmp_path: Path) -> None:
    frame = read_gdelt(export(db, "gdelt", tmp_path / "events.export.CSV"))
    with Store(db, read_only=True) as store:
        stored = store.query("SELECT event_id FROM events WHERE factuality = 'asserted'")
    assert frame["GLOBALEVENTID"].is_unique
    assert set(frame["GLOBALEVENTID"]) <= {gdelt_event_id(r["event_id"]) for r in stored}
    tariffs = frame[frame["EventCode"] == "163"].iloc[0]
    assert (tariffs["Actor1Code"], tariffs["Actor2Code"]) == ("USA", "IND")
    assert tariffs["Actor1CountryCode"] == "USA"
    assert (tariffs["SQLDATE"], tariffs["MonthYear"], tariffs["Year"]) == (20250806, 202508, 2025)
    assert tariffs["EventRootCode"] == 16
    assert tariffs["QuadClass"] == 4
    assert tariffs["GoldsteinScale"] == -8.0
    assert tariffs["ActionGeo_CountryCode"] == "US"  # FIPS 10-4, as GDELT
    assert tariffs["ActionGeo_FullName"].startswith("Washington")
    assert tariffs["ActionGeo_Lat"] == pytest.approx(38.9, abs=0.1)
    assert tariffs["DATEADDED"] == 20250806000000
    assert tariffs["SOURCEURL"] == "a.txt"
    with Store(db, read_only=True) as store:
        tone = store.query("SELECT tone FROM events WHERE cameo = '163'")[0]["tone"]
    assert tariffs["AvgTone"] == pytest.approx(tone * 10)
    talks = frame[frame["Actor1Code"] == "INDGOV"].iloc[0]
    assert talks["Actor1Type1Code"] == "GOV"
    assert talks["Actor1Name"] == "NARENDRA MODI"


def test_gdelt_counts_a_syndicated_story_once(db: Path, tmp_path: Path) -> None:
    frame = read_gdelt(export(db, "gdelt", tmp_path / "events.tsv"))
    wire = frame[frame["SOURCEURL"].str.endswith(".example/1")]
    # the deal is one event each way, each once for the two outlets that carried it
    pairs = sorted(zip(wire["Actor1CountryCode"], wire["Actor2CountryCode"], strict=True))
    assert pairs == [("IND", "RUS"), ("RUS", "IND")]
    assert set(wire["NumArticles"]) == set(wire["NumSources"]) == {2}
    assert set(wire["IsRootEvent"]) == {1}


POLECAT = [  # columns of POLECAT's weekly files that entente fills, in snake case
    "event_id",
    "event_date",
    "event_type",
    "event_mode",
    "event_intensity",
    "quad_code",
    "contexts",
    "actor_name",
    "actor_country",
    "primary_actor_sector",
    "actor_sectors",
    "actor_name_raw",
    "recipient_name",
    "recipient_country",
    "primary_recipient_sector",
    "recipient_sectors",
    "recipient_name_raw",
    "placename",
    "province",
    "country",
    "latitude",
    "longitude",
    "raw_placename",
    "source",
    "publication_date",
    "language",
    "version",
]


def test_plover_lines_carry_the_polecat_fields(db: Path, tmp_path: Path) -> None:
    path = export(db, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records
    assert all(set(POLECAT) <= set(r) for r in records)
    tariffs = next(r for r in records if r["cameo"] == "163")
    assert tariffs["event_type"] == "COERCE"
    assert tariffs["quad_code"] == 4
    assert "economic" in tariffs["contexts"]
    assert (tariffs["actor_country"], tariffs["recipient_country"]) == ("USA", "IND")
    assert tariffs["recipient_name_raw"] == "Indian"
    assert tariffs["event_date"] == "2025-08-06"
    assert tariffs["event_text"] == "The United States imposed tariffs on Indian goods."
    assert tariffs["placename"] == "Washington"
    assert tariffs["country"] == "USA"
    assert all(r["event_type"] and r["event_id"].startswith("e_") for r in records)
    talks = next(r for r in records if r["actor_code"] == "INDGOV")
    assert talks["actor_id"] == "narendra-modi"
    assert talks["primary_actor_sector"] == "GOV"
    assert talks["actor_sectors"] == ["GOV"]


def test_parquet_round_trips_every_table(db: Path, tmp_path: Path) -> None:
    folder = export(db, "parquet", tmp_path / "pq")
    assert sorted(p.stem for p in folder.iterdir()) == sorted(EXPORT_TABLES)
    with Store(db, read_only=True) as store:
        for table in EXPORT_TABLES:
            file = str(folder / f"{table}.parquet")
            stored = store.query(f"SELECT * FROM {table}")
            assert pq.read_table(file).num_rows == len(stored), table
            assert pq.read_table(file).schema.names == list(stored[0]) if stored else True
            for a, b in ((table, f"read_parquet('{file}')"), (f"read_parquet('{file}')", table)):
                left = store.query(f"SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b}")
                assert left == [], table
    assert pq.read_table(folder / "events.parquet").num_rows >= 3


def test_csv_of_one_table(db: Path, tmp_path: Path) -> None:
    folder = export(db, "csv", tmp_path / "csv", "--table", "events")
    assert [p.name for p in folder.iterdir()] == ["events.csv"]
    frame = pd.read_csv(folder / "events.csv", dtype={"cameo": str})
    with Store(db, read_only=True) as store:
        n = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    assert len(frame) == n
    assert "163" in set(frame["cameo"])


def test_only_asserted_events_unless_all(db: Path, tmp_path: Path) -> None:
    asserted = read_gdelt(export(db, "gdelt", tmp_path / "a.tsv"))
    every = read_gdelt(export(db, "gdelt", tmp_path / "b.tsv", "--all"))
    assert "CHN" not in set(asserted["Actor1Code"])
    refused = every[every["Actor1Code"] == "CHN"]
    assert list(refused["Actor2Code"]) == ["IND"]
    assert len(every) == len(asserted) + 1
    path = export(db, "plover", tmp_path / "all.jsonl", "--all")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {r["factuality"] for r in records} == {"asserted", "negated"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["csv", "--table", "nope"], "unknown table nope"),
        (["gdelt", "--table", "events"], "--table"),
    ],
)
def test_bad_export_options_are_clear_errors(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["--db", str(db), "export", *args, "-o", str(tmp_path / "x")]) == 1
    assert message in capsys.readouterr().err
