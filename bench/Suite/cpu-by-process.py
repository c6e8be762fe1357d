#!/usr/bin/env python3
"""CPU seconds spent by each kind of process while a command runs (e.g. the whole ./test.sh), machine-wide.

    bench/Suite/cpu-by-process.py ./test.sh

Samples /proc once a second. A process's CPU is its own (utime + stime) as last seen, from the moment sampling began;
the CPU of children it has reaped (cutime + cstime) is shown beside it, so a test host's line also holds the API
processes it started and a PostgreSQL postmaster's the backends that ended. Processes that live less than a second
may be missed, and the last second of a process's own CPU is lost: figures are a little low, never high.
"""
import collections
import os
import subprocess
import sys
import time

TICKS = os.sysconf('SC_CLK_TCK')


def kind(pid):
    try:
        command = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return None
    if 'testhost' in command:
        try:
            postgres = b'RESTAURANT_TEST_PROVIDER=postgres' in open(f'/proc/{pid}/environ', 'rb').read()
        except OSError:
            postgres = False
        project = next((p for p in ('Api.Tests', 'Domain.Tests', 'Browser.Tests') if p in command), '?')
        return f'test host {project}' + (' (PostgreSQL run)' if postgres else '')
    if 'Restaurant.Api.dll' in command:
        return 'API process (own CPU while sampled; reaped ones are in their test host)'
    if 'bin/postgres' in command or command.startswith('postgres'):
        return 'PostgreSQL'
    if 'chromium' in command:
        return 'Chromium'
    if 'vstest.console' in command:
        return 'vstest.console'
    if 'MSBuild.dll' in command or 'csc.dll' in command or 'VBCSCompiler' in command or 'crossgen' in command.lower():
        return 'build (MSBuild, csc, crossgen)'
    if command.split(' ')[0].endswith('node'):
        return 'node (httpyac, Redocly, tsc, the story)'
    if command.startswith('dotnet '):
        return 'dotnet CLI'
    return None


def main():
    started = time.time()
    child = subprocess.Popen(sys.argv[1:])
    seen = {}
    while True:
        for entry in os.listdir('/proc'):
            if not entry.isdigit():
                continue
            try:
                stat = open(f'/proc/{entry}/stat').read()
            except OSError:
                continue
            fields = stat[stat.rfind(')') + 2:].split()
            own = (int(fields[11]) + int(fields[12])) / TICKS
            reaped = (int(fields[13]) + int(fields[14])) / TICKS
            key = (int(entry), fields[19])  # pid and start time: a pid may be reused
            if key not in seen:
                name = kind(entry)
                if name is None:
                    continue
                # A process already running when sampling began counts from then on.
                new = float(fields[19]) / TICKS >= uptime_at(started)
                seen[key] = [name, 0.0 if new else own, 0.0 if new else reaped, own, reaped]
            else:
                seen[key][3], seen[key][4] = own, reaped
        if child.poll() is not None:
            break
        time.sleep(1)
    totals = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for name, own0, reaped0, own, reaped in seen.values():
        totals[name][0] += own - own0
        totals[name][1] += reaped - reaped0
        totals[name][2] += 1
    print(f'\n{time.time() - started:.0f} s; CPU seconds by kind of process (own, and of the children it reaped):')
    for name, (own, reaped, count) in sorted(totals.items(), key=lambda t: -(t[1][0] + t[1][1])):
        print(f'{own:8.1f} own {reaped:8.1f} reaped  {count:5d} processes  {name}')
    sys.exit(child.returncode)


def uptime_at(moment):
    uptime = float(open('/proc/uptime').read().split()[0])
    return uptime - (time.time() - moment)


if __name__ == '__main__':
    main()
