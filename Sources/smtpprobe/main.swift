#if canImport(Glibc)
  import Glibc
#endif

SignalMonitor.install(listening: false)
let console = Console.standard()
let status: ExitCode
do {
  status = try Invocation(arguments: Array(CommandLine.arguments.dropFirst())).run(console)
} catch {
  console.fail(error.description)
  status = .usage
}
exit(status.rawValue)
