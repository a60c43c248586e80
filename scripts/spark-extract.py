#!/usr/bin/env python3
"""Run ``tolltrack extract`` as a Spark map step, then ``tolltrack aggregate``.

The map: the input JSON Lines are read as text (one article a line), and each
partition is piped, in input order, through one ``tolltrack extract -``
process with one thread. Partitions are independent tasks; tolltrack's
per-document problems go to the task's stderr and are counted, they do not
fail the task. A non-zero exit (the stream itself broke) fails the task, and
Spark retries it (on a cluster; local mode does not retry).

The figure rows (JSON) become a DataFrame with an explicit schema taken from
``tolltrack schema``, so column names, order and types are tolltrack's own
(Spark's schema inference would sort the columns and guess types from the
values), and are written as Parquet to ``OUT/figures-parts/``.

The reduce: ``tolltrack aggregate OUT/figures-parts/*.parquet -o OUT/merged``
runs on the driver and writes figures.csv, series.csv and claims.csv, equal
to one ``tolltrack extract`` run over the same input.

The binary is shipped to the executors with ``SparkContext.addFile`` (or
``spark-submit --files``) and found in each task with ``SparkFiles.get``.
``RDD.pipe`` is not used for that reason: its command is fixed on the driver,
where ``SparkFiles.get`` gives the driver's directory, not the executor's.
The partition function below does what ``RDD.pipe`` does (a writer thread
feeds stdin, stdout is read line by line) and also skips empty partitions,
counts tolltrack's messages and checks its exit code.

Needs pyspark (``pip install pyspark``) and Java 17+.
"""

import argparse
import glob
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import types as T

# `tolltrack schema` type names → Spark types. Parquet keeps these, and
# `tolltrack aggregate` reads them back (dates as days, 64-bit integers,
# doubles, booleans, UTF-8 strings).
SPARK_TYPES = {
    "string": T.StringType(),
    "date": T.DateType(),
    "int64": T.LongType(),
    "float64": T.DoubleType(),
    "bool": T.BooleanType(),
}

# The map step: JSON Lines on stdin, figure rows as JSON Lines on stdout, one
# thread (a task is one core), messages on stderr one JSON object a line.
EXTRACT = ("extract", "-", "--threads", "1", "--format", "jsonl", "--messages", "json")

# The last line tolltrack extract prints on stderr.
SUMMARY = re.compile(
    r"^tolltrack: (\d+) documents? read, (\d+) skipped, (\d+) figures? found$"
)

DESCRIPTION = """\
Extract tolltrack's figures table from a JSON Lines corpus with Spark.

  map     each partition of the input lines is piped, in order, through
          `tolltrack extract - --threads 1 --format jsonl --messages json`;
          the rows are written as Parquet with tolltrack's own schema
  reduce  `tolltrack aggregate OUT/figures-parts/*.parquet -o OUT/merged`
          writes figures.csv, series.csv and claims.csv, equal to one
          `tolltrack extract` run over the same input

Per-document problems (bad lines, missing dates) are counted and left in the
task logs; they do not fail a task. Timings are printed at the end.
"""

