#!/bin/sh
# formats.sh - the machine-readable formats end to end: each parses as its
# consumers read it (JSON, SARIF, github workflow commands, checkstyle XML,
# rdjsonl), input errors included, and the CI examples are valid YAML.
. tests/e2e-lib.sh

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# a document with name slips (found when the name checks exist), a clean
# one, and one with an input error
cat >"$TMP/story.txt" <<'DOC'
Nvidia makes the H20 chip. The H20 sells well in China, and Nvidia says demand is strong.

Permitting NVIDIA to keep selling the H2O to China drew criticism, the people said.

Nvidia shares rose. Nvidia declined to comment. Huang later spoke at Mar-a-Largo.
DOC
printf 'A plain sentence.\n' >"$TMP/clean.txt"
printf 'ok\n\377\n' >"$TMP/bad.txt"

findings=0
if "$FACTLINT" --list-rules | grep -q '^name-casing'; then findings=1; fi
[ "$findings" = 1 ] || echo "# name checks not registered yet: formats checked without findings"

py() { # name script file: runs a python3 check of a file
    if [ "$have_python" = 0 ]; then ok "$1 (skipped: no python3)"; return; fi
    if python3 -c "$2" "$3" >"$TMP/py.out" 2>&1; then ok "$1"; else
        not_ok "$1" "$(head -c 600 "$TMP/py.out")"; fi
}

for fmt in json sarif github checkstyle rdjsonl; do
    run "$FACTLINT" --format=$fmt "$TMP/story.txt" "$TMP/clean.txt" "$TMP/bad.txt"
    expect_status "$fmt-exit" 2
    cp "$TMP/out" "$TMP/out.$fmt"
    # the input error is in the report (machine formats) or on stderr
    case $fmt in
    github | checkstyle | rdjsonl | json) expect_out "$fmt-input-error" "invalid UTF-8" ;;
    esac
done

py json-contract '
import json, sys
doc = json.load(open(sys.argv[1]))
assert set(doc) == {"version", "files"} and doc["version"] == 1, doc.keys()
assert [f["path"].rsplit("/", 1)[-1] for f in doc["files"]] == ["story.txt", "clean.txt", "bad.txt"]
keys = {"rule", "severity", "line", "column", "end_line", "end_column", "offset", "length",
        "text", "message", "suggestion", "related", "fingerprint"}
src = open(sys.argv[1].rsplit("/", 1)[0] + "/story.txt", "rb").read()
for f in doc["files"]:
    assert set(f) == {"path", "error", "findings"}, f.keys()
    for x in f["findings"]:
        assert set(x) == keys, x.keys()
        assert x["severity"] in ("error", "warning", "info")
        assert src[x["offset"]:x["offset"] + x["length"]].decode() == x["text"]
        assert x["line"] >= 1 and x["column"] >= 1 and x["end_column"] >= x["column"]
        assert x["suggestion"] is None or isinstance(x["suggestion"], str)
        assert len(x["fingerprint"]) == 16
        for r in x["related"]:
            assert set(r) == {"line", "column", "offset", "length", "text"}
            assert src[r["offset"]:r["offset"] + r["length"]].decode() == r["text"]
assert doc["files"][1]["error"] is None and doc["files"][1]["findings"] == []
assert "invalid UTF-8" in doc["files"][2]["error"]
' "$TMP/out.json"

py sarif-fields '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0" and "$schema" in doc
run = doc["runs"][0]
d = run["tool"]["driver"]
for k in ("name", "version", "informationUri", "rules"):
    assert k in d, k
for r in d["rules"]:
    for k in ("id", "shortDescription", "fullDescription", "help", "defaultConfiguration"):
        assert k in r, (r.get("id"), k)
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
ids = [r["id"] for r in d["rules"]]
for res in run["results"]:
    assert res["ruleId"] in ids and res["level"] in ("error", "warning", "note")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/")
    reg = loc["region"]
    for k in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(reg[k], int) and reg[k] >= 1, k
    assert "partialFingerprints" in res
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
assert "invalid UTF-8" in inv["toolExecutionNotifications"][0]["message"]["text"]
' "$TMP/out.sarif"

py checkstyle-xml '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "checkstyle"
files = root.findall("file")
assert len(files) == 3, len(files)
for e in root.iter("error"):
    assert e.get("severity") in ("error", "warning", "info") and int(e.get("line")) >= 1
    assert e.get("source").startswith("factlint.")
' "$TMP/out.checkstyle"

py rdjsonl-lines '
import json, sys
n = 0
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert d["message"] and d["location"]["path"] and d["severity"] in ("ERROR", "WARNING", "INFO")
    n += 1
assert n >= 1
' "$TMP/out.rdjsonl"

if grep -v '^::\(error\|warning\|notice\) file=' "$TMP/out.github" | grep -q .; then
    not_ok github-commands "a line that is not a workflow command: $(head -n 3 "$TMP/out.github")"
else
    ok github-commands
fi

if [ "$findings" = 1 ]; then
    run "$FACTLINT" --format=json "$TMP/story.txt"
    expect_status json-findings 1
    expect_out json-has-casing '"rule": "name-casing"'
    run "$FACTLINT" --format=github "$TMP/story.txt"
    expect_out github-title "title=factlint name-casing::"
    run "$FACTLINT" --format=sarif "$TMP/story.txt"
    expect_out sarif-fix '"insertedContent"'
else
    ok "findings-in-formats (skipped: name checks not registered yet)"
fi

# clean input: valid, empty reports
for fmt in json sarif checkstyle; do
    run "$FACTLINT" --format=$fmt "$TMP/clean.txt"
    expect_status "$fmt-clean" 0
done
run "$FACTLINT" --format=rdjsonl "$TMP/clean.txt"
if [ -s "$TMP/out" ]; then not_ok rdjsonl-clean "output on clean input"; else ok rdjsonl-clean; fi

# the CI examples are valid YAML with the expected structure
if [ "$have_python" = 1 ] && python3 -c 'import yaml' 2>/dev/null; then
    py example-github-actions '
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
on = w.get("on", w.get(True))
assert on, "no trigger"
steps = w["jobs"]["factlint"]["steps"]
uses = [s.get("uses", "") for s in steps]
assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses), uses
assert any("--format=sarif" in s.get("run", "") for s in steps)
assert w["jobs"]["factlint"]["permissions"]["security-events"] == "write"
' examples/github-actions.yml
    py example-gitlab '
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
job = c["factlint"]
assert "script" in job and any("factlint" in s for s in job["script"])
assert "factlint.sarif" in job["artifacts"]["paths"]
' examples/gitlab-ci.yml
    py pre-commit-hooks '
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
assert isinstance(hooks, list) and hooks
for h in hooks:
    for k in ("id", "name", "entry", "language"):
        assert k in h, k
    assert h["entry"].startswith("factlint")
' .pre-commit-hooks.yaml
    py example-pre-commit-config '
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
assert c["repos"][0]["hooks"][0]["id"] == "factlint"
' examples/pre-commit-config.yaml
else
    # no YAML parser: a structural check (no tabs, keys present)
    for f in examples/github-actions.yml examples/gitlab-ci.yml .pre-commit-hooks.yaml \
        examples/pre-commit-config.yaml; do
        if grep -q "$(printf '\t')" "$f"; then not_ok "yaml-$f" "tab in YAML"; else ok "yaml-$f"; fi
    done
    grep -q 'upload-sarif' examples/github-actions.yml && ok gha-upload || not_ok gha-upload missing
    grep -q '^- id: factlint' .pre-commit-hooks.yaml && ok hook-id || not_ok hook-id missing
fi

finish
