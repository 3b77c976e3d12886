package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// Keys as a terminal sends them.
const (
	keyEnter  = "\r"
	keyCtrlC  = "\x03"
	keyCtrlD  = "\x04"
	keyTab    = "\t"
	keyUp     = "\x1b[A"
	keyLeft   = "\x1b[D"
	keyDelete = "\x1b[3~"
)

// expectTimeout bounds every wait for output; a REPL that answers at all answers in
// milliseconds.
const expectTimeout = 5 * time.Second

// terminalSession is the aio command running on a pseudo-terminal, typed into as a user
// would.
type terminalSession struct {
	t      *testing.T
	pty    *os.File
	cmd    *exec.Cmd
	exited chan struct{}

	mu   sync.Mutex
	out  []byte // everything the command wrote
	seen int    // how much of screenText expect has consumed
}

// startTerminal starts aio with args on a new pseudo-terminal of the given size, its history
// in histFile; it skips the test where there are no pseudo-terminals.
func startTerminal(t *testing.T, size *pty.Winsize, histFile string, args ...string) *terminalSession {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"TERM=xterm", "HOME=" + t.TempDir(), "AIO_HISTORY=" + histFile, "PATH=" + os.Getenv("PATH")}
	f, err := pty.StartWithSize(cmd, size)
	if errors.Is(err, pty.ErrUnsupported) {
		t.Skip("no pseudo-terminals here")
	} else if err != nil {
		t.Fatal(err)
	}
	s := &terminalSession{t: t, pty: f, cmd: cmd, exited: make(chan struct{})}
	go s.copyOutput()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.exited
		f.Close()
	})
	return s
}

func (s *terminalSession) copyOutput() {
	defer close(s.exited)
	buf := make([]byte, 4096)
	for {
		n, err := s.pty.Read(buf)
		s.mu.Lock()
		s.out = append(s.out, buf[:n]...)
		s.mu.Unlock()
		if err != nil { // EIO once the command has exited
			s.cmd.Wait()
			return
		}
	}
}

// send types keys.
func (s *terminalSession) send(keys string) {
	s.t.Helper()
	if _, err := s.pty.WriteString(keys); err != nil {
		s.t.Fatal(err)
	}
}

