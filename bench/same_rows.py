"""Whether the Spark job wrote the CLI's rows: every table, sorted, source_file taken relative to
the input root (the CLI writes a local path, the job a file: URI).
usage: python3 bench/same_rows.py CLI_OUT JOB_OUT INPUT_ROOT   (exit 0 when every table is equal)"""
import csv
import glob
import sys

TABLES = ["projects", "indicators", "funds", "goals", "findings", "errors"]


def rows(files, prefix):
    out = []
    for name in files:
        with open(name, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            col = header.index("source_file") if "source_file" in header else -1
            for row in reader:
                if col >= 0:
                    if not row[col].startswith(prefix):
                        raise SystemExit(f"{name}: {row[col]} is not below {prefix}")
                    row[col] = row[col][len(prefix):]
                out.append(tuple(row))
    return sorted(out)


def main(cli, job, root):
    equal = True
    for t in TABLES:
        a = rows([f"{cli}/{t}.csv"], root + "/")
        b = rows(sorted(glob.glob(f"{job}/{t}/**/part-*.csv", recursive=True)), "file:" + root + "/")
        equal &= a == b
        print(f"{t}: CLI {len(a)} rows, job {len(b)} rows, {'equal' if a == b else 'DIFFERENT'}")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
