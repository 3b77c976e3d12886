package main

// The REPL's terminal side: chzyer/readline, the goroutine that reads from it, and the
// workarounds for its known defects (see ../shared/notes/participle-readline.md, §6).

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chzyer/readline"

	"github.com/aio-lang/aio/parser"
)

const (
	ps1 = ">>> "
	ps2 = "... "
)

// Private-use runes that stand, inside readline's line buffer, for what it cannot hold.
const (
	// newlineMark is a line break of a multi-line entry recalled from history. Readline
	// draws its buffer as one line, so the entry is shown on one line, breaks as ↵.
	newlineMark = '\uE000'
	// deleteKey is the Delete key. Readline turns it into Ctrl-D, which on an empty line
	// means end of input: keyReader renames it so that Delete never ends the REPL.
	deleteKey = '\uE001'
)

// input is what the console read: a complete input (or one no further line can complete,
// whose syntax error running it reports), or the end of input.
type input struct {
	src string
	eof bool
}

// console owns the readline instance. Only its goroutine (serve) calls Readline and Close:
// Close from another goroutine hangs while a Readline is blocked (readline issue #217). The
// main goroutine asks for each input with read and is handed it through the callback, so
// that it can go on running the event loop while the user types.
type console struct {
	rl       *readline.Instance
	keyboard *readline.CancelableStdin // readline's input
	history  historyFile
	requests chan func(input)
	done     chan struct{}
	pending  atomic.Bool // an input was asked for and is not read yet
	deleting atomic.Bool // the key readline is handling is Delete
	restore  func()      // puts the terminal back as it was found

	// stdout and stderr are what the interpreter writes to: through readline, which draws
	// the prompt and the half-typed line again below output written while it reads.
	stdout, stderr *promptWriter
	stdin          typedInput // what the interpreter reads
}

// newConsole sets up readline on the process's terminal and starts the goroutine that
// reads from it. Tab completion is asked of complete.
func newConsole(complete readline.AutoCompleter) (*console, error) {
	c := &console{
		keyboard: readline.NewCancelableStdin(&keyReader{r: os.Stdin}),
		history:  historyFile{path: historyPath()},
		requests: make(chan func(input)),
		done:     make(chan struct{}),
		restore:  func() {},
	}
	if state, err := readline.GetState(int(os.Stdin.Fd())); err == nil {
		c.restore = func() { readline.Restore(int(os.Stdin.Fd()), state) }
	}
	// Prompts go where a terminal is, as CPython's do when stdout is redirected.
	var screen io.Writer = os.Stdout
	if !isTerminal(os.Stdout) {
		screen = os.Stderr
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 ps1,
		HistoryLimit:           historyLimit,
		DisableAutoSaveHistory: true,
		AutoComplete:           complete,
		Listener:               readline.FuncListener(c.editLine),
		FuncFilterInputRune:    c.filterRune,
		Painter:                painter{},
		FuncGetWidth:           screenWidth,
		InterruptPrompt:        "\n", // nothing: the REPL prints KeyboardInterrupt
		EOFPrompt:              "\n",
		Stdin:                  c.keyboard,
		Stdout:                 screen,
		Stderr:                 os.Stderr,
	})
	if err != nil {
		return nil, err
	}
	c.rl = rl
	c.stderr = &promptWriter{w: rl.Stderr()}
	if screen == os.Stdout {
		c.stdout = &promptWriter{w: rl.Stdout()}
	} else {
		c.stdout = &promptWriter{w: os.Stdout}
	}
	c.stdin = typedInput{outs: []*promptWriter{c.stdout, c.stderr}}
	for _, e := range c.history.load() {
		rl.SaveHistory(toBuffer(e))
	}
	go c.serve()
	return c, nil
}

// screenWidth is the terminal's width. Readline turns Tab completion off, silently, when
// the width is 0, as it is on a terminal whose size was never set: assume 80 columns then.
func screenWidth() int {
	if w := readline.GetScreenWidth(); w > 0 {
		return w
	}
	return 80
}