// escapes matches what readline draws with: control sequences, and the " \b" it puts after
// a prompt.
var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r| \x08`)

// screenText is the output as text: without the escape sequences, lines ending in "\n".
func (s *terminalSession) screenText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return escapes.ReplaceAllString(string(s.out), "")
}

// expect waits until want appears in the output after what earlier calls consumed, and
// consumes the output through it.
func (s *terminalSession) expect(want string) {
	s.t.Helper()
	deadline := time.Now().Add(expectTimeout)
	for {
		text := s.screenText()
		if i := strings.Index(text[s.seen:], want); i >= 0 {
			s.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no %q in the output after:\n%s", want, text[:s.seen])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// run types a line and expects what follows it, then the next prompt.
func (s *terminalSession) run(line, want string) {
	s.t.Helper()
	s.send(line + keyEnter)
	s.expect(line + "\n" + want)
}

// exitStatus waits for the command to exit and returns its status.
func (s *terminalSession) exitStatus() int {
	s.t.Helper()
	select {
	case <-s.exited:
	case <-time.After(expectTimeout):
		s.t.Fatalf("aio did not exit; output:\n%s", s.screenText())
	}
	return s.cmd.ProcessState.ExitCode()
}

func TestREPL(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	s := startTerminal(t, screen, hist)
	s.expect("Aio " + version)
	s.expect(ps1)

	s.run("1 + 1", "2\n>>> ")
	s.run("_ * 10", "20\n>>> ")

	// A compound statement ends at a blank line; brackets continue.
	s.run("def double(x):", ps2)
	s.run("    return 2 * x", ps2)
	s.run("", ps1)
	s.run("double(", ps2)
	s.run("21)", "42\n>>> ")

	s.run("def f(:", "  File \"<stdin>\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n>>> ")
	s.run("1/0", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"+
		"ZeroDivisionError: division by zero\n>>> ")

	s.run("import asyncio", ps1)
	s.run("await asyncio.sleep(0.1); print('slept')", "slept\n>>> ")

	// A task goes on running while the prompt is up; its output appears above the prompt.
	s.run("async def later():", ps2)
	s.run("    await asyncio.sleep(0.3)", ps2)
	s.run("    print('from the background')", ps2)
	s.run("", ps1)
	s.run("t = asyncio.create_task(later())", ps1)
	s.expect("from the background\n>>> ")

	s.send("abc" + keyCtrlC)
	s.expect("abc\nKeyboardInterrupt\n>>> ")

	// Ctrl-C while an input awaits cancels it.
	s.run("async def nap():", ps2)
	s.run("    try: await asyncio.sleep(30)", ps2)
	s.run("    finally: print('woken')", ps2)
	s.run("", ps1)
	s.run("await nap()", "")
	time.Sleep(200 * time.Millisecond) // until the input runs and the terminal sends SIGINT
	start := time.Now()
	s.send(keyCtrlC)
	s.expect("woken\n")
	s.expect("KeyboardInterrupt\n>>> ")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Ctrl-C took %v to interrupt the sleep", d)
	}
	s.run("1 + 2", "3\n>>> ")

	// Ctrl-C while an input computes raises KeyboardInterrupt in it.
	s.run("while True: pass", ps2)
	s.run("", "")
	time.Sleep(200 * time.Millisecond)
	s.send(keyCtrlC)
	s.expect("File \"<stdin>\", line 1, in <module>\nKeyboardInterrupt\n>>> ")

	s.send("doub" + keyTab)
	s.expect("double(")
	s.run("4)", "8\n>>> ")
	s.send("asyncio.ga" + keyTab)
	s.expect("asyncio.gather(")
	s.send(keyCtrlC)
	s.expect("KeyboardInterrupt\n>>> ")

	// Delete deletes under the cursor, and does nothing on an empty line.
	s.send(keyDelete)
	s.send("123" + keyLeft + keyLeft + keyDelete + keyEnter)
	s.expect("13\n13\n>>> ")

	// Tab in leading whitespace indents. This block is recalled from history below.
	s.run("if True:", ps2)
	s.send(keyTab)
	s.run("y = 7", ps2)
	s.run("", ps1)
	s.run("y", "7\n>>> ")

	s.send(keyCtrlD)
	if status := s.exitStatus(); status != 0 {
		t.Errorf("Ctrl-D: exit status %d, want 0", status)
	}

	// The history is kept across runs, multi-line entries whole, with their indentation.
	s = startTerminal(t, screen, hist)
	s.expect(ps1)
	s.send(keyUp)
	s.expect("y")
	s.send(keyUp)
	s.expect("if True:↵    y = 7")
	s.run("", ps1) // the recalled block runs: its ending blank line is implied
	s.run("y", "7\n>>> ")
	s.send(keyCtrlD)
	if status := s.exitStatus(); status != 0 {
		t.Errorf("Ctrl-D: exit status %d, want 0", status)
	}
}

// screen is the size of the test terminals.
var screen = &pty.Winsize{Rows: 24, Cols: 80}

// TestREPLAfterProgram checks aio -i: the program runs, then the REPL opens on its globals.
// Its terminal has no size, which must not turn Tab completion off.
func TestREPLAfterProgram(t *testing.T) {
	file := filepath.Join(t.TempDir(), "prog.aio")
	if err := os.WriteFile(file, []byte("x = 41\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTerminal(t, &pty.Winsize{}, "", "-i", file)
	s.expect(ps1)
	s.run("x + 1", "42\n>>> ")
	s.send("pri" + keyTab)
	s.expect("print(")
	s.run("x)", "41\n>>> ")
	s.run("exit(3)", "")
	if status := s.exitStatus(); status != 3 {
		t.Errorf("exit(3): exit status %d, want 3", status)
	}
	if text := s.screenText(); strings.Contains(text, "Aio "+version) {
		t.Errorf("aio -i FILE printed the banner:\n%s", text)
	}
}

func TestHistoryEntries(t *testing.T) {
	for _, entry := range []string{"x = 1", "def f():\n    return '\\n'\n", `\\`, "  lead", `a\b`} {
		enc := encodeEntry(entry)
		if strings.Contains(enc, "\n") || decodeEntry(enc) != entry {
			t.Errorf("entry %q: encoded %q, decoded %q", entry, enc, decodeEntry(enc))
		}
	}
	h := historyFile{path: filepath.Join(t.TempDir(), "history")}
	for i := range 2*historyLimit + 1 {
		h.add(strings.Repeat(" ", i%3) + "x")
	}
	if got := h.load(); len(got) != historyLimit || got[0] != strings.Repeat(" ", (historyLimit+1)%3)+"x" {
		t.Errorf("load: %d entries, first %q", len(got), got[0])
	}
}

func TestKeyReader(t *testing.T) {
	// The Delete key's sequence arrives split across reads.
	k := &keyReader{r: &chunkReader{chunks: []string{"a\x1b", "[3", "~b\x1b[A", "\x1b[3~"}}}
	var got []byte
	buf := make([]byte, 2)
	for {
		n, err := k.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			break
		}
	}
	if want := "a" + string(deleteKey) + "b\x1b[A" + string(deleteKey); string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// chunkReader returns its chunks one per Read, then io.EOF.
type chunkReader struct{ chunks []string }

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	c.chunks[0] = c.chunks[0][n:]
	if c.chunks[0] == "" {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}
