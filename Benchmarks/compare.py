#!/usr/bin/env python3
"""Benchmarks rvx against qemu-user and libriscv on the benchmark guests (Benchmarks/guests/*.c).

For each workload x XLEN: runs `rvx run --stats` (engine --engine, default fast), rvx on the translated tier
(`--engine translated`, from a cache filled first by `rvx translate`, whose time and object size are reported),
qemu-riscv{32,64} and, when their paths are given, libriscv's CLI built as an interpreter (env
RVX_LIBRISCV=path to rvlinux) and with binary translation (env RVX_LIBRISCV_BT; its first run, which compiles
and fills libriscv's own cache, is timed apart), alternately (--runs times each, default 3). Every emulator must
print the checksum of Benchmarks/guests/expected/. The exact retired-instruction count comes from rvx's --stats
report (stderr); every MIPS figure divides it by that emulator's best (minimum) wall time, measured around the
whole process (ELF load, and a cached translation's load, included). Prints Markdown tables with geometric
means; --update-doc writes them into docs/PERFORMANCE.md. Nothing of libriscv is kept in this repository:
build it from a snapshot outside the tree and pass the binaries' paths.

--engine fast|fast-unfused|reference selects the interpreter column's engine; --no-translated omits the
translated column.

Usage: [RVX_LIBRISCV=... RVX_LIBRISCV_BT=...] Benchmarks/compare.sh [--runs N] [--rvx PATH] [--engine E]
       [--no-translated] [--no-build] [--only NAME] [--update-doc]
"""
import argparse, json, math, os, platform, re, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORKLOADS = ["keccak", "montmul", "sortsieve", "memops", "fib"]
QEMU_CPU = "rv{x},c=false,a=false,f=false,d=false"


def run(cmd, **kw):
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, **kw)


def instructions_from_stats(stderr):
    """Retired-instruction count from `rvx run --stats` (accepts "instructions: N", "N instructions",
    with optional thousands separators)."""
    text = stderr.decode(errors="replace")
    for pat in (r"instructions(?: retired)?\s*[:=]?\s*([\d,_]+)", r"([\d,_]+)\s+instructions",
                r"retired\s*[:=]?\s*([\d,_]+)"):
        m = re.search(pat, text, re.IGNORECASE)
        if m:
            return int(re.sub(r"[,_]", "", m.group(1)))
    raise RuntimeError("no instruction count in rvx --stats output:\n" + text)


