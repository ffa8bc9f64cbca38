#!/usr/bin/python3
"""Holds real answers to the contract's OpenRPC document with a standard JSON Schema validator
(Debian's python3-jsonschema, draft 2020-12): every request and answer of the ```jsonrpc examples
in docs/protocol.md (which Tests/QadamDaemonTests/ProtocolExamplesTests replays against a live
daemon, so they are what qadamd really says) is checked, params against the method's params and
results against its result schema. Prints how many it checked; exits 1 on the first mismatch.

Usage: scripts/check-openrpc.py [OPENRPC.json [PROTOCOL.md]]
       scripts/check-openrpc.py --self-test   (a mutated answer must be refused)
"""
import json
import os
import sys

from jsonschema import Draft202012Validator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def exchanges(markdown):
    """(request, response) pairs of the ```jsonrpc blocks; a notification has no response."""
    inside, pending, pairs = False, None, []
    for line in markdown.splitlines():
        if line.startswith("```jsonrpc"):
            inside = True
        elif line.startswith("```"):
            inside = False
        elif inside and line.startswith("--> "):
            try:
                pending = json.loads(line[4:])
            except ValueError:
                pending = None  # the examples of malformed lines
        elif inside and line.startswith("<-- ") and pending is not None:
            pairs.append((pending, json.loads(line[4:])))
            pending = None
    return pairs


def validators(document):
    by_method = {}
    for method in document["methods"]:
        params = {"type": "object",
                  "properties": {p["name"]: p["schema"] for p in method["params"]},
                  "required": [p["name"] for p in method["params"] if p.get("required")]}
        by_method[method["name"]] = (Draft202012Validator(params), Draft202012Validator(method["result"]["schema"]))
    return by_method


def check(document, pairs):
    checks = 0
    by_method = validators(document)
    for request, response in pairs:
        if not isinstance(request, dict) or request.get("method") not in by_method:
            continue
        params_validator, result_validator = by_method[request["method"]]
        if "error" not in response or response["error"].get("code") != -32602:
            params = request.get("params", {})
            if isinstance(params, dict):
                params_validator.validate(params)
                checks += 1
        if "result" in response:
            result_validator.validate(response["result"])
            checks += 1
    return checks


def main(argv):
    if argv[1:2] == ["--self-test"]:
        document = json.load(open(os.path.join(ROOT, "docs/openrpc.json")))
        pairs = exchanges(open(os.path.join(ROOT, "docs/protocol.md")).read())
        mutated = [(q, dict(a, result=dict(a["result"], snapshot=12345))) for q, a in pairs if "result" in a and isinstance(a["result"], dict)]
        try:
            check(document, mutated[:1])
        except Exception as error:  # jsonschema.ValidationError
            print(f"self-test: a result whose snapshot is a number is refused ({type(error).__name__})")
            return 0
        print("self-test: a mutated answer passed", file=sys.stderr)
        return 1
    document = json.load(open(argv[1] if len(argv) > 1 else os.path.join(ROOT, "docs/openrpc.json")))
    markdown = open(argv[2] if len(argv) > 2 else os.path.join(ROOT, "docs/protocol.md")).read()
    pairs = exchanges(markdown)
    checks = check(document, pairs)
    methods = {q.get("method") for q, _ in pairs if isinstance(q, dict)}
    print(f"check-openrpc: {checks} params and results of {len(pairs)} exchanges ({len(methods)} methods) hold to the OpenRPC document")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
