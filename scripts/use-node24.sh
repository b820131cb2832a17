# Source this file (`. scripts/use-node24.sh`): when the shell's Node.js is older than 22,
# it installs Node 24 LTS from the npm registry into ~/.cache/asr-hyperv/node24 (once) and
# puts it first on PATH. @pulumi/pulumi and vitest need Node 22 or later.
asr_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(asr_node_major || true)" = "" ] || [ "$(asr_node_major)" -lt 22 ]; then
    asr_node_prefix="${HOME}/.cache/asr-hyperv/node24"
    if [ ! -x "${asr_node_prefix}/bin/node" ]; then
        echo "Node $(node --version 2>/dev/null || echo 'not found') is older than 22: installing Node 24 into ${asr_node_prefix}" >&2
        npm install --global --prefix "${asr_node_prefix}" --no-audit --no-fund node@24 >&2
    fi
    export PATH="${asr_node_prefix}/bin:${PATH}"
fi
unset -f asr_node_major