def timed(cmd):
    """Runs cmd; returns (wall seconds, CPU seconds of the child (user + system), result)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = run(cmd)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, p


def machine_description():
    model, cores = platform.processor() or platform.machine(), os.cpu_count()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "Model name":
                model = v.strip()
    except OSError:
        pass
    return f"{model}, {cores} logical CPUs ({platform.system()} {platform.release()})"


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rvx", default=os.path.join(ROOT, ".build", "release", "rvx"))
    ap.add_argument("--engine", default="fast", choices=["fast", "fast-unfused", "reference"], help="rvx's interpreter engine")
    ap.add_argument("--no-translated", action="store_true", help="omit rvx's translated tier")
    ap.add_argument("--no-build", action="store_true", help="do not build rvx / the guests first")
    ap.add_argument("--only", action="append", help="run only this workload (repeatable)")
    ap.add_argument("--update-doc", action="store_true", help="write the tables into docs/PERFORMANCE.md")
    args = ap.parse_args()

    if not args.no_build:
        subprocess.run([os.path.join(ROOT, "toolchain", "build-guests.sh")], check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "rvx"], cwd=ROOT, check=True)
    cache = tempfile.mkdtemp(prefix="rvx-compare-cache-")
    libriscv, libriscv_bt = os.environ.get("RVX_LIBRISCV"), os.environ.get("RVX_LIBRISCV_BT")

    # Columns: (name, command for an ELF and XLEN); rvx first (its --stats gives the instruction count).
    columns = [("rvx " + args.engine, lambda elf, x: [args.rvx, "run", "--stats", "--engine", args.engine, elf])]
    if not args.no_translated:
        columns.append(("rvx translated", lambda elf, x: [args.rvx, "run", "--engine", "translated", "--cache-dir", cache, elf]))
    columns.append(("qemu", lambda elf, x: [f"qemu-riscv{x}", "-cpu", QEMU_CPU.format(x=x), elf]))
    if libriscv:
        columns.append(("libriscv", lambda elf, x: [libriscv, "-s", elf]))
    if libriscv_bt:
        columns.append(("libriscv-bt", lambda elf, x: [libriscv_bt, "-s", elf]))
    names = [c[0] for c in columns]

    rows, translations, failures = [], [], 0
    for name in args.only or WORKLOADS:
        expected = open(os.path.join(ROOT, "Benchmarks", "guests", "expected", name + ".txt"), "rb").read()
        for x in (32, 64):
            elf = os.path.join(ROOT, "guest", "build", f"rv{x}", "bench", name)
            tr = {}
            if not args.no_translated:
                t, _, p = timed([args.rvx, "translate", "--json", "--cache-dir", cache, elf])
                if p.returncode != 0:
                    print(f"FAIL {name} rv{x}: rvx translate status {p.returncode}\n{p.stderr.decode()}", file=sys.stderr)
                    failures += 1
                    continue
                tr = json.loads(p.stdout)
                tr["wall"] = t
            if libriscv_bt:  # the first run compiles (libriscv caches the object); timed apart
                tr["bt_first"], _, q = timed([libriscv_bt, "-s", elf])
            translations.append((name, f"RV{x}", tr))
            wall = {n: [] for n in names}
            cpu = {n: [] for n in names}
            instructions, ok = None, True
            for _ in range(args.runs):  # alternate so that machine load affects all alike
                for n, cmd in columns:
                    t, c, p = timed(cmd(elf, x))
                    if p.returncode != 0 or p.stdout != expected:
                        print(f"FAIL {name} rv{x}: {n} status {p.returncode}, stdout {p.stdout[:200]!r}\n{p.stderr.decode()[:500]}",
                              file=sys.stderr)
                        failures += 1
                        ok = False
                        break
                    if n == names[0]:
                        k = instructions_from_stats(p.stderr)
                        if instructions is not None and k != instructions:
                            print(f"FAIL {name} rv{x}: instruction count changed {instructions} -> {k}", file=sys.stderr)
                            failures += 1
                        instructions = k
                    wall[n].append(t)
                    cpu[n].append(c)
                if not ok:
                    break
            if not ok:
                continue
            mips = {n: instructions / min(wall[n]) / 1e6 for n in names}
            cpu_mips = {n: instructions / min(cpu[n]) / 1e6 for n in names}
            rows.append((name, f"RV{x}", instructions, mips, cpu_mips))
            print(f"{name:10s} RV{x} {instructions:>13,d} instr  " + "  ".join(f"{n} {mips[n]:8.1f}" for n in names) + " MIPS",
                  file=sys.stderr)

    # Ratios: the interpreter to qemu (and libriscv), the translated tier to qemu and libriscv-bt.
    base = names[0]
    ratio_cols = [(base, "qemu")]
    if libriscv:
        ratio_cols.append((base, "libriscv"))
    if not args.no_translated:
        ratio_cols += [("rvx translated", "qemu")] + ([("rvx translated", "libriscv-bt")] if libriscv_bt else [])
    head = ["workload", "XLEN", "instructions"] + [f"{n} MIPS" for n in names] + [f"{a} / {b}" for a, b in ratio_cols]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]
    for name, x, k, m, _ in rows:
        lines.append(f"| {name} | {x} | {k:,d} | " + " | ".join(f"{m[n]:.1f}" for n in names) + " | "
                     + " | ".join(f"{m[a] / m[b]:.3f}" for a, b in ratio_cols) + " |")
    for x in ("RV32", "RV64", None):
        sel = [r for r in rows if x is None or r[1] == x]
        if not sel:
            continue
        label = f"**geometric mean {x or 'all'}**"
        wall_g = [geomean([r[3][a] / r[3][b] for r in sel]) for a, b in ratio_cols]
        cpu_g = [geomean([r[4][a] / r[4][b] for r in sel]) for a, b in ratio_cols]
        lines.append(f"| {label} | | | " + " | ".join("" for _ in names) + " | "
                     + " | ".join(f"**{w:.3f}** (CPU {c:.3f})" for w, c in zip(wall_g, cpu_g)) + " |")
    table = "\n".join(lines)

    tlines = []
    if translations and not args.no_translated:
        th = ["workload", "XLEN", "rvx translate (s)", "object (bytes)", "regions", "entry points"]
        th += ["libriscv-bt first run (s)"] if libriscv_bt else []
        tlines = ["| " + " | ".join(th) + " |", "|---|---|" + "---:|" * (len(th) - 2)]
        for name, x, tr in translations:
            cells = [name, x, f"{tr.get('seconds', float('nan')):.2f}", f"{tr.get('libraryBytes', 0):,d}",
                     str(tr.get("regions", "")), f"{tr.get('leaders', 0):,d}"]
            cells += [f"{tr['bt_first']:.2f}"] if libriscv_bt else []
            tlines.append("| " + " | ".join(cells) + " |")
    ttable = "\n".join(tlines)

    machine = machine_description()
    qemu_version = run(["qemu-riscv64", "-version"]).stdout.decode().splitlines()[0]
    load = os.getloadavg()
    report = (f"Machine: {machine}; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}. "
              f"{qemu_version} (TCG), -cpu {QEMU_CPU.format(x='XX')}. "
              + (f"libriscv: {libriscv or '-'} (interpreter), {libriscv_bt or '-'} (binary translation, cached after its first run). "
                 if libriscv or libriscv_bt else "")
              + f"Best of {args.runs} runs each, emulators alternating. MIPS = rvx's retired instructions / wall time of the "
              f"whole process; (CPU) = the same ratio over user + system CPU time, less sensitive to other load.\n\n{table}\n"
              + (f"\nTranslation (`rvx translate`, cold cache; the object is loaded from the cache by every timed run):\n\n{ttable}\n"
                 if ttable else ""))
    print(report)
    shutil.rmtree(cache, ignore_errors=True)
    if args.update_doc:
        path = os.path.join(ROOT, "docs", "PERFORMANCE.md")
        doc = open(path).read() if os.path.exists(path) else ""
        begin, end = "<!-- compare.py:begin -->", "<!-- compare.py:end -->"
        if begin in doc and end in doc:
            doc = doc[:doc.index(begin) + len(begin)] + "\n" + report + doc[doc.index(end):]
        else:
            doc += f"\n{begin}\n{report}{end}\n"
        open(path, "w").write(doc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
