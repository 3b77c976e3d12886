package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCtrlCStopsTasks sends SIGINT to a child running the seed article's last example: the
// KeyboardInterrupt leaves run_until_complete with the tasks intact, and the script cancels
// them and runs the loop until they are done, as under CPython.
func TestCtrlCStopsTasks(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	script, _ := filepath.Abs("../../examples/06_stop_on_ctrl_c.aio")
	cmd := exec.Command(bin, script)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the tasks are all waiting; the first ends at 1 s
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, errOut.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the interrupted script did not finish")
	}
	want := "wait: 1\nwait: 10\nwait: 15\ninterrupted; 3 tasks pending\nTrue\n[True, True, True]\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr:\n%s", out.String(), want, errOut.String())
	}
}

// TestCtrlCUncaught: an interrupt nobody catches ends the program with CPython's status.
func TestCtrlCUncaught(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	cmd := exec.Command(bin, "-c", "import asyncio\nasyncio.run(asyncio.sleep(30))")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err = cmd.Wait()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 130 {
		t.Fatalf("exit %v, want status 130", err)
	}
	if !strings.HasSuffix(strings.TrimSpace(errOut.String()), "KeyboardInterrupt") {
		t.Errorf("stderr does not end in KeyboardInterrupt:\n%s", errOut.String())
	}
}