EPILOG = """\
examples:
  # local mode, two cores, tolltrack on PATH
  python3 scripts/spark-extract.py corpus.jsonl --master 'local[2]' \\
      --partitions 8 --out /tmp/run

  # a cluster: ship the binary with --files; input and OUT on a shared file system
  spark-submit --master yarn --files ./tolltrack scripts/spark-extract.py \\
      'hdfs:///news/2024-*.jsonl' --tolltrack ./tolltrack --partitions 400 \\
      --out /shared/tolltrack-2024

layout of OUT:
  OUT/figures-parts/part-*.parquet   one file per non-empty partition
  OUT/merged/figures.csv             the reduce step's output, equal to one run
  OUT/merged/series.csv
  OUT/merged/claims.csv

notes:
  Input is JSON Lines, one article a line (id, published, title, url, text).
  Give every article an "id": without one tolltrack names it after its line
  number in the stream, which differs between a partition and one run.
  Gzipped inputs (.gz) are read, but each file is then one partition.
  --partitions is passed to textFile as its minimum number of splits; the
  result is coalesced down to it when textFile makes more.
  The driver needs OUT on a file system it can read for the reduce step; use
  --no-aggregate to stop after the Parquet parts and run
  `tolltrack aggregate 'OUT/figures-parts/*.parquet' -o merged` elsewhere.
"""


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        prog="spark-extract.py",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="JSON Lines file(s), directories or globs (any Hadoop path: "
        "local, hdfs://, s3a://)",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="output directory (figures-parts/ and merged/ are written in it)",
    )
    p.add_argument(
        "--tolltrack",
        default=shutil.which("tolltrack"),
        metavar="PATH",
        help="the tolltrack binary on the driver, shipped to the executors "
        "under its file name; they must be able to run it (same CPU, a glibc "
        "at least as new as the build machine's) (default: tolltrack on PATH)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        default=None,
        metavar="N",
        help="number of map tasks (default: Spark's default parallelism)",
    )
    p.add_argument(
        "--master",
        default=None,
        help="Spark master, e.g. 'local[2]' (default: spark-submit's, else local[*])",
    )
    p.add_argument(
        "--extract-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="extra argument for `tolltrack extract`, repeatable "
        "(e.g. --extract-arg=--date-order=dmy)",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace OUT/figures-parts if it exists (default: fail)",
    )
    p.add_argument(
        "--no-aggregate",
        action="store_true",
        help="stop after writing the Parquet parts",
    )
    args = p.parse_args(argv)
    if not args.tolltrack:
        p.error("tolltrack is not on PATH: give --tolltrack PATH")
    if not os.access(args.tolltrack, os.X_OK):
        p.error(f"--tolltrack {args.tolltrack}: not an executable file")
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    return args


def spark_schema(tolltrack):
    """The figures table's schema, from `tolltrack schema`, as a Spark StructType."""
    out = subprocess.run(
        [tolltrack, "schema"], check=True, capture_output=True, text=True
    ).stdout
    fields = []
    for col in json.loads(out)["columns"]:
        if col["type"] not in SPARK_TYPES:
            raise SystemExit(f"tolltrack schema: unknown type {col['type']!r}")
        fields.append(T.StructField(col["name"], SPARK_TYPES[col["type"]], True))
    return T.StructType(fields)


def ship(sc, path):
    """Make `path` available to every task; return the name to SparkFiles.get.

    A file already given to `spark-submit --files` is in spark.files and is
    not added twice (Spark refuses the same name from a second path).
    """
    name = os.path.basename(path)
    shipped = sc.getConf().get("spark.files", "")
    if name not in {os.path.basename(f) for f in shipped.split(",") if f}:
        sc.addFile(os.path.abspath(path))
    return name


def message_level(line):
    """The level of a `--messages json` line ("skipped", "warning"), else None."""
    try:
        return json.loads(line).get("level")
    except (ValueError, AttributeError):
        return None


