//go:build linux

package stdlib

import (
	"io/fs"
	"syscall"
)

func fileStat(fi fs.FileInfo) statInfo {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return genericStat(fi)
	}
	return statInfo{
		mode: int64(st.Mode), ino: int64(st.Ino), dev: int64(st.Dev), nlink: int64(st.Nlink),
		uid: int64(st.Uid), gid: int64(st.Gid),
		fileTimes: fileTimes{atimeNs: timespecNs(st.Atim), mtimeNs: timespecNs(st.Mtim), ctimeNs: timespecNs(st.Ctim)},
	}
}

func timespecNs(t syscall.Timespec) int64 { return t.Nano() }
