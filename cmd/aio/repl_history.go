package main

// The REPL's history file. chzyer/readline can keep one itself, but it writes each entry as
// one line and trims every line's leading whitespace when it loads them, so a def or a for
// loop would come back split into unindented pieces. The REPL keeps the file instead: one
// entry per line, with newlines and backslashes escaped; readline holds the entries in memory
// only.

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// historyLimit is how many entries are kept, in memory and in the file.
const historyLimit = 1000

// historyPath is where the history is kept: $AIO_HISTORY, else ~/.aio_history. An
// AIO_HISTORY that is set but empty keeps no file (""), as does an unknown home.
func historyPath() string {
	if p, ok := os.LookupEnv("AIO_HISTORY"); ok {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".aio_history")
}

// historyFile is the history kept across sessions. Its errors are ignored: a REPL without
// history is still a REPL.
type historyFile struct {
	path string // "" keeps nothing
}

// load returns the saved entries, oldest first: the newest historyLimit of them. A file that
// has grown past twice that is rewritten with those only.
func (h *historyFile) load() []string {
	f, err := os.Open(h.path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var entries []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := strings.TrimSuffix(sc.Text(), "\r"); line != "" {
			entries = append(entries, decodeEntry(line))
		}
	}
	if len(entries) > 2*historyLimit {
		h.rewrite(entries[len(entries)-historyLimit:])
	}
	return entries[max(0, len(entries)-historyLimit):]
}

// add appends an entry to the file at once, so that a session that dies keeps its history.
func (h *historyFile) add(entry string) {
	if h.path == "" {
		return
	}
	f, err := os.OpenFile(h.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	f.WriteString(encodeEntry(entry) + "\n")
	f.Close()
}

// rewrite replaces the file with entries, through a temporary file so that a failure
// leaves the old one.
func (h *historyFile) rewrite(entries []string) {
	tmp := h.path + ".tmp"
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(encodeEntry(e) + "\n")
	}
	if os.WriteFile(tmp, []byte(b.String()), 0o600) == nil {
		os.Rename(tmp, h.path)
	}
}

var entryEncoder = strings.NewReplacer(`\`, `\\`, "\n", `\n`)

// encodeEntry makes an entry one line. Leading whitespace needs no escape: only readline's
// own loader trims it.
func encodeEntry(s string) string { return entryEncoder.Replace(s) }

// decodeEntry undoes encodeEntry. A backslash before anything but n or a backslash is kept
// as it is, so a hand-edited file still loads.
func decodeEntry(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == '\\') {
			i++
			if s[i] == 'n' {
				b.WriteByte('\n')
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
