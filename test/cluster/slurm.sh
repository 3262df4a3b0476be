#!/usr/bin/env bash
# The Slurm recipe of docs/cluster.md, run for real on a one-node cluster on this machine:
#  - installs Debian's slurm-wlm and munge if absent (needs root);
#  - writes a slurm.conf for this machine (its CPU count and real memory) with every state and
#    log file under a temporary folder, and starts munged, slurmctld and slurmd;
#  - takes compare-array.sh and merge.sh from docs/cluster.md, changing only the paths and the
#    sizes (array size, cores, replicates, agents, weeks: the recipe's structure is untouched),
#    submits them as the document says (the array, then the merge with afterok), and waits;
#  - checks that the merged output equals a one-machine run byte for byte;
#  - stops the daemons it started, whatever happens (trap).
# Takes one to two minutes. Exit code 0 when the merged result matches.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TIMEOUT=${SLURM_TEST_TIMEOUT:-600}

if [ "$(id -u)" != 0 ]; then echo "slurm.sh: run as root (it installs and starts Slurm)" >&2; exit 1; fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null ||
  ! command -v munged >/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge
fi

T=$(mktemp -d /tmp/radsim-slurm.XXXXXX)
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$rc" != 0 ]; then
    echo "slurm.sh: failed (exit $rc); logs:" >&2
    for f in "$T"/log/*.log "$T"/work/logs/*; do [ -f "$f" ] && { echo "== $f" >&2; tail -n 30 "$f" >&2; }; done
  fi
  cd / && rm -rf "$T"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$T" # munged runs as the munge user
mkdir -p "$T"/{state,spool,log,run,munge,work/logs}

# munge: our own daemon on our own socket, with the key the package made (or a new one).
KEY=/etc/munge/munge.key
if [ ! -s "$KEY" ]; then KEY=$T/munge/munge.key; mungekey --create --keyfile="$KEY"; fi
chown munge:munge "$T/munge"
install -o munge -g munge -m 0400 "$KEY" "$T/munge/munge.key"
SOCKET=$T/munge/munge.socket
setpriv --reuid=munge --regid=munge --init-groups munged --foreground --key-file="$T/munge/munge.key" --socket="$SOCKET" \
  --pid-file="$T/munge/munged.pid" --log-file="$T/log/munged.log" --seed-file="$T/munge/munged.seed" \
  >"$T/log/munged.out.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
[ -S "$SOCKET" ] || { echo "slurm.sh: munged did not start" >&2; exit 1; }

# The node as slurmd sees it (CPUs, sockets, cores, real memory), named `hostname -s`.
NODE=$(hostname -s)
NODE_HW=$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')
export SLURM_CONF=$T/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=radsim-test
SlurmctldHost=localhost
SlurmUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/run/slurmctld.pid
SlurmdPidFile=$T/run/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
MinJobAge=600
NodeName=$NODE NodeAddr=127.0.0.1 $NODE_HW State=UNKNOWN
PartitionName=main Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -i -f "$SLURM_CONF" >"$T/log/slurmctld.out.log" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >"$T/log/slurmd.out.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
  sleep 0.3
done
sinfo -h -o '%T' | grep -qE '^(idle|mixed|allocated)' ||
  { echo "slurm.sh: the node did not come up: $(sinfo -h -N -o '%N %T %E' 2>&1)" >&2; exit 1; }

# The two job scripts of docs/cluster.md, with this checkout's paths and small sizes.
block() { # the bash block that follows the line "`$1`:" in docs/cluster.md
  awk -v name="\`$1\`:" '$0==name {f=1; next} f && /^```bash$/ {p=1; next} p && /^```$/ {exit} p {print}' \
    "$ROOT/docs/cluster.md"
}
edit() { # sed expression, file: fails if the expression changes nothing (the docs moved on)
  local before; before=$(cat "$2"); sed -i "$1" "$2"
  [ "$before" != "$(cat "$2")" ] || { echo "slurm.sh: '$1' no longer applies to $2; update this test" >&2; exit 1; }
}
W=$T/work
OUT=$T/results
block compare-array.sh >"$W/compare-array.sh"
block merge.sh >"$W/merge.sh"
[ -s "$W/compare-array.sh" ] && [ -s "$W/merge.sh" ] || { echo "slurm.sh: job scripts not found in docs/cluster.md" >&2; exit 1; }
SIZES=(--agents 800 --weeks 52)
edit 's/^#SBATCH --array=0-9$/#SBATCH --array=0-3/' "$W/compare-array.sh"
edit 's/^N=10 /N=4 /' "$W/compare-array.sh"
edit 's/^#SBATCH --cpus-per-task=4$/#SBATCH --cpus-per-task=1/' "$W/compare-array.sh"
edit 's/^#SBATCH --mem=2G$/#SBATCH --mem=1G/' "$W/compare-array.sh"
edit "s/--replicates 100 /--replicates 4 ${SIZES[*]} /" "$W/compare-array.sh"
for f in compare-array.sh merge.sh; do
  edit "s|^OUT=\${OUT:-\$HOME/radsim-results/school-resilience}$|OUT=$OUT|" "$W/$f"
  edit "s|^cd \$HOME/radsim$|cd $ROOT|" "$W/$f"
done

# Submitted as the document says.
cd "$W"
jid=$(sbatch --parsable compare-array.sh)
jid=${jid%%;*}
mid=$(sbatch --parsable --dependency=afterok:"$jid" merge.sh)
mid=${mid%%;*}
echo "slurm.sh: array job $jid, merge job $mid; waiting (at most ${TIMEOUT} s)"
state() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }
deadline=$((SECONDS + TIMEOUT))
while :; do
  s=$(state "$mid")
  case "$s" in
    COMPLETED) break ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE)
      echo "slurm.sh: the merge job ended $s" >&2; exit 1 ;;
  esac
  if scontrol show job "$mid" 2>/dev/null | grep -q 'Reason=DependencyNeverSatisfied'; then
    echo "slurm.sh: an array task failed, so the merge never ran" >&2; exit 1
  fi
  [ $SECONDS -lt $deadline ] || { echo "slurm.sh: timed out after ${TIMEOUT} s (merge job: $s)" >&2; exit 1; }
  sleep 2
done

# The same comparison on one machine, without Slurm.
cd "$ROOT"
node bin/radsim.js compare scenarios/baseline.json scenarios/school-resilience.json \
  --replicates 4 "${SIZES[@]}" --workers 2 --out "$T/one" --quiet
bad=0
for f in plan.json runs.csv outcomes.csv differences.csv series_bands.csv series_differences.csv summary.md; do
  if ! cmp -s "$T/one/$f" "$OUT/all/$f"; then echo "slurm.sh: $f differs from the one-machine run" >&2; bad=1; fi
done
[ "$bad" = 0 ]
echo "slurm.sh: the Slurm array (4 shards) and merge gave the one-machine result byte for byte"
