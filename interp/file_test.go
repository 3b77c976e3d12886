package interp_test

import (
	"bytes"
	"context"
	"os/exec"
	"testing"

	"github.com/aio-lang/aio/interp"
)

// openErrorsProgram provokes the OSErrors of open() and os in a scratch directory.
const openErrorsProgram = `import os
os.mkdir("d")
open("f.txt", "w").close()


def show(f):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, e)


show(lambda: open("missing"))
show(lambda: open("d"))
show(lambda: open("d", "w"))
show(lambda: open("f.txt/x"))
show(lambda: open("f.txt", "x"))
show(lambda: open(""))
show(lambda: os.rename("missing", "other"))
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(repr(e))
with open("b.bin", "wb") as f:
    f.write(bytearray(b"ab\xff"))
with open("b.bin", "rb") as f:
    print(f.read())
`

// openErrorsOutput is what CPython prints for it.
const openErrorsOutput = `FileNotFoundError 2 No such file or directory missing (2, 'No such file or directory') [Errno 2] No such file or directory: 'missing'
IsADirectoryError 21 Is a directory d (21, 'Is a directory') [Errno 21] Is a directory: 'd'
IsADirectoryError 21 Is a directory d (21, 'Is a directory') [Errno 21] Is a directory: 'd'
NotADirectoryError 20 Not a directory f.txt/x (20, 'Not a directory') [Errno 20] Not a directory: 'f.txt/x'
FileExistsError 17 File exists f.txt (17, 'File exists') [Errno 17] File exists: 'f.txt'
FileNotFoundError 2 No such file or directory  (2, 'No such file or directory') [Errno 2] No such file or directory: ''
FileNotFoundError 2 No such file or directory missing (2, 'No such file or directory') [Errno 2] No such file or directory: 'missing' -> 'other'
FileNotFoundError(2, 'No such file or directory')
b'ab\xff'
`

// TestOpenErrors checks that file errors carry CPython's subclass, errno, strerror,
// filename, args and message. PermissionError is left to runtime's TestOSErrorFrom: a
// test running as root cannot provoke EACCES.
func TestOpenErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	it := interp.New(interp.Options{Stdout: &stdout, Stderr: &stderr, Files: true})
	if err := it.Run(context.Background(), "open_errors.py", []byte(openErrorsProgram)); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if got := stdout.String(); got != openErrorsOutput {
		t.Errorf("got\n%swant\n%s", got, openErrorsOutput)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		return
	}
	cmd := exec.Command(py, "-c", openErrorsProgram)
	cmd.Dir = t.TempDir()
	if out, err := cmd.Output(); err != nil || string(out) != openErrorsOutput {
		t.Errorf("python3 disagrees with the expectation (%v):\n%s", err, out)
	}
}
