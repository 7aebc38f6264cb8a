#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples, for the gateway overhead benchmark.

usage: hot-frames.py <recording.jfr> [top=15] [thread-prefixes=webflux-http,reactor-http,parallel,boundedElastic]
Prints (1) the top frames by self samples (the method on top of the stack) and (2) inclusive samples of the
frames that belong to the gateway's own request work (Spring Security, Spring Cloud Gateway, the access log,
Resilience4j, ...), counting each sample once per method. Only samples of threads whose name starts with
one of thread-prefixes count (the gateway's server and client event loops and schedulers; the benchmark's
stub and load client have threads of their own).
"""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
prefixes = tuple((sys.argv[3] if len(sys.argv) > 3 else "webflux-http,reactor-http,parallel,boundedElastic").split(","))
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
self_counts, incl, total, all_samples = collections.Counter(), collections.Counter(), 0, 0
for event in events:
    values = event["values"]
    all_samples += 1
    thread = (values.get("sampledThread") or {}).get("javaName") or ""
    if not thread.startswith(prefixes):
        continue
    total += 1
    frames = values["stackTrace"]["frames"]
    names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
    if names:
        self_counts[names[0]] += 1
    for name in set(names):
        incl[name] += 1
compiled = sum(1 for e in events if e["values"]["stackTrace"]["frames"] and e["values"]["stackTrace"]["frames"][0]["type"] != "Interpreted")
print(f"{path}: {total} samples on {','.join(prefixes)} threads of {all_samples} ({compiled} with a compiled top frame)")
print(f"-- top {top} frames by self samples")
for name, n in self_counts.most_common(top):
    print(f"{n:6d} {100.0 * n / max(total, 1):5.1f}%  {name}")
interesting = ("io.haat.", "security", "resilience4j", "cloud.gateway.filter", "cloud.gateway.handler",
               "logback", "micrometer", "jackson", "nimbus", "PathPattern", "loadbalancer", "observation")
print(f"-- top {top} gateway frames by inclusive samples (matching {', '.join(interesting)})")
shown = 0
for name, n in incl.most_common():
    if any(key in name for key in interesting):
        print(f"{n:6d} {100.0 * n / max(total, 1):5.1f}%  {name}")
        shown += 1
        if shown >= top:
            break
