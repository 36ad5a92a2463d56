#!/usr/bin/python3
"""Runs cimulate-conform once and checks what it reported.

Checks the exit code, that the JSON, JUnit and HTML reports were written,
that the JSON holds the cases named by --expect with one of the verdicts
given, and (--only) that every case has one of the verdicts given.  Prints
what it found either way, so a failing ctest says which case went wrong.
"""
import argparse
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--conform", required=True, help="the cimulate-conform binary")
    p.add_argument("--work", required=True, help="folder for the reports")
    p.add_argument("--name", required=True, help="names the report files")
    p.add_argument("--impl", help="the MI library under test (default: cimulate's own)")
    p.add_argument("--exit", type=int, required=True, help="the exit code the run must end with")
    p.add_argument("--filter", help="passed to cimulate-conform run --filter")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--step-timeout-ms", help="passed to cimulate-conform run: what a HANG costs")
    p.add_argument("--no-stacks", action="store_true", help="passed to cimulate-conform run")
    p.add_argument("--baseline", help="passed to cimulate-conform run --baseline")
    p.add_argument("--timeout", type=int, default=150, help="seconds the run may take")
    p.add_argument("--expect", action="append", default=[], metavar="VERDICT[|VERDICT]:CASE")
    p.add_argument("--only", metavar="VERDICT,...", help="every case must have one of these verdicts")
    return p.parse_args()


def run(args, paths):
    command = [args.conform, "run", "--jobs", str(args.jobs),
               "--json", paths["json"], "--junit", paths["junit"], "--html", paths["html"]]
    if args.impl:
        command += ["--impl", args.impl]
    if args.filter:
        command += ["--filter", args.filter]
    if args.step_timeout_ms:
        command += ["--step-timeout-ms", args.step_timeout_ms]
    if args.no_stacks:
        command += ["--no-stacks"]
    if args.baseline:
        command += ["--baseline", args.baseline]
    print("$ " + " ".join(command), flush=True)
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=args.timeout, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        sys.exit("FAILED: cimulate-conform did not finish within %d s" % args.timeout)
    print(done.stdout)
    return done.returncode


def load_report(paths, problems):
    for kind in ("json", "junit", "html"):
        if not os.path.isfile(paths[kind]) or os.path.getsize(paths[kind]) == 0:
            problems.append("the %s report %s was not written" % (kind, paths[kind]))
    try:
        ElementTree.parse(paths["junit"])
    except (OSError, ElementTree.ParseError) as e:
        problems.append("the JUnit report does not parse: %s" % e)
    try:
        with open(paths["json"], encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        problems.append("the JSON report does not load: %s" % e)
        return {}
    if report.get("schema") != "cimulate-conform/1":
        problems.append("the JSON report's schema is %r" % report.get("schema"))
    return {case["name"]: case for case in report.get("cases", [])}


def check_expectations(args, cases, problems):
    for item in args.expect:
        verdicts, _, name = item.partition(":")
        wanted = verdicts.split("|")
        case = cases.get(name)
        if case is None:
            problems.append("case %s is not in the report" % name)
        elif case["verdict"] not in wanted:
            problems.append("case %s: expected %s, got %s (%s)" %
                            (name, " or ".join(wanted), case["verdict"], case.get("reason", "")))
    if args.only:
        allowed = args.only.split(",")
        for name, case in sorted(cases.items()):
            if case["verdict"] not in allowed:
                problems.append("case %s: expected %s, got %s (%s)" %
                                (name, " or ".join(allowed), case["verdict"], case.get("reason", "")))


def main():
    args = parse_args()
    os.makedirs(args.work, exist_ok=True)
    paths = {kind: os.path.join(args.work, "%s.%s" % (args.name, ext))
             for kind, ext in (("json", "json"), ("junit", "xml"), ("html", "html"))}
    for path in paths.values():
        if os.path.exists(path):
            os.remove(path)
    code = run(args, paths)
    problems = []
    if code != args.exit:
        problems.append("exit code %d, expected %d" % (code, args.exit))
    cases = load_report(paths, problems)
    if not cases:
        problems.append("the report has no cases")
    check_expectations(args, cases, problems)
    verdicts = {}
    for case in cases.values():
        verdicts[case["verdict"]] = verdicts.get(case["verdict"], 0) + 1
    print("verdicts: " + ", ".join("%s %d" % kv for kv in sorted(verdicts.items())))
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
