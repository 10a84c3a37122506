#!/usr/bin/python3
"""The statistics of `undercut study`, checked against numpy and scipy.

An independent computation from the same CSV files: returns on each
market's trading days, the market model by numpy's least squares, the CAR's
variance from the full matrix form s² 1'(I + X*(X'X)⁻¹X*')1, t and p from
scipy's Student t. Every figure must agree to 1e-9 relative. Run on the
embedded data (the DeepSeek shock, BYD's announcement) and on generated
tables with the awkward cases: a company listed after the estimation window
starts, one with too few days, missing closes, a window past the data, two
markets with different holidays.

Usage: stats-check.py UNDERCUT [SOURCE_DIR]   (TAP on stdout)
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings
from datetime import date, timedelta

import numpy as np
from scipy import optimize, stats

UNDERCUT = sys.argv[1]
SRC = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..")
DATA = os.path.join(SRC, "data", "datasets")
REL = 1e-9
MIN_DAYS = 30

results = []


def ok(cond, what):
    results.append((bool(cond), what))


def close_enough(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL * max(abs(a), abs(b)) + 1e-15


def read_prices(path):
    rows = {}
    order = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            t = r["ticker"]
            if t not in rows:
                order.append(t)
                rows[t] = {"market": r.get("market") or "", "days": {}, "caps": {}}
            if r["close"] != "":
                rows[t]["days"][r["date"]] = float(r["close"])
            if r.get("market_cap"):
                rows[t]["caps"][r["date"]] = float(r["market_cap"])
    return rows, order


def read_index(path):
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["close"] != "":
                out.setdefault(r["series"], {})[r["date"]] = float(r["close"])
    return out


def nanmean(rows):
    """The mean of each column's values present; NaN where none is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(rows, axis=0)


def returns_on(calendar, closes):
    r = np.full(len(calendar), np.nan)
    for k in range(1, len(calendar)):
        a, b = closes.get(calendar[k - 1]), closes.get(calendar[k])
        if a is not None and b is not None and a > 0:
            r[k] = b / a - 1
    return r


def model(r, rm, k0, est):
    ks = [k0 + tau for tau in range(est[0], est[1] + 1)
          if k0 + tau >= 1 and np.isfinite(r[k0 + tau]) and np.isfinite(rm[k0 + tau])]
    if len(ks) < MIN_DAYS:
        return None
    X = np.column_stack([np.ones(len(ks)), rm[ks]])
    y = r[ks]
    coef, ssr, _, _ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    s2 = resid @ resid / (len(ks) - 2)
    cov = s2 * np.linalg.inv(X.T @ X)
    r2 = 1 - (resid @ resid) / np.sum((y - y.mean()) ** 2)
    return {"X": X, "coef": coef, "s2": s2, "n": len(ks), "cov": cov, "r2": r2}


def t_crit(df):
    # scipy's t.ppf is good to about 1e-10 here; its survival function to
    # 1e-15, so the quantile is found from that.
    return optimize.brentq(lambda t: 2 * stats.t.sf(t, df) - 0.05, 0.5, 50, xtol=1e-15, rtol=1e-15)


def car(m, r, rm, k0, a, b):
    if k0 + b >= len(r) or k0 + a < 1:
        return None
    ks = list(range(k0 + a, k0 + b + 1))
    if not all(np.isfinite(r[k]) and np.isfinite(rm[k]) for k in ks):
        return None
    Xs = np.column_stack([np.ones(len(ks)), rm[ks]])
    ar = r[ks] - Xs @ m["coef"]
    V = m["s2"] * (np.eye(len(ks)) + Xs @ np.linalg.inv(m["X"].T @ m["X"]) @ Xs.T)
    one = np.ones(len(ks))
    c = ar.sum()
    se = math.sqrt(one @ V @ one)
    t = c / se
    p = 2 * stats.t.sf(abs(t), m["n"] - 2)
    return c, se, t, p


