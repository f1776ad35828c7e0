#!/usr/bin/env python3
"""Build the administrative-unit gazetteer src/main/resources/org/vietpol/lexicon/units.tsv.

Usage (from the repository root):

    python3 src/tools/make_units.py REFERENCE_DIR OUTPUT_TSV [WARDS_TSV]

REFERENCE_DIR holds the source files listed below; the program reads them only here, at build time, and
writes two UTF-8 (NFC) tab-separated files with the same columns: OUTPUT_TSV (units.tsv) with the country,
the provinces before and after the 2025-07-01 reorganisation, and the district-level units that existed
before it; and WARDS_TSV with the ward-level units (level "ward").  WARDS_TSV defaults to wards.tsv in the
directory of OUTPUT_TSV.  Nothing is written when a sanity check fails.

Sources and licences:
  * vn-units-2024.json, vn-units-2025.json: provinces, districts and wards with their official (GSO) codes,
    from thanglequoc/vietnamese-provinces-database (tag v2.4.1 for the units before 2025-07-01; the 2026
    data for the units after it), MIT licence.
  * vn-provinces-ids.csv, vn-admin-wof.csv: Wikidata QIDs and GeoNames ids from Who's On First
    (whosonfirst-data-admin-vn), CC-BY, joined with GeoNames admin1 codes (GeoNames, CC-BY 4.0).
  * ids.md: identifiers checked by hand (Wikidata, GeoNames); they win over the files above.

Decisions made here:
  * Same real name = same unit: a province that kept its name on 2025-07-01 is one row.  A province that
    was merged away gets valid_to 2025-06-30 and as successor the 2025 province that received most of its
    wards.  Ward codes carried over from the old data decide; ward names are counted as a cross-check; the
    result must agree with the merger list of Resolution 202/2025/QH15 written below.
  * Thừa Thiên Huế ended on 2024-12-31 when the city of Huế became centrally governed.  Huế is one row
    (id "hue", level district, parent thua-thien-hue, no end date); there is no separate province row.
    The v2.4.1 data already shows the state of 2025-01-01 (province 46 named "Thành phố Huế" with the
    quận Thuận Hóa and Phú Xuân), so province 46 is written as Thừa Thiên Huế, and those two quận get
    parent hue and valid_from 2025-01-01.
  * District ids are the plain slug when no other row has that slug, else "{province id}/{slug}"; where
    two districts of one province share a name (a city and the huyện around it), the unit type is put
    in front of the slug ("dong-thap/thanh-pho-cao-lanh").
  * Wikidata/GeoNames for districts come from Who's On First, matched by ASCII-folded name within the
    province, only where the match is unambiguous; records whose Vietnamese and ASCII names disagree and
    QIDs given to more than one record are dropped.
  * Wards (wards.tsv): every phường, xã and thị trấn of the v2.4.1 data (parent = its district, valid_to
    2025-06-30) and every phường, xã and đặc khu of the 2025 data (parent = the units.tsv province of the
    same name, Huế -> "hue"; valid_from 2025-07-01).  A 2025 ward that has the name of an older one is a
    different unit and a different row.  Ids are "{parent id}/{slug}"; where two wards of one parent share
    the slug, or the id is already taken in units.tsv, "-{type slug}" is added; where that still collides
    (names that differ only in diacritics, "Minh Quán"/"Minh Quân"), "-{gso}" is added to the slug instead.
    Names drop the type word except numbered ones ("Phường 1").  Variants: the other tone-mark placement only.

Python 3 standard library only.
"""

import collections
import csv
import json
import os
import re
import sys
import unicodedata

COUNTRY_ID = "viet-nam"
MERGE_END = "2025-06-30"          # last day of the 63 provinces and of all districts
HUE_CITY_START = "2025-01-01"     # Huế centrally governed
TTH_END = "2024-12-31"
TTH_CODE = "46"

COLUMNS = ["id", "level", "name", "type", "parent", "gso", "valid_from", "valid_to", "successor",
           "name_en", "wikidata", "geonames", "variants"]

# Resolution 202/2025/QH15 (12 June 2025): provinces merged away -> the province they became part of.
NQ_202_2025 = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng", "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
}

# Identifiers checked by hand (ids.md); they win over Who's On First.
HAND_IDS = {
    COUNTRY_ID: ("Q881", "1562822"),
    "ha-noi": ("Q1858", "1581130"),
    "ho-chi-minh": ("Q1854", "1566083"),
    "hue": ("Q36167", "1580240"),
    "thua-thien-hue": ("Q36399", "1565033"),
    "uong-bi": ("Q7897883", "1563241"),
    "quang-ninh": ("Q33396", "1568758"),
}
# Who's On First QIDs that look wrong (reference README): left empty.
DOUBTFUL_QIDS = {"vinh-long": "Q7333405", "tuyen-quang": "Q2332060"}

