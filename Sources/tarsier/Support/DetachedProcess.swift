import ReviewSession
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a copy of this executable as a detached background job: a new session (`setsid`, so
/// closing the terminal or Ctrl-C in it does not reach the job), standard input from /dev/null and
/// standard output and error appended to a log file.
enum DetachedProcess {
    /// `POSIX_SPAWN_SETSID` from glibc's spawn.h (2.26+), which Swift does not import.
    private static let spawnSetSID: Int16 = 0x80

    /// Spawns this executable with `arguments`, logging to `logPath`; returns the child's pid.
    static func spawn(arguments: [String], logPath: String) throws -> pid_t {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        // Close every other inherited descriptor: a pipe the caller reads to its end (a shell's
        // `$(…)`, a test) must not stay open for the job's whole life.
        for descriptor in inheritedDescriptors() where descriptor > STDERR_FILENO {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, spawnSetSID)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw EmbeddingJobLock.LockError(
                message: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// This process's open file descriptors (from /proc/self/fd, read before spawning).
    private static func inheritedDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        // The listing's own descriptor is closed by the time the child starts: skip bad ones.
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) >= 0 }
    }

    /// Whether the child `pid` has already exited (reaping it); false while it runs.
    static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }
}
