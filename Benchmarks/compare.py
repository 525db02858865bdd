#!/usr/bin/env python3
"""Benchmarks rvx against qemu-user on the benchmark guests (Benchmarks/guests/*.c).

For each workload x XLEN: runs `rvx run --stats` and qemu-riscv{32,64} alternately (--runs times each,
default 3), checks that both print the same checksum and that it matches Benchmarks/guests/expected/,
takes the exact retired-instruction count from rvx's --stats report (stderr), and prints a Markdown
table: instructions, rvx MIPS, qemu MIPS (rvx's instruction count / qemu wall time), ratio, with the
geometric mean of the ratios. Both MIPS figures use the best (minimum) wall time of the runs, measured
around the whole process (ELF load included). --update-doc writes the table into docs/PERFORMANCE.md.

--engine fast|fast-unfused|reference selects rvx's execution engine (default fast; the others are for measuring
what the C dispatch core buys).

Usage: Benchmarks/compare.sh [--runs N] [--rvx PATH] [--engine E] [--no-build] [--only NAME] [--update-doc]
"""
import argparse, math, os, platform, re, resource, subprocess, sys, time

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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rvx", default=os.path.join(ROOT, ".build", "release", "rvx"))
    ap.add_argument("--engine", default="fast", choices=["fast", "fast-unfused", "reference"], help="rvx's execution engine")
    ap.add_argument("--no-build", action="store_true", help="do not build rvx / the guests first")
    ap.add_argument("--only", action="append", help="run only this workload (repeatable)")
    ap.add_argument("--update-doc", action="store_true", help="write the table into docs/PERFORMANCE.md")
    args = ap.parse_args()

    if not args.no_build:
        subprocess.run([os.path.join(ROOT, "toolchain", "build-guests.sh")], check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "rvx"], cwd=ROOT, check=True)

    rows, ratios, cpu_ratios, failures = [], [], [], 0
    for name in args.only or WORKLOADS:
        expected = open(os.path.join(ROOT, "Benchmarks", "guests", "expected", name + ".txt"), "rb").read()
        for x in (32, 64):
            elf = os.path.join(ROOT, "guest", "build", f"rv{x}", "bench", name)
            rvx_cmd = [args.rvx, "run", "--stats", "--engine", args.engine, elf]
            qemu_cmd = [f"qemu-riscv{x}", "-cpu", QEMU_CPU.format(x=x), elf]
            rvx_times, qemu_times, rvx_cpu, qemu_cpu, instructions = [], [], [], [], None
            for _ in range(args.runs):  # alternate so that machine load affects both alike
                t, c, p = timed(rvx_cmd)
                if p.returncode != 0 or p.stdout != expected:
                    print(f"FAIL {name} rv{x}: rvx status {p.returncode}, stdout {p.stdout!r}\n{p.stderr.decode()}",
                          file=sys.stderr)
                    failures += 1
                    break
                n = instructions_from_stats(p.stderr)
                if instructions is not None and n != instructions:
                    print(f"FAIL {name} rv{x}: instruction count changed {instructions} -> {n}", file=sys.stderr)
                    failures += 1
                instructions = n
                rvx_times.append(t)
                rvx_cpu.append(c)
                t, c, q = timed(qemu_cmd)
                if q.returncode != 0 or q.stdout != p.stdout:
                    print(f"FAIL {name} rv{x}: qemu status {q.returncode}, stdout {q.stdout!r}", file=sys.stderr)
                    failures += 1
                    break
                qemu_times.append(t)
                qemu_cpu.append(c)
            if len(rvx_times) != args.runs or len(qemu_times) != args.runs:
                continue
            rvx_mips = instructions / min(rvx_times) / 1e6
            qemu_mips = instructions / min(qemu_times) / 1e6
            ratio = rvx_mips / qemu_mips
            rvx_cpu_mips = instructions / min(rvx_cpu) / 1e6
            qemu_cpu_mips = instructions / min(qemu_cpu) / 1e6
            cpu_ratio = rvx_cpu_mips / qemu_cpu_mips
            ratios.append(ratio)
            cpu_ratios.append(cpu_ratio)
            rows.append((name, f"RV{x}", instructions, rvx_mips, qemu_mips, ratio, rvx_cpu_mips, qemu_cpu_mips, cpu_ratio))
            print(f"{name:10s} RV{x} {instructions:>13,d} instr  rvx {rvx_mips:8.1f} MIPS  "
                  f"qemu {qemu_mips:8.1f} MIPS  ratio {ratio:6.3f}  (CPU time: {rvx_cpu_mips:.1f} / "
                  f"{qemu_cpu_mips:.1f} = {cpu_ratio:.3f})", file=sys.stderr)

    lines = ["| workload | XLEN | instructions | rvx MIPS | qemu MIPS | rvx / qemu | rvx MIPS (CPU) | qemu MIPS (CPU) | rvx / qemu (CPU) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, x, n, r, q, ratio, rc, qc, cratio in rows:
        lines.append(f"| {name} | {x} | {n:,d} | {r:.1f} | {q:.1f} | {ratio:.3f} | {rc:.1f} | {qc:.1f} | {cratio:.3f} |")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        cgeo = math.exp(sum(math.log(r) for r in cpu_ratios) / len(cpu_ratios))
        lines.append(f"| **geometric mean** | | | | | **{geo:.3f}** | | | **{cgeo:.3f}** |")
    table = "\n".join(lines)
    machine = machine_description()
    qemu_version = run(["qemu-riscv64", "-version"]).stdout.decode().splitlines()[0]
    load = os.getloadavg()
    report = (f"Machine: {machine}; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}. "
              f"{qemu_version} (TCG), -cpu {QEMU_CPU.format(x='XX')}. rvx engine: {args.engine}. Best of {args.runs} runs each, rvx and "
              f"qemu alternating. MIPS = rvx's retired instructions / wall time of the whole process; the (CPU) "
              f"columns divide by the process's user + system CPU time instead, which is less sensitive to "
              f"other load on the machine.\n\n{table}\n")
    print(report)
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