# Well-known alternate names, matched in text; keep this list short.
EXTRA_VARIANTS = {
    COUNTRY_ID: ["Viet Nam"],
    "thua-thien-hue": ["Thừa Thiên - Huế", "Thừa Thiên-Huế"],
    "ho-chi-minh": ["TPHCM", "TP.HCM", "TP HCM", "Tp.HCM", "HCM", "Sài Gòn"],
}

TYPE_PREFIXES = ["Thành phố", "Thị xã", "Quận", "Huyện", "Tỉnh", "Đặc khu"]
WARD_TYPES_OLD = ["Phường", "Xã", "Thị trấn"]
WARD_TYPES_NEW = ["Phường", "Xã", "Đặc khu"]
NEW_START = "2025-07-01"          # first day of the 34 provinces and of the 2025 wards
TYPE_WORD_NAMES = {"Phường Đúc"}  # ward names that begin with a type word themselves (Huế)
CENTRAL_CITY = "Thành phố trực thuộc trung ương"


# ---------------------------------------------------------------- text helpers

def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    return re.sub(r"\s+", " ", nfc(s)).strip()


def fold(s):
    """Lower case, no diacritics, đ -> d (as org.vietpol.text.VietText.fold)."""
    d = unicodedata.normalize("NFD", clean(s).lower())
    return "".join("d" if c == "đ" else c for c in d if unicodedata.category(c) != "Mn")