// read asks for the next input; deliver is called with it, on the console's goroutine.
func (c *console) read(deliver func(input)) {
	c.pending.Store(true)
	c.requests <- deliver
}

// close stops the console's goroutine, which closes readline, and restores the terminal.
// If the goroutine is reading (the REPL ends while the prompt is up: sys.exit() in a
// background task), it cannot be stopped, and closing readline would hang; restoring the
// terminal is what matters then.
func (c *console) close() {
	reading := c.pending.Load()
	close(c.requests)
	if !reading {
		select {
		case <-c.done:
		case <-time.After(time.Second):
		}
	}
	c.restore()
	if reading {
		fmt.Fprintln(os.Stderr) // end the prompt's line
	}
}

func (c *console) serve() {
	defer close(c.done)
	defer func() {
		if p := recover(); p != nil {
			c.restore()
			panic(p)
		}
	}()
	for deliver := range c.requests {
		in := c.readInput()
		c.pending.Store(false)
		deliver(in)
	}
	c.keyboard.Close() // unblocks readline's reader, should it be waiting for a key
	c.rl.Close()
}

// readInput reads lines until they make an input to run, as CPython's interactive console
// does: parser.Classify decides whether the lines so far are complete.
func (c *console) readInput() input {
	var lines []string
	for {
		prompt := ps1
		if len(lines) > 0 {
			prompt = ps2
		}
		c.rl.SetPrompt(prompt)
		line, err := c.readLine()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			fmt.Fprintln(c.rl.Stderr(), "KeyboardInterrupt")
			lines = nil
			continue
		case err == io.EOF && len(lines) > 0:
			line = "" // Ctrl-D ends a multi-line input as a blank line does
		case err != nil:
			return input{eof: true}
		}
		recalled := strings.ContainsRune(line, newlineMark)
		lines = append(lines, strings.Split(fromBuffer(line), "\n")...)
		src := strings.Join(lines, "\n")
		status := parser.Classify(src)
		// A block recalled from history was complete when it was entered: its ending blank
		// line is implied.
		if status == parser.Incomplete && recalled && parser.Classify(src+"\n") == parser.Complete {
			src, status = src+"\n", parser.Complete
		}
		if status != parser.Incomplete || err != nil {
			c.remember(src)
			return input{src: src}
		}
	}
}

// readLine is rl.Readline, which returns a line before readline's terminal reader has gone
// idle. Until it has, readline takes output for output arriving under the prompt, which it
// draws again below: so wait for it, briefly.
func (c *console) readLine() (string, error) {
	line, err := c.rl.Readline()
	for i := 0; i < 100 && c.rl.Terminal.IsReading(); i++ {
		time.Sleep(100 * time.Microsecond)
	}
	return line, err
}

// remember adds an input to the history, without the blank line that ended it.
func (c *console) remember(src string) {
	entry := strings.TrimRight(src, "\n")
	if strings.TrimSpace(entry) == "" {
		return
	}
	c.rl.SaveHistory(toBuffer(entry))
	c.history.add(entry)
}

// filterRune and editLine make the Delete key delete the character under the cursor. The
// obvious filter, deleteKey to Ctrl-D when the line is not empty, leaves readline's terminal
// reader one key ahead (both readline paths re-arm it, though it is armed already after a
// key it passed on as text), so that it would read the key after the next Enter while code
// runs. Instead deleteKey becomes Ctrl-G, which readline reads without re-arming and which
// does nothing but leave completion, and editLine, the Listener readline calls once the key
// is handled, does the deleting.
func (c *console) filterRune(r rune) (rune, bool) {
	c.deleting.Store(r == deleteKey)
	if r == deleteKey {
		return readline.CharBell, true
	}
	return r, true
}

func (c *console) editLine(line []rune, pos int, key rune) ([]rune, int, bool) {
	if key != readline.CharBell || !c.deleting.Load() || pos >= len(line) {
		return nil, 0, false
	}
	return slices.Delete(slices.Clone(line), pos, pos+1), pos, true
}

// toBuffer and fromBuffer convert between an entry's line breaks and readline's newlineMark.
func toBuffer(s string) string   { return strings.ReplaceAll(s, "\n", string(newlineMark)) }
func fromBuffer(s string) string { return strings.ReplaceAll(s, string(newlineMark), "\n") }

