#if canImport(Glibc)
  import Glibc
#endif

SignalMonitor.install(listening: false)
let console = Console.standard()
let status: ExitCode
let arguments = Array(CommandLine.arguments.dropFirst())
do {
  status = try Invocation(arguments: arguments).run(console)
} catch {
  console.fail(error.description)
  status = Invocation.usageStatus(arguments)
}
exit(status.rawValue)