def expected(prices, index, companies, event, est, windows, path, series_for):
    rows, order = prices
    markets = {}
    for t in order:
        markets.setdefault(rows[t]["market"], set()).update(rows[t]["days"].keys())
    cal = {mk: sorted(days) for mk, days in markets.items()}
    out = {}

    def bench(mk, members):
        c = cal[mk]
        s = series_for.get(mk)
        if s:
            return returns_on(c, index[s])
        others = [t for t in order if rows[t]["market"] == mk and t not in members]
        rs = np.array([returns_on(c, rows[t]["days"]) for t in others])
        return nanmean(rs) if len(others) else None

    def line(r, rm, mk, caps):
        c = cal[mk]
        k0 = next((k for k, d in enumerate(c) if d >= event), None)
        m = model(r, rm, k0, est)
        if m is None:
            return None
        res = {"alpha": m["coef"][0], "beta": m["coef"][1], "n": m["n"], "r2": m["r2"],
               "se_alpha": math.sqrt(m["cov"][0, 0]), "se_beta": math.sqrt(m["cov"][1, 1]),
               "residual_sd": math.sqrt(m["s2"]), "t_crit": t_crit(m["n"] - 2),
               "event_day": c[k0], "windows": [], "path": []}
        for a, b in windows:
            x = car(m, r, rm, k0, a, b)
            cap = caps.get(c[k0 + a - 1]) if caps is not None and k0 + a - 1 >= 0 else None
            res["windows"].append(None if x is None else
                                  {"car": x[0], "se": x[1], "t": x[2], "p": x[3],
                                   "money": x[0] * cap if cap is not None else None})
        for tau in range(path[0], path[1] + 1):
            x = car(m, r, rm, k0, path[0], tau)
            res["path"].append(None if x is None else (x[0], x[1]))
        return res

    for t in companies:
        mk = rows[t]["market"]
        r = returns_on(cal[mk], rows[t]["days"])
        out[t] = line(r, bench(mk, {t}), mk, rows[t]["caps"])
    mks = {rows[t]["market"] for t in companies}
    if len(companies) > 1 and len(mks) == 1:
        mk = mks.pop()
        rs = np.array([returns_on(cal[mk], rows[t]["days"]) for t in companies])
        basket = nanmean(rs)
        rm = bench(mk, set(companies))
        if rm is not None:
            out["basket"] = line(basket, rm, mk, None)
            if out["basket"]:
                for j, w in enumerate(out["basket"]["windows"]):
                    if w is not None:
                        ms = [out[t]["windows"][j]["money"] if out[t] and out[t]["windows"][j] else None
                              for t in companies]
                        w["money"] = None if any(x is None for x in ms) else sum(ms)
    return out