def slug(s):
    """ASCII slug (as org.vietpol.text.VietText.slug): "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def ascii_name(s):
    """Case-preserving ASCII rendering: "Uông Bí" -> "Uong Bi"."""
    d = unicodedata.normalize("NFD", clean(s))
    out = "".join(c for c in d if unicodedata.category(c) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}   # huyền, sắc, hỏi, ngã, nặng
ONSET = "bcdđghklmnprstvx"                                  # no q: "qu" + "y" is not the uy rhyme
FLEX_RHYME = re.compile(r"^([%s]*)(oa|oe|uy)$" % ONSET)


def _syllable_forms(word):
    """For one syllable with the open rhyme oa/oe/uy and a tone mark, return (old_style, new_style):
    tone on the first vowel (Hòa, Thủy) and on the second (Hoà, Thuỷ).  Else None."""
    d = unicodedata.normalize("NFD", word)
    tone = [c for c in d if c in TONES]
    if len(tone) != 1:
        return None
    base = "".join(c for c in d if c not in TONES)
    m = FLEX_RHYME.match(base.lower())
    if not m:
        return None
    i = len(m.group(1))               # index of the first rhyme vowel in base (one char per letter)
    if len(unicodedata.normalize("NFC", base)) != len(base):
        return None                   # other diacritics in the word: not a plain oa/oe/uy syllable

    def put(pos):
        return nfc(base[:pos + 1] + tone[0] + base[pos + 1:])

    return put(i), put(i + 1)


def tone_variants(name):
    """The name with every oa/oe/uy syllable in old-style and in new-style tone placement,
    minus the name itself: "Khánh Hòa" -> ["Khánh Hoà"]."""
    parts = re.split(r"(\w+)", nfc(name))
    old, new, changed = [], [], False
    for p in parts:
        forms = _syllable_forms(p) if p and re.match(r"\w", p) else None
        if forms:
            changed = True
            old.append(forms[0])
            new.append(forms[1])
        else:
            old.append(p)
            new.append(p)
    if not changed:
        return []
    return [v for v in ("".join(old), "".join(new)) if v != nfc(name)]


def hyphen_variants(name):
    """ "Bà Rịa - Vũng Tàu" -> spaced, tight and unhyphenated forms."""
    if "-" not in name:
        return []
    pieces = [p.strip() for p in name.split("-")]
    return [" - ".join(pieces), "-".join(pieces), " ".join(pieces)]


def variants_for(row_id, name, extra=()):
    seen, out = {nfc(name)}, []
    forms = [name] + hyphen_variants(name) + list(extra)
    for f in forms:
        for v in [f] + tone_variants(f):
            v = clean(v)
            if v and v not in seen:
                seen.add(v)
                out.append(v)
    for v in EXTRA_VARIANTS.get(row_id, []):
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def split_type(full, prefixes=TYPE_PREFIXES):
    full = clean(full)
    for t in prefixes:
        if full.startswith(t + " "):
            name = full[len(t) + 1:]
            # "Quận 1": a bare number is no name; keep the type word in it.
            return (full if name.isdigit() else name), t
    raise ValueError("unknown unit type: " + full)


# ---------------------------------------------------------------- building

def load(ref):
    with open(os.path.join(ref, "vn-units-2024.json"), encoding="utf-8") as f:
        old = json.load(f)
    with open(os.path.join(ref, "vn-units-2025.json"), encoding="utf-8") as f:
        new = json.load(f)
    with open(os.path.join(ref, "vn-provinces-ids.csv"), encoding="utf-8", newline="") as f:
        pids = list(csv.reader(f))[1:]
    with open(os.path.join(ref, "vn-admin-wof.csv"), encoding="utf-8", newline="") as f:
        wof = list(csv.DictReader(f))
    return old, new, pids, wof


def derive_successors(old, new):
    """old province code -> (new province code, share by ward codes, share by ward names)."""
    old_of_ward = {}
    old_names = collections.defaultdict(list)
    for p in old:
        for d in p["District"]:
            for w in d["Ward"] or []:
                old_of_ward[w["Code"]] = p["Code"]
                old_names[p["Code"]].append(fold(w["FullName"]))
    by_code = collections.defaultdict(collections.Counter)
    new_by_name = collections.defaultdict(set)
    for p in new:
        for w in p["Wards"]:
            if w["Code"] in old_of_ward:
                by_code[old_of_ward[w["Code"]]][p["Code"]] += 1
            new_by_name[fold(w["FullName"])].add(p["Code"])
    by_name = collections.defaultdict(collections.Counter)
    for oc, names in old_names.items():
        for n in names:
            hit = new_by_name.get(n)
            if hit and len(hit) == 1:
                by_name[oc][next(iter(hit))] += 1
    result = {}
    for p in old:
        oc = p["Code"]
        code_winner = by_code[oc].most_common(1)[0][0] if by_code[oc] else None
        name_winner = by_name[oc].most_common(1)[0][0] if by_name[oc] else None
        result[oc] = (code_winner, name_winner, dict(by_code[oc]), dict(by_name[oc]))
    return result


def build(ref):
    old, new, pids, wof = load(ref)
    problems = []
    rows = []

    def row(**kw):
        r = {c: "" for c in COLUMNS}
        r.update({k: (v if v is not None else "") for k, v in kw.items()})
        rows.append(r)
        return r

    country = row(id=COUNTRY_ID, level="country", name="Việt Nam", type="Quốc gia", name_en="Vietnam")

    # -- provinces
    new_by_slug = {slug(p["Name"]): p for p in new}
    new_by_code = {p["Code"]: p for p in new}
    succ = derive_successors(old, new)
    prov_by_code = {}
    merges = []
    code_changes = []
    for p in old:
        code = p["Code"]
        name, t = split_type(p["FullName"])
        if code == TTH_CODE:
            name, t = "Thừa Thiên Huế", "Tỉnh"
        elif t == "Thành phố":
            t = CENTRAL_CITY
        sid = slug(name)
        r = row(id=sid, level="province", name=name, type=t, parent=COUNTRY_ID, gso=code,
                name_en=ascii_name(name))
        prov_by_code[code] = r
        if code == TTH_CODE:
            r.update(valid_to=TTH_END, successor="hue")
            continue
        n = new_by_slug.get(sid)
        if n is not None:                       # kept its name: one row for both periods
            if n["Code"] != code:
                code_changes.append((name, code, n["Code"]))
            r["name_en"] = n["NameEn"]
            r["type"] = CENTRAL_CITY if n["AdministrativeUnitFullName"] == CENTRAL_CITY else n["AdministrativeUnitShortName"]
            if succ[code][0] != n["Code"]:
                problems.append("%s: most wards went to province %s" % (name, succ[code][0]))
            continue
        code_w, name_w, by_code, by_name = succ[code]
        if code_w is None:
            problems.append("no successor found for " + name)
            continue
        if name_w != code_w:
            problems.append("%s: ward codes say %s, ward names say %s" % (name, code_w, name_w))
        target = new_by_code[code_w]
        expected = {slug(k): v for k, v in NQ_202_2025.items()}.get(sid)
        if expected is None or slug(expected) != slug(target["Name"]):
            problems.append("%s -> %s disagrees with NQ 202/2025/QH15 (%s)" % (name, target["Name"], expected))
        r.update(valid_to=MERGE_END, successor=slug(target["Name"]))
        share = by_code[code_w] / sum(by_code.values())
        merges.append((name, target["Name"], by_code[code_w], sum(by_code.values()), share,
                       by_name.get(code_w, 0), sum(by_name.values())))
    for n in new:                                 # 2025 provinces with no namesake before (none expected)
        if slug(n["Name"]) not in {r["id"] for r in rows} and n["Code"] != TTH_CODE:
            t = CENTRAL_CITY if n["AdministrativeUnitFullName"] == CENTRAL_CITY else n["AdministrativeUnitShortName"]
            row(id=slug(n["Name"]), level="province", name=clean(n["Name"]), type=t, parent=COUNTRY_ID,
                gso=n["Code"], valid_from="2025-07-01", name_en=n["NameEn"])

    # -- districts
    tth = prov_by_code[TTH_CODE]
    hue_new = new_by_code.get(TTH_CODE)
    hue = row(id="hue", level="district", name="Huế", type="Thành phố", parent=tth["id"], gso=TTH_CODE,
              name_en=hue_new["NameEn"] if hue_new else "Hue")
    districts = [hue]
    for p in old:
        prov = prov_by_code[p["Code"]]
        for d in p["District"]:
            name, t = split_type(d["FullName"])
            r = row(level="district", name=name, type=t, parent=prov["id"], gso=d["Code"],
                    valid_to=MERGE_END, name_en=ascii_name(name))
            if p["Code"] == TTH_CODE and t == "Quận":    # the two quận of Huế, from 2025-01-01
                r.update(parent="hue", valid_from=HUE_CITY_START)
            districts.append(r)

    # -- ids: plain slug when unique among all rows, else prefixed by the province id
    count = collections.Counter([country["id"]] + [r["id"] for r in rows if r["level"] == "province"]
                                + [slug(r["name"]) for r in districts])
    prefixed = 0
    for r in districts:
        if r is hue:
            continue
        s = slug(r["name"])
        if count[s] == 1:
            r["id"] = s
        else:
            r["id"] = "%s/%s" % (r["parent"], s)
            prefixed += 1
    same = collections.Counter(r["id"] for r in districts)
    typed = 0
    for r in districts:
        if same[r["id"]] > 1:
            prov_part = r["id"].split("/")[0]
            r["id"] = "%s/%s-%s" % (prov_part, slug(r["type"]), slug(r["name"]))
            typed += 1

    # -- identifiers
    prov_ids = {}
    wof_prov = {}
    for rec in pids:
        code, _name, qid, gn, _a1, gn_a1, wof_id = rec
        prov_ids[code] = (qid, gn_a1 or gn)
        wof_prov[wof_id] = code
    for code, r in prov_by_code.items():
        qid, gn = prov_ids.get(code, ("", ""))
        if DOUBTFUL_QIDS.get(r["id"]) == qid:
            qid = ""
        r["wikidata"], r["geonames"] = qid, gn

    wof_d = []
    dropped_inconsistent = []
    for rec in wof:
        if rec["placetype"] != "district" or rec["parent_wof_id"] not in wof_prov:
            continue
        if not (rec["wikidata"] or rec["geonames"]):
            continue
        nv, na = rec["name_vi"], rec["name_ascii"]
        if nv and na and slug(nv).replace("y", "i") != slug(na).replace("y", "i"):   # Quy/Qui Nhơn
            dropped_inconsistent.append("%s/%s %s" % (nv, na, rec["wikidata"]))
            continue
        wof_d.append(rec)
    qid_count = collections.Counter(r["wikidata"] for r in wof_d if r["wikidata"])
    prov_qids = {v[0] for v in prov_ids.values()}
    wof_key = collections.defaultdict(list)
    for rec in wof_d:
        wof_key[(wof_prov[rec["parent_wof_id"]], slug(rec["name_vi"] or rec["name_ascii"]))].append(rec)
    ours_key = collections.Counter()
    code_of_parent = {r["id"]: r["gso"] for r in prov_by_code.values()}
    code_of_parent["hue"] = TTH_CODE

    def dkey(r):
        return code_of_parent[r["parent"]], slug(r["name"])

    for r in districts:
        ours_key[dkey(r)] += 1
    matched = 0
    for r in districts:
        recs = wof_key.get(dkey(r), [])
        if len(recs) != 1 or ours_key[dkey(r)] != 1:
            continue
        rec = recs[0]
        qid = rec["wikidata"] if qid_count[rec["wikidata"]] == 1 and rec["wikidata"] not in prov_qids else ""
        r["wikidata"], r["geonames"] = qid, rec["geonames"]
        if qid or rec["geonames"]:
            matched += 1
    for rid, (qid, gn) in HAND_IDS.items():
        for r in rows:
            if r["id"] == rid:
                r["wikidata"], r["geonames"] = qid, gn

    # -- variants
    for r in rows:
        extra = []
        if r["id"] == "ia-h-drai":
            extra.append("Ia H'Drai")
        r["variants"] = "|".join(variants_for(r["id"], r["name"], extra))

    stats = dict(code_changes=code_changes, prefixed=prefixed, typed=typed, merges=merges, wof_matched=matched,
                 wof_inconsistent=dropped_inconsistent,
                 wof_shared_qids=sorted(q for q, c in qid_count.items() if c > 1))
    return rows, problems, stats


def build_wards(ref, units):
    """Ward-level rows for wards.tsv; units are the rows of units.tsv (their ids are taken)."""
    old, new, _pids, _wof = load(ref)
    problems = []
    by_id = {r["id"]: r for r in units}
    district_by_code = {r["gso"]: r for r in units if r["level"] == "district" and r["id"] != "hue"}
    province_by_slug = {slug(r["name"]): r for r in units if r["level"] == "province" and not r["valid_to"]}
    wards = []

    def ward(key, **kw):
        r = {c: "" for c in COLUMNS}
        r.update(kw, level="ward", _key=key)
        r["variants"] = "|".join(v for v in dict.fromkeys(tone_variants(r["name"])) if v != r["name"])
        wards.append(r)

    for p in old:
        for d in p["District"]:
            parent = district_by_code.get(d["Code"])
            if parent is None:
                problems.append("no units.tsv row for district %s %s" % (d["Code"], d["FullName"]))
                continue
            for w in d["Ward"] or []:
                name, t = split_type(w["FullName"], WARD_TYPES_OLD)      # "Phường 1" stays whole
                if w["DistrictCode"] != d["Code"]:
                    problems.append("ward %s %s: district code %s under %s" % (w["Code"], name, w["DistrictCode"], d["Code"]))
                ward((0, p["Code"], d["Code"], w["Code"]), name=name, type=t, parent=parent["id"], gso=w["Code"],
                     valid_to=MERGE_END, name_en=ascii_name(name))
    for p in new:
        parent = by_id.get("hue") if p["Code"] == TTH_CODE else province_by_slug.get(slug(p["Name"]))
        if parent is None:
            problems.append("no units.tsv row for 2025 province %s %s" % (p["Code"], p["Name"]))
            continue
        for w in p["Wards"]:
            t, name = clean(w["AdministrativeUnitShortName"]), clean(w["Name"])
            if t not in WARD_TYPES_NEW:
                problems.append("ward %s %s: unknown type %s" % (w["Code"], name, t))
            if fold(w["FullName"]) != fold(t + " " + name):      # "xã Bắc Sơn": case only
                problems.append("ward %s: full name %r is not %r" % (w["Code"], w["FullName"], t + " " + name))
            if w["ProvinceCode"] != p["Code"]:
                problems.append("ward %s %s: province code %s under %s" % (w["Code"], name, w["ProvinceCode"], p["Code"]))
            if name.isdigit():                                   # as split_type does
                name = t + " " + name
            ward((1, p["Code"], "", w["Code"]), name=name, type=t, parent=parent["id"], gso=w["Code"],
                 valid_from=NEW_START, name_en=clean(w["NameEn"]))

    # -- ids: "{parent}/{slug}"; "-{type}" on a shared slug or an id taken in units.tsv; "-{gso}" if still shared
    for r in wards:
        r["_base"] = "%s/%s" % (r["parent"], slug(r["name"]))
    count = collections.Counter(r["_base"] for r in wards)
    typed = []
    for r in wards:
        if count[r["_base"]] == 1 and r["_base"] not in by_id:
            r["id"] = r["_base"]
        else:
            r["id"] = "%s-%s" % (r["_base"], slug(r["type"]))
            typed.append(r)
    count = collections.Counter(r["id"] for r in typed)
    coded = []
    for r in typed:
        if count[r["id"]] > 1 or r["id"] in by_id:
            r["id"] = "%s-%s" % (r["_base"], r["gso"])
            coded.append(r)
    taken_units = sorted({r["_base"] for r in typed if r["_base"] in by_id})
    stats = dict(typed=len(typed) - len(coded), coded=len(coded), taken_units=taken_units,
                 groups=sum(1 for c in collections.Counter(r["_base"] for r in wards).values() if c > 1))
    return wards, problems, stats


def order_wards(wards):
    """Before 2025-07-01 first, by province, district and ward code; then the 2025 wards by province and code."""
    return sorted(wards, key=lambda r: r["_key"])


def order(rows):
    level = {"country": 0, "province": 1, "district": 2}
    prov_code = {r["id"]: r["gso"] for r in rows if r["level"] == "province"}
    prov_code["hue"] = TTH_CODE

    def key(r):
        if r["level"] == "district":
            return (2, prov_code.get(r["parent"], "99"), "" if r["id"] == "hue" else r["gso"])
        return (level[r["level"]], r["gso"], "")
    return sorted(rows, key=key)


HEADER_COMMENT = """\
# VietPol KG gazetteer of Vietnamese administrative units: the country, the provinces before and after
# 2025-07-01, and the district-level units before 2025-07-01. Generated by src/tools/make_units.py; do not edit by hand.
# Sources: thanglequoc/vietnamese-provinces-database (v2.4.1 and 2026 data; MIT licence) for names, types and GSO codes;
# Who's On First (whosonfirst-data-admin-vn; CC-BY) for Wikidata QIDs; GeoNames (CC-BY 4.0) for GeoNames ids.
# Columns: id = stable ASCII slug (districts "{province}/{slug}" where the plain slug is shared);
# level = country|province|district; name = Vietnamese name without the type word; type = unit type as in the source;
# parent = id of the containing unit; gso = official GSO code; valid_from / valid_to = ISO dates, empty when open;
# successor = id of the unit it was merged into; name_en = English or ASCII name; wikidata = QID; geonames = GeoNames id;
# variants = other spellings found in text, separated by "|" (tone-mark placement, hyphenation, common short forms).
# Provinces merged away by Resolution 202/2025/QH15 end on 2025-06-30; districts were abolished on 2025-07-01.
# Thừa Thiên Huế ended on 2024-12-31: the city of Huế (row "hue") has been centrally governed since 2025-01-01; its quận
# Thuận Hóa and Phú Xuân date from then. Province rows that kept their name carry the current type and English name.
# The Wikidata QIDs that Who's On First gives for Vĩnh Long (Q7333405) and Tuyên Quang (Q2332060) look wrong and are left empty.
"""


WARDS_HEADER_COMMENT = """\
# VietPol KG gazetteer of Vietnamese administrative units, ward level: the phường, xã and thị trấn before 2025-07-01 and
# the phường, xã and đặc khu from 2025-07-01. Generated by src/tools/make_units.py with units.tsv, which holds their
# parents; do not edit by hand.
# Source: thanglequoc/vietnamese-provinces-database (MIT licence): v2.4.1 data (the state of early 2025; wards merged away
# before it are not included) for the units before 2025-07-01, the 2026 data for those after it.
# Columns as in units.tsv. id = "{parent id}/{slug}"; "-{type slug}" is added where two wards of one parent share the slug
# or the id is taken in units.tsv ("ha-noi/hoang-mai-phuong"), "-{gso}" instead where they share the type too (names that
# differ only in diacritics: "tran-yen/minh-quan-04516", "tran-yen/minh-quan-04567"). level = ward; name = Vietnamese
# name without the type word, numbered ones whole ("Phường 1"); type = Phường|Xã|Thị trấn|Đặc khu as in the source;
# parent = district id in units.tsv before 2025-07-01, province id from then (Huế: "hue"); gso = official ward code
# (many 2025 wards reuse the code of an older ward: gso is not unique here).
# valid_to = 2025-06-30 for the units before the reorganisation (their start dates are not recorded); valid_from = 2025-07-01
# for the units after it. A 2025 ward with the name of an older one is a different unit and a different row.
# name_en = English name from the source (2025) or ASCII name (before); successor, wikidata and geonames are empty;
# variants = the name with the other tone-mark placement ("Thuỷ"/"Thủy"), nothing else.
"""


def write(rows, path, code_changes):
    extra = ""
    if code_changes:
        extra = ("# gso holds the code before 2025-07-01 (Huế: 46, as Thừa Thiên Huế had). Provinces whose code changed on 2025-07-01: "
                 + ", ".join("%s %s -> %s" % c for c in code_changes) + ".\n")
    write_table(rows, path, HEADER_COMMENT + extra)


def write_table(rows, path, header):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            vals = [nfc(str(r[c])) for c in COLUMNS]
            for v in vals:
                if "\t" in v or "\n" in v:
                    raise ValueError("tab or newline in field: %r" % v)
            f.write("\t".join(vals) + "\n")


def check(rows, problems):
    ids = collections.Counter(r["id"] for r in rows)
    dup = [i for i, c in ids.items() if c > 1]
    if dup:
        problems.append("duplicate ids: " + ", ".join(dup))
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        if r["parent"] and r["parent"] not in by_id:
            problems.append("%s: unknown parent %s" % (r["id"], r["parent"]))
        if r["successor"] and r["successor"] not in by_id:
            problems.append("%s: unknown successor %s" % (r["id"], r["successor"]))
        if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)?", r["id"]):
            problems.append("bad id " + r["id"])
        vs = r["variants"].split("|") if r["variants"] else []
        if r["name"] in vs or len(vs) != len(set(vs)):
            problems.append("%s: bad variants %s" % (r["id"], r["variants"]))
    expect = {"hue": ("district", "thua-thien-hue"), "thua-thien-hue": ("province", COUNTRY_ID),
              "uong-bi": ("district", "quang-ninh"), "quang-ninh": ("province", COUNTRY_ID),
              "ha-noi": ("province", COUNTRY_ID), "ho-chi-minh": ("province", COUNTRY_ID)}
    for rid, (lvl, parent) in expect.items():
        r = by_id.get(rid)
        if r is None:
            problems.append("missing row " + rid)
        elif (r["level"], r["parent"]) != (lvl, parent):
            problems.append("%s: level %s parent %s" % (rid, r["level"], r["parent"]))
        else:
            print("  %-15s %-8s parent=%-15s gso=%-4s %s %s valid_to=%s successor=%s" % (
                rid, r["level"], r["parent"], r["gso"], r["wikidata"], r["geonames"], r["valid_to"] or "-",
                r["successor"] or "-"))


def check_wards(wards, units, problems):
    unit_by_id = {r["id"]: r for r in units}
    ids = collections.Counter(r["id"] for r in wards)
    dup = sorted(i for i, c in ids.items() if c > 1)
    if dup:
        problems.append("duplicate ward ids: " + ", ".join(dup))
    clash = sorted(i for i in ids if i in unit_by_id)
    if clash:
        problems.append("ward ids also in units.tsv: " + ", ".join(clash))
    bad_parent = 0
    for r in wards:
        parent = unit_by_id.get(r["parent"])
        if r["valid_to"]:                               # before 2025-07-01: a district
            ok = parent is not None and parent["level"] == "district" and parent["id"] != "hue"
            if r["type"] not in WARD_TYPES_OLD or r["valid_from"] or r["valid_to"] != MERGE_END:
                problems.append("%s: type %s dates %s..%s" % (r["id"], r["type"], r["valid_from"], r["valid_to"]))
        else:                                           # from 2025-07-01: a province that still exists, or Huế
            ok = parent is not None and not parent["valid_to"] and parent["level"] in ("province", "district")
            ok = ok and (parent["level"] == "province" or parent["id"] == "hue")
            if r["type"] not in WARD_TYPES_NEW or r["valid_from"] != NEW_START:
                problems.append("%s: type %s dates %s..%s" % (r["id"], r["type"], r["valid_from"], r["valid_to"]))
        if not ok:
            bad_parent += 1
            problems.append("%s: parent %s is not a units.tsv unit of the right level" % (r["id"], r["parent"]))
        if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+){1,2}", r["id"]) or not r["id"].startswith(r["parent"] + "/"):
            problems.append("bad ward id " + r["id"])
        if not r["name"] or not r["gso"] or not r["name_en"]:
            problems.append("%s: empty name, gso or name_en" % r["id"])
        if r["name"].isdigit() or (re.match(r"(Phường|Xã|Thị trấn|Đặc khu) (?!\d+$)", r["name"])
                                   and r["name"] not in TYPE_WORD_NAMES):
            problems.append("%s: name %r" % (r["id"], r["name"]))
        vs = r["variants"].split("|") if r["variants"] else []
        if r["name"] in vs or len(vs) != len(set(vs)) or any(fold(v) != fold(r["name"]) for v in vs):
            problems.append("%s: bad variants %s" % (r["id"], r["variants"]))
    print("ward parents missing from units.tsv or of the wrong level: %d" % bad_parent)
    by_id = {r["id"]: r for r in wards}
    expect = [("ba-dinh/phuc-xa", "Phúc Xá", "Phường", "ba-dinh", ""),
              ("hai-lang/hai-duong", "Hải Dương", "Xã", "hai-lang", ""),
              ("hai-phong/hai-duong", "Hải Dương", "Phường", "hai-phong", NEW_START),
              ("hue/phong-dien", "Phong Điền", "Phường", "hue", NEW_START),
              ("thua-thien-hue/phong-dien/phong-phu", "Phong Phú", "Phường", "thua-thien-hue/phong-dien", ""),
              ("hue/phong-phu", "Phong Phú", "Phường", "hue", NEW_START),
              ("thuan-hoa/phuong-duc", "Phường Đúc", "Phường", "thuan-hoa", ""),
              ("ha-noi/hoang-mai-phuong", "Hoàng Mai", "Phường", "ha-noi", NEW_START),
              ("tran-yen/minh-quan-04516", "Minh Quán", "Xã", "tran-yen", ""),
              ("gia-lam/yen-vien-thi-tran", "Yên Viên", "Thị trấn", "gia-lam", "")]
    for rid, name, t, parent, start in expect:
        r = by_id.get(rid)
        if r is None or (r["name"], r["type"], r["parent"], r["valid_from"]) != (name, t, parent, start):
            problems.append("ward %s: expected %s %s in %s from %s, found %s" % (
                rid, t, name, parent, start or "-", r and (r["type"], r["name"], r["parent"], r["valid_from"])))
        else:
            print("  %-36s %-8s %-12s parent=%-26s gso=%s %s..%s" % (
                rid, r["type"], r["name"], r["parent"], r["gso"], r["valid_from"] or "", r["valid_to"] or ""))
    hd = [r for r in wards if r["name"] == "Hải Dương"]
    print("  all wards named Hải Dương: " + ", ".join("%s (%s %s)" % (r["id"], r["type"], r["valid_from"] or "until " + r["valid_to"]) for r in hd))


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: make_units.py REFERENCE_DIR OUTPUT_TSV [WARDS_TSV]")
    wards_path = argv[3] if len(argv) == 4 else os.path.join(os.path.dirname(argv[2]), "wards.tsv")
    rows, problems, stats = build(argv[1])
    rows = order(rows)
    print("key rows:")
    check(rows, problems)
    levels = collections.Counter(r["level"] for r in rows)
    print("rows: %d (%s)" % (len(rows), ", ".join("%s %d" % (k, levels[k]) for k in ("country", "province", "district"))))
    provs = [r for r in rows if r["level"] == "province"]
    print("provinces: %d in total, %d still existing after 2025-07-01, %d merged away, 1 ended 2024-12-31 (Thừa Thiên Huế)"
          % (len(provs), sum(1 for r in provs if not r["valid_to"]),
             sum(1 for r in provs if r["valid_to"] == MERGE_END)))
    print("GSO code changed on 2025-07-01 (row keeps the old code):",
          ", ".join("%s %s -> %s" % c for c in stats["code_changes"]) or "none")
    print("district ids with a province prefix: %d (of which %d also with the unit type)"
          % (stats["prefixed"], stats["typed"]))
    print("districts with Who's On First identifiers: %d; dropped as inconsistent: %s; QIDs shared by several records: %s"
          % (stats["wof_matched"], stats["wof_inconsistent"] or "none", stats["wof_shared_qids"] or "none"))
    print("merges (old -> new: wards by code / wards matched by name):")
    for name, target, n, tot, share, nn, ntot in stats["merges"]:
        print("  %-20s -> %-14s %4d/%-4d (%.0f%%)  names %d/%d" % (name, target, n, tot, 100 * share, nn, ntot))
    print("with wikidata: %d, with geonames: %d, with variants: %d" % (
        sum(1 for r in rows if r["wikidata"]), sum(1 for r in rows if r["geonames"]),
        sum(1 for r in rows if r["variants"])))
    wards, ward_problems, wstats = build_wards(argv[1], rows)
    wards = order_wards(wards)
    problems += ward_problems
    print("key wards:")
    check_wards(wards, rows, problems)
    for label, period in (("before 2025-07-01", lambda r: bool(r["valid_to"])), ("from 2025-07-01", lambda r: not r["valid_to"])):
        part = [r for r in wards if period(r)]
        types = collections.Counter(r["type"] for r in part)
        print("wards %s: %d (%s), in %d parents" % (label, len(part), ", ".join("%s %d" % kv for kv in sorted(types.items())),
                                                     len({r["parent"] for r in part})))
    print("ward ids: %d slugs shared within a parent; %d ids with the type added, %d with the code added; "
          "slugs taken in units.tsv: %d (%s)" % (wstats["groups"], wstats["typed"], wstats["coded"],
                                                 len(wstats["taken_units"]), ", ".join(wstats["taken_units"]) or "none"))
    print("wards with variants: %d" % sum(1 for r in wards if r["variants"]))
    if problems:
        print("PROBLEMS:", *problems, sep="\n  ")
        sys.exit(1)
    write(rows, argv[2], stats["code_changes"])
    print("wrote", argv[2])
    write_table(wards, wards_path, WARDS_HEADER_COMMENT)
    print("wrote %s (%d rows, %d bytes)" % (wards_path, len(wards), os.path.getsize(wards_path)))


if __name__ == "__main__":
    main(sys.argv)
