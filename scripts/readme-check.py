#!/usr/bin/env python3
"""The README's command blocks, run as a new user would run them (doc tests, issue 14).

A fenced `sh` block right after `<!-- doc-test -->` is run with bash (-e, pipefail) in a new
HOME, `swift run lapor` standing for the built binary; `<!-- doc-test: server -->` starts its
block in the background and waits for its port; a `# expected-output` comment line under a
command is compared with what it printed. Port 8080 becomes a free port. Any failure names the
block and the command, and exits 1: the README cannot rot.
"""
import os, re, shutil, socket, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
binary = subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True, check=True).stdout.strip() + "/lapor"
if not os.access(binary, os.X_OK):
    sys.exit(f"readme-check: build lapor first ({binary} is missing)")

text = open("README.md", encoding="utf-8").read()
blocks = re.findall(r"<!-- doc-test(?:: (\w+))? -->\s*```sh\n(.*?)```", text, re.S)
if not blocks:
    sys.exit("readme-check: no <!-- doc-test --> block in README.md")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
home = tempfile.mkdtemp(prefix="lapor-readme-")
env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "LAPOR_TOKEN"}
env.update(HOME=home, LANG="C.UTF-8", LAPOR_BIN=binary)
servers = []
failed = False

def prepare(block):
    block = block.replace("swift run lapor", '"$LAPOR_BIN"').replace("8080", str(port))
    return block

try:
    for number, (kind, block) in enumerate(blocks, 1):
        script = prepare(block)
        if kind == "server":
            servers.append(subprocess.Popen(["bash", "-c", script], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                sys.exit(f"readme-check: block {number} did not start a server on port {port}")
            print(f"readme-check: block {number}: server on port {port}")
            continue
        # Commands one by one (a `\` continues a line), each checked against its expected output.
        commands = re.sub(r"\\\n\s*", " ", script).split("\n")
        block_failed = False
        for line in commands:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", line], env=env, capture_output=True, text=True, timeout=120, cwd=root)
            if result.returncode != 0:
                print(f"readme-check: block {number}: `{line.strip()}` exited {result.returncode}\n{result.stderr.strip()}")
                failed = block_failed = True
                break
            # A comment line right under a command in the README is its expected first line of output.
            index = script.split("\n").index(line) if line in script.split("\n") else -1
            following = script.split("\n")[index + 1].strip() if 0 <= index < len(script.split("\n")) - 1 else ""
            if following.startswith("# ") and re.match(r"# \d{4}-\d\d-\d\dT", following):
                want = following[2:].strip()
                got = result.stdout.strip().split("\n")[0] if result.stdout.strip() else ""
                if got != want:
                    print(f"readme-check: block {number}: `{line.strip()}` printed {got!r}, the README says {want!r}")
                    failed = block_failed = True
            # Export what a line set (ID=…) for the lines after it.
            m = re.match(r"\s*(\w+)=\$\((.*)\)\s*(#.*)?$", line)
            if m:
                env[m.group(1)] = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", m.group(2)], env=env, capture_output=True, text=True, cwd=root).stdout.strip()
        if not block_failed:
            print(f"readme-check: block {number}: {len([c for c in commands if c.strip() and not c.lstrip().startswith('#')])} commands ok")
finally:
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    shutil.rmtree(home, ignore_errors=True)
sys.exit(1 if failed else 0)
