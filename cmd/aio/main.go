// Command aio runs Aio scripts, checks them for syntax errors and opens the REPL.
//
// The command line follows python3's: options come first, and the first argument that is not
// an option (a script path, or - for standard input) ends them, as -c CODE does; everything
// after it is the program's own sys.argv[1:]. Usage errors exit with status 2, as CPython's do.
//
// This file only parses the command line and dispatches. Each mode lives in its own file:
// check.go for --check, run.go for running programs (a script, -c CODE, -), repl*.go for the
// REPL.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// version is the Aio release, printed by --version.
const version = "0.1.0"

const usageLine = "usage: aio [option] ... [-c cmd | file | -] [arg] ..."

const usageText = usageLine + `
Options:
  -c cmd             program passed in as a string (terminates the option list)
  -i                 run the program, then open the REPL
  --check file ...   parse and compile the files without running them, like
                     python3 -m py_compile; report syntax errors, exit 1 if any
  --virtual-time     run with a virtual clock: sleeps and timeouts complete at once,
                     in the order the real clock would give
  --trace out.json   write a task timeline to out.json (Perfetto, chrome://tracing)
  -h, --help         print this help and exit
  -V, --version      print the Aio version and exit
Arguments:
  file               program read from a script file (conventionally NAME.aio)
  -                  program read from stdin (the default when stdin is not a terminal)
  arg ...            arguments passed to the program in sys.argv[1:]
With no file and stdin a terminal, aio opens the REPL.
Environment:
  AIO_HISTORY        the REPL's history file (default ~/.aio_history; empty: none)
Exit status: 0 on success, 1 on an uncaught exception or a syntax error, n for
sys.exit(n), 2 on bad usage.
`

// command is a parsed command line.
type command struct {
	help, version bool
	check         bool     // --check: args are the files to check
	code          *string  // -c CODE; nil when absent
	interactive   bool     // -i
	virtualTime   bool     // --virtual-time
	trace         string   // --trace OUT.json; "" when absent
	args          []string // sys.argv: the script (or "-c", or "-") and its arguments
}

func main() {
	if os.Getenv("GOGC") == "" {
		tuneGC()
	}
	// Deep Python recursion raises RecursionError at interp's depth cap; this headroom makes
	// sure the Go stack beneath it never reaches Go's own (fatal) limit first.
	debug.SetMaxStack(4 << 30)
	stop := startProfile(os.Getenv("AIO_CPUPROFILE"))
	status := aioMain(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(status)
}

// aioMain runs the command line args and returns the exit status.
func aioMain(args []string, stdout, stderr io.Writer) int {
	cmd, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "aio: %v\n%s\nTry 'aio --help' for more information.\n", err, usageLine)
		return 2
	}
	switch {
	case cmd.help:
		fmt.Fprint(stdout, usageText)
		return 0
	case cmd.version:
		fmt.Fprintf(stdout, "Aio %s\n", version)
		return 0
	case cmd.check:
		return checkFiles(cmd.args, stderr)
	}
	return run(cmd, stderr)
}

// parseArgs parses the options up to the first argument that is not one, or up to -c CODE.
// Like python3 it accepts a value attached to -c (-cCODE) and, for long options, one after =
// (--trace=out.json).
func parseArgs(args []string) (*command, error) {
	cmd := &command{}
	for cmd.code == nil && len(args) > 0 && args[0] != "-" && strings.HasPrefix(args[0], "-") {
		arg := args[0]
		args = args[1:]
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(arg, "=")
		if strings.HasPrefix(arg, "-c") {
			name, value, hasValue = "-c", arg[2:], len(arg) > 2
		}
		takesValue := name == "-c" || name == "--trace"
		switch {
		case hasValue && !takesValue:
			return nil, fmt.Errorf("option %s takes no value", name)
		case takesValue && !hasValue && len(args) == 0:
			return nil, fmt.Errorf("argument expected for the %s option", name)
		case takesValue && !hasValue:
			value, args = args[0], args[1:]
		}
		switch name {
		case "-c":
			cmd.code = &value
		case "--trace":
			cmd.trace = value
		case "-i":
			cmd.interactive = true
		case "--check":
			cmd.check = true
		case "--virtual-time":
			cmd.virtualTime = true
		case "-h", "--help":
			cmd.help = true
		case "-V", "--version":
			cmd.version = true
		default:
			return nil, fmt.Errorf("unknown option %s", arg)
		}
	}
	cmd.args = args
	switch {
	case cmd.code != nil:
		cmd.args = append([]string{"-c"}, args...)
		if cmd.check {
			return nil, errors.New("--check cannot be combined with -c")
		}
	case cmd.check && len(args) == 0:
		return nil, errors.New("--check needs at least one file")
	}
	return cmd, nil
}
