#!/usr/bin/env python3
"""Build data/datasets/*.csv from the sourced files in shared/datasets.

Usage: build-aux/make-datasets.py SHARED_DATASETS_DIR OUT_DIR

Only the standard library is used. The embedded files are committed; this
script documents (and reproduces) exactly how they were derived.
"""
import csv
import hashlib
import re
import sys
from pathlib import Path

COMPANIES = {
    "NVDA": "Nvidia", "MSFT": "Microsoft", "GOOGL": "Alphabet", "META": "Meta",
    "AVGO": "Broadcom", "TSM": "TSMC", "ORCL": "Oracle", "AAPL": "Apple",
    "AMZN": "Amazon", "ASML": "ASML", "TSLA": "Tesla", "BABA": "Alibaba",
    "BIDU": "Baidu", "0700.HK": "Tencent", "9988.HK": "Alibaba (HK)",
    "9888.HK": "Baidu (HK)", "1211.HK": "BYD", "0981.HK": "SMIC",
    "1810.HK": "Xiaomi",
}


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    tmp.replace(path)


def shares_kind(note):
    """What a share count is, from the research file's note: "proxy" (a
    weighted average, not a count on a day: ASML, Baidu, Broadcom), else
    "derived" (worked out from a disclosed figure: ADS ratios, a 10%
    buy-back mandate, a dividend total), else "reported" (a filing's or an
    exchange disclosure's count on its date)."""
    if re.search(r"\bPROXY\b", note):
        return "proxy"
    if re.search(r"\bDERIVED\b", note):
        return "derived"
    return "reported"


def market_caps(src, out):
    prices = read(src / "stock_prices_daily.csv")
    counts = {}
    for r in read(src / "shares_outstanding.csv"):
        counts.setdefault(r["ticker"], []).append(
            (r["as_of_date"], int(r["shares_outstanding"]), shares_kind(r["share_class_note"])))
    for v in counts.values():
        v.sort()
    last_price_date = {}
    for r in prices:
        t = r["ticker"]
        last_price_date[t] = max(last_price_date.get(t, ""), r["date"])

    rows = []
    for r in sorted(prices, key=lambda r: (r["ticker"], r["date"])):
        t, d = r["ticker"], r["date"]
        c = counts.get(t, [])
        # A count dated after the whole price range says nothing about it (SMIC).
        if not c or c[0][0] > last_price_date[t]:
            shares, as_of, cap, basis, kind = "", "", "", "price_only", ""
        else:
            as_of, n, kind = c[0]
            for day, k, what in c:
                if day <= d:
                    as_of, n, kind = day, k, what
            shares = str(n)
            cap = "%.0f" % (float(r["close"]) * n)
            basis = "market_cap"
        rows.append([d, t, COMPANIES[t], r["market"], r["currency"], r["close"],
                     shares, as_of, kind, cap, basis])
    rows.sort(key=lambda x: (x[0], x[1]))
    write(out / "market-caps.csv",
          ["date", "ticker", "company", "market", "currency", "close",
           "shares_outstanding", "shares_as_of", "shares_kind", "market_cap", "basis"], rows)
    return rows


def copy(src_file, out_file, columns):
    rows = read(src_file)
    out = [[r[c[0]] for c in columns] for r in rows]
    write(out_file, [c[1] for c in columns], out)
    return out


# The index rows name the copy they were read from; the values are FRED's
# text as it is (three decimals, no value computed or filled).
INDEX_SOURCES = {
    "FRED_R": "cyby2000/fred-relay@551729bc7104ad0346a30c4f69e679f20c63b939:data/NASDAQCOM.csv",
}
INDEX_NAMES = {"NASDAQCOM": "Nasdaq Composite"}


def index_daily(src, out):
    rows = [[r["date"], r["series"], INDEX_NAMES[r["series"]], r["close"], INDEX_SOURCES[r["source_id"]]]
            for r in read(src / "index_daily.csv")]
    write(out / "index-daily.csv", ["date", "series", "name", "close", "source"], rows)
    return rows


def main():
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    made = {"market-caps.csv": market_caps(src, out)}
    made["events.csv"] = copy(
        src / "events.csv", out / "events.csv",
        [("date", "date"), ("title", "title"), ("category", "category"),
         ("description", "description"), ("source_url", "source_url")])
    made["model-releases.csv"] = copy(
        src / "ai_model_releases.csv", out / "model-releases.csv",
        [("date", "date"), ("model", "model"), ("organization", "organization"),
         ("country", "country"), ("open_weights", "open_weights"),
         ("parameters", "parameters"), ("source_url_or_path", "source")])
    # The cached-input price and how each date was chosen (a vendor's
    # effective date, or the day a tracker recorded the price) are kept.
    made["api-prices.csv"] = copy(
        src / "api_price_history.csv", out / "api-prices.csv",
        [("effective_date", "date"), ("vendor", "vendor"), ("model", "model"),
         ("vendor_country", "country"), ("input_usd_per_mtok", "input_usd_per_mtok"),
         ("output_usd_per_mtok", "output_usd_per_mtok"),
         ("cached_input_usd_per_mtok", "cached_input_usd_per_mtok"), ("change", "change"),
         ("date_basis", "date_basis"), ("source_ref", "source")])
    made["index-daily.csv"] = index_daily(src, out)
    for name, rows in made.items():
        dates = [r[0] for r in rows]
        print("%-20s %6d rows  %s .. %s" % (name, len(rows), min(dates), max(dates)))
    for f in sorted(src.glob("*.csv")):
        print("%s  %s" % (hashlib.sha256(f.read_bytes()).hexdigest(), f.name))


if __name__ == "__main__":
    main()
