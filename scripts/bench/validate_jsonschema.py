"""Validates every entry of a leaderboard file with Python jsonschema, as data producers do.

Usage: python3 scripts/bench/validate_jsonschema.py SCHEMA.json DATA.json
"""

import json
import os
import resource
import sys

import jsonschema


def main(schema_path: str, data_path: str) -> None:
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(data_path, encoding="utf-8") as handle:
        entries = json.load(handle)

    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    # iter_errors collects every error, as ajv's allErrors does.
    errors = sum(1 for entry in entries for _ in validator.iter_errors(entry))
    print(json.dumps({"entries": len(entries), "errors": errors}))

    # Without /usr/bin/time each measured program writes its own peak memory.
    target = os.environ.get("BENCH_RSS_FILE")
    if target:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