def extract_partition(lines, binary, extract_args, counters):
    """Pipe one partition's lines through `tolltrack extract -`; yield its JSON rows.

    Runs on an executor. `counters` are Spark accumulators for the run's
    totals (a retried task adds its counts again).
    """
    first = next(lines, None)
    if first is None:
        return  # an empty partition: no process, no rows
    path = SparkFiles.get(binary)
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    proc = subprocess.Popen(
        [path, *EXTRACT, *extract_args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    fed = []  # the feeder's exception, if any: raised in the task, not lost

    def feed():
        try:
            for line in itertools.chain([first], lines):
                # "replace": a string that is not valid UTF-8 must not stop the feed
                proc.stdin.write(line.encode("utf-8", "replace") + b"\n")
        except BrokenPipeError:
            pass  # tolltrack stopped early; its exit code says why
        except Exception as e:  # noqa: BLE001 - re-raised below
            fed.append(e)
        finally:
            try:
                proc.stdin.close()  # end of input, even after an error
            except BrokenPipeError:
                pass

    other = []  # stderr lines that are neither a message nor the summary

    def drain():
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            sys.stderr.write(line + "\n")  # the executor's log, as RDD.pipe would
            summary = SUMMARY.match(line)
            if summary:
                counters["documents"].add(int(summary[1]))
                counters["skipped"].add(int(summary[2]))
                counters["figures"].add(int(summary[3]))
            elif message_level(line) == "warning":
                counters["warnings"].add(1)
            elif message_level(line) != "skipped":
                other.append(line)

    threads = [threading.Thread(target=f, daemon=True) for f in (feed, drain)]
    for t in threads:
        t.start()
    try:
        for row in proc.stdout:
            yield row.decode("utf-8").rstrip("\n")
        code = proc.wait()
        for t in threads:
            t.join()
        if fed:
            raise fed[0]
        if code != 0:
            raise RuntimeError(
                f"tolltrack extract exited with {code}: " + " | ".join(other[-5:])
            )
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main(argv=None):
    args = parse_args(argv)
    tolltrack = os.path.abspath(args.tolltrack)
    parts_dir = os.path.join(args.out, "figures-parts")
    merged_dir = os.path.join(args.out, "merged")
    schema = spark_schema(tolltrack)

    t0 = time.perf_counter()
    builder = SparkSession.builder.appName("tolltrack extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    binary = ship(sc, tolltrack)
    startup = time.perf_counter() - t0

    # The map: lines → tolltrack → JSON rows → typed DataFrame → Parquet.
    t1 = time.perf_counter()
    wanted = args.partitions or sc.defaultParallelism
    lines = sc.textFile(",".join(args.inputs), minPartitions=wanted)
    if lines.getNumPartitions() > wanted:
        lines = lines.coalesce(wanted)  # no shuffle: each partition keeps its order
    counters = {
        k: sc.accumulator(0) for k in ("documents", "skipped", "warnings", "figures")
    }
    extra = list(args.extract_arg)
    rows = lines.mapPartitions(
        lambda part: extract_partition(part, binary, extra, counters)
    )
    figures = spark.read.schema(schema).option("mode", "FAILFAST").json(rows)
    figures.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(
        parts_dir
    )
    map_time = time.perf_counter() - t1
    partitions = lines.getNumPartitions()
    n_parts = (
        len([f for f in os.listdir(parts_dir) if f.endswith(".parquet")])
        if os.path.isdir(parts_dir)
        else "?"
    )
    cores = sc.defaultParallelism
    spark.stop()

    docs = counters["documents"].value
    print(
        f"spark-extract: {partitions} partitions, {n_parts} Parquet parts in {parts_dir}"
    )
    print(
        f"spark-extract: {docs} documents read, {counters['skipped'].value} skipped, "
        f"{counters['warnings'].value} warnings, {counters['figures'].value} figures"
    )
    print(f"spark-extract: Spark startup {startup:.2f} s")
    rate = docs / map_time
    print(f"spark-extract: Spark map (extract + Parquet write) {map_time:.2f} s")
    print(
        f"spark-extract: {rate:.0f} documents/s, {rate / cores:.0f} per core ({cores})"
    )

    if args.no_aggregate:
        return 0
    t2 = time.perf_counter()
    pattern = os.path.join(glob.escape(parts_dir), "*.parquet")
    done = subprocess.run(
        [tolltrack, "aggregate", pattern, "-o", merged_dir], check=False
    )
    agg_time = time.perf_counter() - t2
    if done.returncode != 0:
        print(
            f"spark-extract: tolltrack aggregate failed ({done.returncode})",
            file=sys.stderr,
        )
        return done.returncode
    print(f"spark-extract: aggregate {agg_time:.2f} s into {merged_dir}")
    total = time.perf_counter() - t0
    print(
        f"spark-extract: total {total:.2f} s, {docs / total:.0f} documents/s end to end"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