def run_study(args):
    p = subprocess.run([UNDERCUT, "study", "--json"] + args, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"undercut study {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def compare(name, got, want, windows):
    checked = 0
    lines = {l["id"]: l for l in got["lines"]}
    ok(set(lines) == set(want), f"{name}: the lines are {sorted(want)} (got {sorted(lines)})")
    for tid, w in want.items():
        g = lines.get(tid)
        if g is None:
            continue
        if w is None:
            ok(not g["ok"] and g["why"], f"{name} {tid}: refused with a reason ({g['why']})")
            continue
        ok(g["ok"], f"{name} {tid}: studied")
        if not g["ok"]:
            continue
        bad = []
        for key in ("alpha", "beta", "r2", "se_alpha", "se_beta", "residual_sd", "t_crit"):
            checked += 1
            if not close_enough(g[key], w[key]):
                bad.append(f"{key} {g[key]!r} vs {w[key]!r}")
        if g["estimation_days"] != w["n"]:
            bad.append(f"days {g['estimation_days']} vs {w['n']}")
        if g["event_day"] != w["event_day"]:
            bad.append(f"day 0 {g['event_day']} vs {w['event_day']}")
        for j, ww in enumerate(w["windows"]):
            gw = g["windows"][j]
            if ww is None:
                if gw["ok"] or not gw["why"]:
                    bad.append(f"window {windows[j]} should be refused with a reason")
                continue
            if not gw["ok"]:
                bad.append(f"window {windows[j]} refused: {gw['why']}")
                continue
            for key in ("car", "se", "t", "p", "money"):
                checked += 1
                if not close_enough(gw[key], ww[key]):
                    bad.append(f"window {windows[j]} {key} {gw[key]!r} vs {ww[key]!r}")
        for j, wp in enumerate(w["path"]):
            gp = g["path"][j]
            checked += 2
            if wp is None:
                if gp["car"] is not None:
                    bad.append(f"path day {gp['day']} should be empty")
            elif not (close_enough(gp["car"], wp[0]) and close_enough(gp["se"], wp[1])):
                bad.append(f"path day {gp['day']}: {gp['car']!r}, {gp['se']!r} vs {wp}")
        ok(not bad, f"{name} {tid}: every figure agrees to 1e-9" + (": " + "; ".join(bad[:4]) if bad else ""))
    return checked


def study_case(name, prices_path, index_path, companies, event, args, series_for,
               est=(-120, -11), windows=((-1, 1), (0, 5), (0, 20)), path=(-10, 20)):
    got = run_study(args)
    want = expected((read_prices(prices_path)), read_index(index_path) if index_path else {},
                    companies, event, est, list(windows), path, series_for)
    return compare(name, got, want, list(windows))


def check_study_pack(tmp, prices, index, us8):
    """study --pack: each line's points in data.csv, the basket's low and
    high against CAR ± t·se computed here, the companies' empty."""
    pack = os.path.join(tmp, "car")
    p = subprocess.run([UNDERCUT, "study", "--event", "2025-01-27", "--pack", pack],
                       capture_output=True, text=True)
    if p.returncode != 0:
        ok(False, f"study --pack: exit {p.returncode}: {p.stderr.strip()}")
        return 0
    want = expected(read_prices(prices), read_index(index), us8, "2025-01-27", (-120, -11),
                    [(-1, 1), (0, 5), (0, 20)], (-10, 20), {"US": "NASDAQCOM"})["basket"]
    with open(os.path.join(pack, "data.csv"), newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = list(reader)
    spec = json.load(open(os.path.join(pack, "chart.json")))
    banded = [s["label"] for s in spec["series"] if s.get("band")]
    ok(fields == ["series", "x", "value", "low", "high"], f"study --pack: data.csv's columns {fields}")
    ok(banded == ["Equal-weight basket"], f"study --pack: chart.json gives the basket alone a band ({banded})")
    basket = [r for r in rows if r["series"] == "Equal-weight basket"]
    others = [r for r in rows if r["series"] != "Equal-weight basket"]
    ok(others and all(r["low"] == "" and r["high"] == "" for r in others),
       "study --pack: the companies' rows have no band")
    bad = []
    for r in basket:
        c, se = want["path"][int(r["x"]) + 10]
        half = want["t_crit"] * se
        for key, v in (("value", c), ("low", c - half), ("high", c + half)):
            if not close_enough(float(r[key]), v * 100):
                bad.append(f"day {r['x']} {key} {r[key]} vs {v * 100!r}")
    ok(len(basket) == 31 and not bad, f"study --pack: the basket's CAR and 95% band agree to 1e-9 on "
       f"{len(basket)} days" + (": " + "; ".join(bad[:3]) if bad else ""))
    return 3 * len(basket)


MASK = (1 << 64) - 1


class SplitMix:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        threshold = (-n & MASK) % n
        while True:
            r = self.next()
            if r >= threshold:
                return r % n


EUROPE = {"AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL", "NO", "PL", "SE"}


def region_of_countries(cell):
    """The first region, in the order US, China, Europe, that lists one of the codes."""
    codes = [c.strip() for c in cell.split(";")]
    for name, members in (("US", {"US"}), ("China", {"CN"}), ("Europe", EUROPE)):
        if any(c in members for c in codes):
            return name
    return "Other"


def part_time(model):
    return ("off-peak" in model and " only" in model) or ", peak " in model or "promotion" in model


def frontier_expected(args):
    opts = {"--price": "output", "--filter": "", "--from": None, "--to": None,
            "--resamples": "2000", "--seed": "20250120"}
    all_prices = "--all-prices" in args
    for i, a in enumerate(args):
        if a in opts:
            opts[a] = args[i + 1]
    region_of = region_of_countries
    words = [w for w in opts["--filter"].lower().replace(",", " ").split() if w]
    rows = []
    with open(os.path.join(DATA, "api-prices.csv"), newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            pin = float(r["input_usd_per_mtok"]) if r["input_usd_per_mtok"] else math.nan
            pout = float(r["output_usd_per_mtok"]) if r["output_usd_per_mtok"] else math.nan
            price = {"input": pin, "output": pout, "blended": (3 * pin + pout) / 4}[opts["--price"]]
            region = region_of(r["country"])
            hay = "\x1f".join([r["vendor"], r["model"], r["country"], region]).lower()
            if not math.isfinite(price) or any(w not in hay for w in words):
                continue
            if not all_prices and part_time(r["model"]):
                continue
            rows.append((date.fromisoformat(r["date"]).toordinal(), i, region, r["vendor"], r["model"], price))
    rows.sort()
    day_from = date.fromisoformat(opts["--from"]).toordinal() if opts["--from"] else rows[0][0]
    day_to = date.fromisoformat(opts["--to"]).toordinal() if opts["--to"] else rows[-1][0]
    out = {}
    for region in ("US", "China", "Europe", "Other"):
        mine = [r for r in rows if r[2] == region]
        if not mine:
            continue
        offers, steps = {}, []
        for day in sorted({r[0] for r in mine}):
            for r in mine:
                if r[0] == day:
                    offers[(r[3], r[4])] = r
            best = min(offers.values(), key=lambda r: (r[5], r[1]))
            if not steps or steps[-1][1] != best[5]:
                steps.append((day, best[5]))
        xs, ys = [], []
        for day in range(day_from, day_to + 1, 30):
            now = [p for d, p in steps if d <= day]
            if now:
                xs.append((day - day_from) / 365.25)
                ys.append(math.log2(now[-1]))
        res = {"samples": len(xs), "steps": steps}
        if len(xs) >= 8:
            slope = np.polyfit(xs, ys, 1)[0]
            res["yearly_factor"] = 2 ** slope
            rng = SplitMix(int(opts["--seed"]))
            slopes = []
            nx = len(xs)
            for _ in range(int(opts["--resamples"])):
                pick = []
                while len(pick) < nx:
                    start = rng.below(nx - 6 + 1)
                    pick.extend(range(start, start + 6))
                pick = pick[:nx]
                bx, by = np.array(xs)[pick], np.array(ys)[pick]
                if np.sum((bx - bx.mean()) ** 2) > 0:
                    slopes.append(np.polyfit(bx, by, 1)[0])
            res["yearly_factor_lo"] = 2 ** np.percentile(slopes, 2.5)
            res["yearly_factor_hi"] = 2 ** np.percentile(slopes, 97.5)
            res["resamples_used"] = len(slopes)
        out[region] = res
    return out


def check_frontier(args):
    p = subprocess.run([UNDERCUT, "frontier", "--json"] + args, capture_output=True, text=True)
    if p.returncode != 0:
        ok(False, f"frontier {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
        return 0
    got = {r["region"]: r for r in json.loads(p.stdout)["regions"]}
    want = frontier_expected(args)
    bad = []
    checked = 0
    if set(got) != set(want):
        bad.append(f"regions {sorted(got)} vs {sorted(want)}")
    for region, w in want.items():
        g = got.get(region)
        if g is None:
            continue
        gsteps = [(date.fromisoformat(s["date"]).toordinal(), s["price"]) for s in g["steps"]]
        if gsteps != w["steps"]:
            bad.append(f"{region} steps differ: {gsteps[:3]} vs {w['steps'][:3]}")
        if g["samples"] != w["samples"]:
            bad.append(f"{region} samples {g['samples']} vs {w['samples']}")
        for key in ("yearly_factor", "yearly_factor_lo", "yearly_factor_hi", "resamples_used"):
            checked += 1
            if key in w and not close_enough(g[key], w[key]):
                # A slope of zero give or take rounding is 1 give or take 1e-15.
                if not (key != "resamples_used" and abs(g[key] - w[key]) < 1e-12):
                    bad.append(f"{region} {key} {g[key]!r} vs {w[key]!r}")
    ok(not bad, f"frontier {' '.join(args) or '(defaults)'}: steps, fit and bootstrap agree"
       + (": " + "; ".join(bad[:4]) if bad else ""))
    return checked


def make_fixture(folder):
    """Two markets: AA (an index, IDX) and BB (none), with their own holidays."""
    rng = np.random.default_rng(20250127)
    start = date(2024, 1, 1)
    days = [start + timedelta(d) for d in range(400) if (start + timedelta(d)).weekday() < 5]
    aa_holidays = {days[50], days[120], days[200]}
    bb_holidays = {days[60], days[121], days[199], days[230]}
    aa_days = [d for d in days if d not in aa_holidays]
    bb_days = [d for d in days if d not in bb_holidays]
    rows, idx = [], []
    level = 1000.0
    market_r = {}
    for d in aa_days:
        r = rng.normal(0.0004, 0.011)
        market_r[d] = r
        level *= 1 + r
        idx.append((d.isoformat(), "IDX", "Test index", f"{level:.3f}", "AA"))
    tickers = [("AAA", "AA", 1.3, None, None), ("AAB", "AA", 0.7, None, None),
               ("LATE", "AA", 1.0, aa_days[170], None),     # listed 40 days before the estimation ends
               ("NEW", "AA", 1.1, aa_days[215], None),      # too few days
               ("GAP", "AA", 0.9, None, "gaps"),
               ("BBA", "BB", 1.0, None, None), ("BBB", "BB", 1.0, None, None), ("BBC", "BB", 1.0, None, None)]
    for t, mk, beta, listed, kind in tickers:
        price = 50.0
        shares = 1e9 if t != "AAB" else None
        mdays = aa_days if mk == "AA" else bb_days
        common = 0.0
        for i, d in enumerate(mdays):
            if mk == "AA":
                r = 0.0002 + beta * market_r[d] + rng.normal(0, 0.015)
            else:
                common = rng.normal(0.0003, 0.012) if True else common
                r = common * 0.5 + rng.normal(0, 0.014)
            price *= 1 + r
            if listed and d < listed:
                continue
            if kind == "gaps" and i in (100, 140, 226):
                continue
            cap = f"{price * shares:.0f}" if shares else ""
            rows.append((d.isoformat(), t, t + " Inc", mk, "XXX", f"{price:.4f}", cap))
    rows.sort()
    pp = os.path.join(folder, "prices.csv")
    with open(pp, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "ticker", "company", "market", "currency", "close", "market_cap"])
        w.writerows(rows)
    ip = os.path.join(folder, "index.csv")
    with open(ip, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "series", "name", "close", "market"])
        w.writerows(idx)
    return pp, ip, aa_days, bb_days


def main():
    n = 0
    prices = os.path.join(DATA, "market-caps.csv")
    index = os.path.join(DATA, "index-daily.csv")
    us8 = ["NVDA", "MSFT", "GOOGL", "META", "TSM", "ORCL", "AAPL", "AMZN"]
    n += study_case("DeepSeek shock", prices, index, us8, "2025-01-27", ["--event", "2025-01-27"],
                    {"US": "NASDAQCOM"})
    n += study_case("DeepSeek-R1 (a US holiday)", prices, index, us8, "2025-01-20",
                    ["--event", "2025-01-20", "--window", "0,0", "--window", "-2,3"], {"US": "NASDAQCOM"},
                    windows=((0, 0), (-2, 3)))
    hk = ["0700.HK", "0981.HK", "1211.HK", "1810.HK", "9888.HK", "9988.HK"]
    n += study_case("BYD's announcement", prices, index, hk, "2025-03-17",
                    ["--event", "2025-03-17", "--companies", "HK"], {})
    n += study_case("BYD against two others", prices, index, ["1211.HK", "0700.HK"], "2025-03-17",
                    ["--event", "2025-03-17", "--companies", "1211.HK,0700.HK", "--estimation", "-60,-5",
                     "--days", "-3,10"], {}, est=(-60, -5), path=(-3, 10))
    n += study_case("NVDA against the basket", prices, index, ["NVDA"],
                    "2025-01-27", ["--event", "2025-01-27", "--companies", "NVDA", "--benchmark", "basket"], {})

    with tempfile.TemporaryDirectory() as tmp:
        pp, ip, aa_days, bb_days = make_fixture(tmp)
        ev = aa_days[230].isoformat()
        aa = ["AAA", "AAB", "LATE", "NEW", "GAP"]
        n += study_case("fixture, market AA", pp, ip, aa, ev,
                        ["--prices", pp, "--index", ip, "--events", "none", "--event", ev,
                         "--companies", "AA"], {"AA": "IDX"})
        ev_end = aa_days[-8].isoformat()
        n += study_case("fixture, a window past the data", pp, ip, ["AAA", "AAB"], ev_end,
                        ["--prices", pp, "--index", ip, "--events", "none", "--event", ev_end,
                         "--companies", "AAA,AAB"], {"AA": "IDX"})
        n += study_case("fixture, market BB (no index)", pp, ip, ["BBA", "BBC"], ev,
                        ["--prices", pp, "--index", ip, "--events", "none", "--event", ev,
                         "--companies", "BBA,BBC"], {})
        got = run_study(["--prices", pp, "--index", ip, "--events", "none", "--event", ev,
                         "--companies", "AAA,BBA"])
        days0 = {l["id"]: l["event_day"] for l in got["lines"]}
        ok(days0.get("AAA") and days0.get("BBA") and "basket" not in days0,
           f"two markets: each its own day 0 ({days0}), no basket line")
        ok(any("own trading days" in s for s in got["notes"]), "two markets: a note says how days are aligned")
        late = next(l for l in got["lines"] if l["id"] == "AAA")
        ok(late["ok"], "the fixture's AAA is studied")

    # The largest moves: the combined cap on the days all have one.
    rows, _ = read_prices(prices)
    for members, direction, by in ((us8, "falls", "percent"), (us8 + ["AVGO"], "falls", "money"),
                                   (["1211.HK"], "rises", "percent"), (["0981.HK"], "both", "percent")):
        use_cap = all(rows[t]["caps"] for t in members)
        key = "caps" if use_cap else "days"
        days = sorted(set.intersection(*[set(rows[t][key]) for t in members]))
        vals = [sum(rows[t][key][d] for t in members) for d in days]
        want = [(days[i], vals[i] / vals[i - 1] - 1, vals[i] - vals[i - 1] if use_cap else None)
                for i in range(1, len(days))]
        size = {"falls": lambda m: -m, "rises": lambda m: m, "both": abs}[direction]
        want.sort(key=lambda m: (-size(m[2] if by == "money" else m[1]), m[0]))
        p = subprocess.run([UNDERCUT, "moves", "--json", "--top", "10", "--companies", ",".join(members),
                            "--direction", direction, "--by", by], capture_output=True, text=True)
        got = json.loads(p.stdout)["moves"] if p.returncode == 0 else []
        bad = [f"{g['date']} {g['change']} vs {w[0]} {w[1]}" for g, w in zip(got, want)
               if g["date"] != w[0] or not close_enough(g["change"], w[1]) or not close_enough(g["money"], w[2])]
        n += 3 * len(got)
        ok(len(got) == 10 and not bad, f"moves of {','.join(members)} ({direction}, by {by}): the ten agree"
           + (": " + "; ".join(bad[:3]) if bad else ""))

    # The price frontier, its trend and the block bootstrap, seed for seed.
    for args in ([], ["--price", "input"], ["--price", "blended", "--from", "2024-06-01"],
                 ["--filter", "deepseek"], ["--all-prices", "--resamples", "500", "--seed", "7"]):
        n += check_frontier(args)

    # The study drawn, in each format.
    with tempfile.TemporaryDirectory() as tmp:
        for ext, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
            out = os.path.join(tmp, "car." + ext)
            p = subprocess.run([UNDERCUT, "study", "--event", "2025-01-27", "--output", out],
                               capture_output=True, text=True)
            data = open(out, "rb").read() if os.path.exists(out) else b""
            ok(p.returncode == 0 and data.startswith(magic),
               f"study --output car.{ext}: written ({p.returncode}, {p.stderr.strip()[:80]})")
            out2 = os.path.join(tmp, "frontier." + ext)
            p2 = subprocess.run([UNDERCUT, "frontier", "--output", out2], capture_output=True, text=True)
            ok(p2.returncode == 0 and os.path.exists(out2) and open(out2, "rb").read(8).startswith(magic),
               f"frontier --output frontier.{ext}: written ({p2.returncode}, {p2.stderr.strip()[:80]})")
            if ext == "svg":
                text = data.decode("utf-8", "replace")
                ok("Event study" in text and "95%" in text and "band" in text and "Equal-weight" in text,
                   "the SVG names the study, the band and the basket")

    # The study and the frontier as report packs: data.csv carries the
    # basket's 95% band (CAR ± t·se, in percent) beside its line, and the
    # pack drawn again from chart.json and data.csv is the same PNG.
    with tempfile.TemporaryDirectory() as tmp:
        n += check_study_pack(tmp, prices, index, us8)
        for name, args in (("study", ["study", "--event", "2025-01-27", "--theme", "dark"]),
                           ("frontier", ["frontier", "--price", "blended", "--width", "1000", "--height", "600"])):
            pack, again = os.path.join(tmp, name), os.path.join(tmp, name + "-again")
            p = subprocess.run([UNDERCUT] + args + ["--pack", pack], capture_output=True, text=True)
            theme = ["--theme", "dark"] if "dark" in args else []
            p2 = subprocess.run([UNDERCUT, "export", "--spec", os.path.join(pack, "chart.json"), "--pack", again]
                                + theme, capture_output=True, text=True)
            same = (p.returncode == 0 and p2.returncode == 0 and
                    open(os.path.join(pack, "chart.png"), "rb").read() ==
                    open(os.path.join(again, "chart.png"), "rb").read())
            ok(same, f"{name} --pack: drawn again by export --spec, the same PNG "
               f"({p.returncode}, {p2.returncode}: {(p.stderr + p2.stderr).strip()[:120]})")

    # Usage errors name what is wrong.
    for args, words in ((["--event", "2025-13-40"], "not a date"),
                        (["--event", "2025-01-27", "--window", "5,1"], "ends before it starts"),
                        (["--event", "2025-01-27", "--window", "-20,0"], "must end before"),
                        (["--event", "2025-01-27", "--companies", "NOPE"], "NOPE"),
                        (["--event", "2025-01-27", "--benchmark", "SPX"], "SPX")):
        p = subprocess.run([UNDERCUT, "study"] + args, capture_output=True, text=True)
        ok(p.returncode == 2 and words in p.stderr, f"study {' '.join(args)}: exit 2 naming “{words}” "
           f"(exit {p.returncode}: {p.stderr.strip()[:120]})")

    print(f"# {n} figures compared")
    print(f"1..{len(results)}")
    for i, (good, what) in enumerate(results, 1):
        print(f"{'ok' if good else 'not ok'} {i} - {what}")
    return 0 if all(g for g, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
