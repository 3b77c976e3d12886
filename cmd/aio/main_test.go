package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binary builds the aio command once per test run and returns its path.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "aio-cmd-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "aio")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", errors.New(string(out))
	}
	return bin, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	if bin, err := binary(); err == nil {
		os.RemoveAll(filepath.Dir(bin))
	}
	os.Exit(code)
}

// runAio runs the built command in testdata and returns its stdout, stderr and exit status.
func runAio(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	return runAioIn(t, "testdata", args...)
}

// runAioIn runs the built command in dir.
func runAioIn(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out.String(), errOut.String(), exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

func TestCommandLine(t *testing.T) {
	usage := "aio: %s\n" + usageLine + "\nTry 'aio --help' for more information.\n"
	for _, tc := range []struct {
		args           []string
		stdout, stderr string
		status         int
	}{
		{[]string{"--version"}, "Aio " + version + "\n", "", 0},
		{[]string{"-V"}, "Aio " + version + "\n", "", 0},
		{[]string{"--help"}, usageText, "", 0},
		{[]string{"-h", "ok.aio"}, usageText, "", 0},
		{[]string{"--bogus"}, "", strings.ReplaceAll(usage, "%s", "unknown option --bogus"), 2},
		{[]string{"--version=2"}, "", strings.ReplaceAll(usage, "%s", "option --version takes no value"), 2},
		{[]string{"-c"}, "", strings.ReplaceAll(usage, "%s", "argument expected for the -c option"), 2},
		{[]string{"--trace"}, "", strings.ReplaceAll(usage, "%s", "argument expected for the --trace option"), 2},
		{[]string{"--check"}, "", strings.ReplaceAll(usage, "%s", "--check needs at least one file"), 2},
		{[]string{"--check", "-c", "pass"}, "", strings.ReplaceAll(usage, "%s", "--check cannot be combined with -c"), 2},
		{[]string{"--check", "ok.aio"}, "", "", 0},
		{[]string{"--check", "missing.aio"}, "", "[Errno 2] No such file or directory: 'missing.aio'\n", 1},
		{[]string{"ok.aio"}, "0\n1\n2\n", "", 0},
		{[]string{"-c", "import sys; print(sys.argv)", "--bogus"}, "['-c', '--bogus']\n", "", 0},
		{[]string{"-c", "import sys; sys.exit(3)"}, "", "", 3},
		{[]string{"-c", "import sys; sys.exit('bye')"}, "", "bye\n", 1},
		{[]string{"-c", "1/0"}, "", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n", 1},
		{[]string{"-"}, "", "", 0},
	} {
		stdout, stderr, status := runAio(t, tc.args...)
		if stdout != tc.stdout || stderr != tc.stderr || status != tc.status {
			t.Errorf("aio %q:\ngot  status %d, stdout %q, stderr %q\nwant status %d, stdout %q, stderr %q",
				tc.args, status, stdout, stderr, tc.status, tc.stdout, tc.stderr)
		}
	}
}

// TestHelpListsModes keeps --help in step with SPEC.md's "The aio command".
func TestHelpListsModes(t *testing.T) {
	for _, mode := range []string{"-c cmd", " -i ", "--check file", "--virtual-time", "--trace out.json",
		"--version", "--help", "\n  -  ", "REPL"} {
		if !strings.Contains(usageText, mode) {
			t.Errorf("--help does not mention %q", mode)
		}
	}
}

// pyCompile runs py_compile on argv[1], writing the bytecode to argv[2], and prints its error
// message as python3 -m py_compile does.
const pyCompile = `import py_compile, sys
try:
    py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)
except py_compile.PyCompileError as e:
    sys.stderr.write(e.msg)`

// TestCheckSyntaxErrors checks each testdata/*.err golden file: the stderr of aio --check on
// the .aio file of the same name. Each file is also checked against python3 -m py_compile,
// which produced the golden files, when python3 is installed.
func TestCheckSyntaxErrors(t *testing.T) {
	goldens, err := filepath.Glob("testdata/*.err")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	var files []string
	var all string
	for _, golden := range goldens {
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		file := strings.TrimSuffix(filepath.Base(golden), ".err") + ".aio"
		files = append(files, file)
		all += string(want)
		_, stderr, status := runAio(t, "--check", file)
		if stderr != string(want) || status != 1 {
			t.Errorf("aio --check %s: status %d, stderr:\n%s\nwant status 1, stderr:\n%s", file, status, stderr, want)
		}
		if python, err := exec.LookPath("python3"); err == nil {
			cmd := exec.Command(python, "-c", pyCompile, file, filepath.Join(t.TempDir(), "out.pyc"))
			cmd.Dir = "testdata"
			out, _ := cmd.CombinedOutput()
			if string(out) != string(want) {
				t.Errorf("python3 py_compile %s:\n%s\ndiffers from %s:\n%s", file, out, golden, want)
			}
		}
	}
	// All files are checked, not only up to the first bad one.
	_, stderr, status := runAio(t, append(append([]string{"--check"}, files...), "ok.aio")...)
	if stderr != all || status != 1 {
		t.Errorf("aio --check %s: status %d, stderr:\n%s\nwant status 1, stderr:\n%s", files, status, stderr, all)
	}
}
