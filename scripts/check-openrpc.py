#!/usr/bin/python3
"""Holds real answers to the contract's OpenRPC document with a standard JSON Schema validator
(Debian's python3-jsonschema, under draft-07, which OpenRPC 1.3 names, and draft 2020-12): the
```jsonrpc examples in docs/protocol.md (which Tests/QadamDaemonTests/ProtocolExamplesTests
replays against a live daemon, so they are what qadamd really says) are checked, each request's
params against the method's params and each successful result against its result schema.
Batches and error answers are not checked. Prints how many it checked; exits 1 on the first
mismatch.

Usage: scripts/check-openrpc.py [OPENRPC.json [PROTOCOL.md]]
       scripts/check-openrpc.py --self-test   (every result with a required member dropped,
                                               or with a member of the wrong type, is refused)
"""
import json
import os
import sys

from jsonschema import Draft7Validator, Draft202012Validator

DRAFTS = (Draft7Validator, Draft202012Validator)

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


class Both:
    """One schema under both drafts: valid only if both say so."""
    def __init__(self, schema):
        for draft in DRAFTS:
            draft.check_schema(schema)
        self.validators = [draft(schema) for draft in DRAFTS]

    def validate(self, value):
        for validator in self.validators:
            validator.validate(value)


def validators(document):
    names = [method["name"] for method in document["methods"]]
    assert len(names) == len(set(names)), f"a method named twice: {names}"
    by_method = {}
    for method in document["methods"]:
        params = {"type": "object",
                  "properties": {p["name"]: p["schema"] for p in method["params"]},
                  "required": [p["name"] for p in method["params"] if p.get("required")]}
        by_method[method["name"]] = (Both(params), Both(method["result"]["schema"]))
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
        document = json.load(open(os.path.join(ROOT, "docs/openrpc.json"), encoding="utf-8"))
        pairs = exchanges(open(os.path.join(ROOT, "docs/protocol.md"), encoding="utf-8").read())
        schemas = {m["name"]: m["result"]["schema"] for m in document["methods"]}
        refused = 0
        for request, answer in pairs:
            name = request.get("method") if isinstance(request, dict) else None
            if name not in schemas or not isinstance(answer.get("result"), dict) or "anyOf" in schemas[name]:
                continue
            for member in schemas[name].get("required", []):
                if not schemas[name]["properties"].get(member):
                    continue  # a member of any value (a JSONValue) cannot be retyped
                for mutation in ("dropped", "retyped"):
                    result = dict(answer["result"])
                    if mutation == "dropped":
                        result.pop(member, None)
                    else:
                        result[member] = {"not": "the type"} if not isinstance(result.get(member), dict) else 12345
                    try:
                        check(document, [(request, dict(answer, result=result))])
                    except Exception:  # jsonschema.ValidationError
                        refused += 1
                        continue
                    print(f"self-test: {name}'s result with '{member}' {mutation} passed", file=sys.stderr)
                    return 1
        print(f"self-test: all {refused} mutated results (a required member dropped or retyped) are refused")
        return 0 if refused > 0 else 1
    document = json.load(open(argv[1] if len(argv) > 1 else os.path.join(ROOT, "docs/openrpc.json"), encoding="utf-8"))
    markdown = open(argv[2] if len(argv) > 2 else os.path.join(ROOT, "docs/protocol.md"), encoding="utf-8").read()
    pairs = exchanges(markdown)
    checks = check(document, pairs)
    methods = {q.get("method") for q, _ in pairs if isinstance(q, dict)}
    print(f"check-openrpc: {checks} params and results of {len(pairs)} exchanges ({len(methods)} methods) hold to the OpenRPC document")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
