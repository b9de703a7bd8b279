#!/usr/bin/env python3
"""Checks a running master against docs/openapi.yaml.

The spec itself must be valid OpenAPI (openapi-spec-validator). Then every
documented path and method is called for real (path parameters and bodies
from the spec's examples) and must answer with a documented status whose body
matches the documented schema (jsonschema, draft 2020-12, as OpenAPI 3.1
uses). Undocumented paths must answer 404 and undocumented methods on
documented paths 405. With a viewer credential, every call a viewer may not
make must answer 403.

usage: check_openapi.py SPEC BASE_URL CA CERT KEY [VIEWER_CERT VIEWER_KEY]
"""

import http.client
import json
import ssl
import sys
import urllib.parse

import jsonschema
import yaml
from openapi_spec_validator import validate

METHODS = ["get", "put", "post", "delete", "patch"]


def resolve(spec, obj):
    while isinstance(obj, dict) and "$ref" in obj:
        node = spec
        for part in obj["$ref"].lstrip("#/").split("/"):
            node = node[part]
        obj = node
    return obj


def call(base, ctx, method, path, body=None, stream=False):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPSConnection(u.hostname, u.port, context=ctx, timeout=90)
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method.upper(), path, body=data, headers=headers)
    r = conn.getresponse()
    if stream and r.status == 200:
        # An event stream stays open: read the first event only.
        lines = []
        while True:
            line = r.fp.readline()
            if not line or (line.strip() == b"" and any(l.startswith(b"data:") for l in lines)):
                break
            lines.append(line)
        raw = b"".join(lines)
    else:
        raw = r.read()
    ctype = r.getheader("Content-Type", "")
    conn.close()
    return r.status, ctype, raw


def context(ca, cert, key):
    ctx = ssl.create_default_context(cafile=ca)
    ctx.load_cert_chain(cert, key)
    return ctx


def operations(spec):
    ops = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for m in METHODS:
            if m in item:
                ops.append((path, m, item[m], shared))
    # Reads first, then changes, then removals (they would take the examples away).
    rank = lambda o: (2 if o[2].get("x-test-last") else (0 if o[1] == "get" else 1))
    return sorted(ops, key=rank)


def concrete(spec, path, op, shared):
    params = [resolve(spec, p) for p in shared + op.get("parameters", [])]
    for p in params:
        if p["in"] == "path":
            if "example" not in p:
                raise SystemExit(f"{path}: path parameter {p['name']} has no example")
            path = path.replace("{" + p["name"] + "}", urllib.parse.quote(str(p["example"]), safe=""))
    body = None
    rb = resolve(spec, op.get("requestBody"))
    if rb:
        media = rb.get("content", {}).get("application/json", {})
        body = media.get("example", {})
    return path, body


def check_response(spec, where, op, status, ctype, raw, problems):
    responses = op["responses"]
    doc = responses.get(str(status))
    if doc is None:
        problems.append(f"{where}: HTTP {status} is not documented (documented: {sorted(responses)}); body: {raw[:300]!r}")
        return None
    doc = resolve(spec, doc)
    content = doc.get("content", {})
    media = ctype.split(";")[0].strip()
    if content and media not in content:
        problems.append(f"{where}: content-type {ctype!r} is not documented ({sorted(content)})")
        return None
    if media == "text/event-stream":
        data = [l[5:].strip() for l in raw.decode().splitlines() if l.startswith("data:")]
        if not data:
            problems.append(f"{where}: no data line in the first event: {raw[:200]!r}")
            return None
        schema = dict(content[media]["x-event-data"])
        schema["components"] = spec["components"]
        for e in list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(data[0])))[:5]:
            problems.append(f"{where}: event data does not match the schema at {list(e.path)}: {e.message}")
        return raw
    if media != "application/json":
        return raw
    try:
        value = json.loads(raw)
    except ValueError as e:
        problems.append(f"{where}: body is not JSON ({e}): {raw[:200]!r}")
        return None
    schema = dict(content["application/json"]["schema"])
    schema["components"] = spec["components"]
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(value), key=lambda e: list(e.path))
    for e in errors[:5]:
        problems.append(f"{where}: body does not match the schema at {list(e.path)}: {e.message}")
    if status == 404 and isinstance(value, dict) and value.get("message", "").startswith("no such path"):
        problems.append(f"{where}: the server has no such route")
    return value


def main():
    if len(sys.argv) not in (6, 8):
        raise SystemExit(__doc__)
    spec_file, base, ca, cert, key = sys.argv[1:6]
    spec = yaml.safe_load(open(spec_file))
    validate(spec)
    admin = context(ca, cert, key)
    problems = []
    checked = 0
    for path, method, op, shared in operations(spec):
        url, body = concrete(spec, path, op, shared)
        status, ctype, raw = call(base, admin, method, url, body, stream=op.get("x-stream", False))
        where = f"{method.upper()} {url}"
        check_response(spec, where, op, status, ctype, raw, problems)
        print(f"{where}: {status}")
        checked += 1
    # Undocumented paths and methods.
    for url in ["/api/v1/undocumented", "/api/v2/nodes", "/x", "/api/v1/nodes/node-1/extra/more", "/api/v1/cluster/x"]:
        status, _, raw = call(base, admin, "get", url)
        if status != 404:
            problems.append(f"GET {url} (undocumented): HTTP {status}, want 404: {raw[:200]!r}")
    for path, item in spec["paths"].items():
        if "{" in path:
            continue
        for m in METHODS:
            if m not in item:
                status, _, raw = call(base, admin, m, path)
                if status != 405:
                    problems.append(f"{m.upper()} {path} (undocumented method): HTTP {status}, want 405: {raw[:200]!r}")
    # A viewer may only read, and not tokens.
    if len(sys.argv) == 8:
        viewer = context(ca, sys.argv[6], sys.argv[7])
        for path, method, op, shared in operations(spec):
            reads = method == "get" and not path.startswith("/api/v1/tokens")
            if reads or not path.startswith("/api/"):
                continue
            url, body = concrete(spec, path, op, shared)
            status, ctype, raw = call(base, viewer, method, url, body)
            where = f"viewer {method.upper()} {url}"
            if status != 403:
                problems.append(f"{where}: HTTP {status}, want 403: {raw[:200]!r}")
            check_response(spec, where, op, status, ctype, raw, problems)
    for p in problems:
        print("PROBLEM:", p)
    print(f"{checked} documented operations called, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