// painter draws newlineMark as ↵; both are one column wide, as readline assumes.
type painter struct{}

func (painter) Paint(line []rune, _ int) []rune {
	if !slices.Contains(line, newlineMark) {
		return line
	}
	out := slices.Clone(line)
	for i, r := range out {
		if r == newlineMark {
			out[i] = '↵'
		}
	}
	return out
}

// deleteSeq is what a terminal sends for the Delete key.
const deleteSeq = "\x1b[3~"

// keyReader is readline's standard input. It replaces the Delete key's escape sequence by
// deleteKey, which readline passes through untouched: it maps ESC [ 3 ~ to Ctrl-D itself,
// after which the two can no longer be told apart.
type keyReader struct {
	r        io.Reader
	held     []byte // a trailing part of input that may begin deleteSeq
	out      []byte // translated input not yet returned
	err      error
	readBuff [256]byte
}

func (k *keyReader) Read(p []byte) (int, error) {
	for len(k.out) == 0 {
		if k.err != nil {
			k.out, k.held = k.held, nil
			if len(k.out) == 0 {
				return 0, k.err
			}
			break
		}
		n, err := k.r.Read(k.readBuff[:])
		in := append(k.held, k.readBuff[:n]...)
		keep := partialSuffix(in, deleteSeq)
		k.out = bytes.ReplaceAll(in[:len(in)-keep], []byte(deleteSeq), []byte(string(deleteKey)))
		k.held = append([]byte(nil), in[len(in)-keep:]...)
		k.err = err
	}
	n := copy(p, k.out)
	k.out = k.out[n:]
	return n, nil
}

// partialSuffix is the length of the longest end of b that is a proper beginning of seq.
// Holding those bytes back costs nothing: readline waits for the rest of an escape
// sequence anyway.
func partialSuffix(b []byte, seq string) int {
	for n := min(len(b), len(seq)-1); n > 0; n-- {
		if bytes.HasSuffix(b, []byte(seq[:n])) {
			return n
		}
	}
	return 0
}

// promptWriter is an output of the interpreter in the REPL. It is used on the main
// goroutine only.
//
// Readline, when written to while it reads, erases the prompt and the half-typed line,
// writes, and draws them again: so a partial line written then would be erased by the next
// write. While the prompt is up (holding), output is therefore passed on a whole line at a
// time; the rest is kept until its newline comes or the prompt goes. For the same reason,
// drawing the prompt would erase a partial line written before it: endLine ends it first.
type promptWriter struct {
	w       io.Writer
	held    []byte
	holding bool
	midLine bool // the last byte written was not a newline
}

func (p *promptWriter) Write(b []byte) (int, error) {
	if !p.holding {
		return p.write(b)
	}
	p.held = append(p.held, b...)
	i := bytes.LastIndexByte(p.held, '\n')
	if i < 0 {
		return len(b), nil
	}
	_, err := p.write(p.held[:i+1])
	p.held = append(p.held[:0], p.held[i+1:]...)
	return len(b), err
}

func (p *promptWriter) write(b []byte) (int, error) {
	if len(b) > 0 {
		p.midLine = b[len(b)-1] != '\n'
	}
	return p.w.Write(b)
}

// hold starts or stops holding partial lines; stopping writes what is held.
func (p *promptWriter) hold(on bool) {
	p.holding = on
	if !on && len(p.held) > 0 {
		p.write(p.held)
		p.held = p.held[:0]
	}
}

// typedInput is the interpreter's standard input in the REPL. The terminal echoes what is
// typed, Enter included, so reading ends a partial line written before (input's prompt).
type typedInput struct{ outs []*promptWriter }

func (t typedInput) Read(p []byte) (int, error) {
	for _, w := range t.outs {
		w.midLine = false
	}
	return os.Stdin.Read(p)
}

// endLine ends a partial line, before a prompt is drawn.
func (p *promptWriter) endLine() {
	if p.midLine {
		p.write([]byte("\n"))
	}
}
