import Foundation

/// Runs `smtpprobe probe …` and reads its output, for the probe integration tests.
enum ProbeRun {
  /// `smtpprobe probe arguments…` with a fixed EHLO name unless the test gives one.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
  ) throws -> RunResult {
    var arguments = arguments
    if !arguments.contains("--helo") { arguments += ["--helo", "client.probe.test"] }
    return try RunBinary.run(["probe"] + arguments, stdin: stdin, environment: environment)
  }

  /// The `--json` output as a Foundation object tree.
  static func json(_ result: RunResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    guard let dictionary = object as? [String: Any] else {
      throw RunBinaryError(description: "probe --json did not print an object: \(result.stdout)")
    }
    return dictionary
  }

  /// The top-level keys of `text` in output order (the renderer keeps them ordered).
  static func topLevelKeys(_ text: String) -> [String] {
    text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.compactMap { line in
      line.dropFirst(3).split(separator: "\"").first.map(String.init)
    }
  }

  /// The sessions of a JSON probe.
  static func sessions(_ json: [String: Any]) -> [[String: Any]] {
    json["sessions"] as? [[String: Any]] ?? []
  }

  /// The lines the probe sent in session `index`.
  static func sent(_ json: [String: Any], session index: Int = 0) -> [String] {
    let sessions = sessions(json)
    guard index < sessions.count,
      let transcript = sessions[index]["transcript"] as? [[String: Any]]
    else { return [] }
    return transcript.filter { $0["dir"] as? String == "send" }.compactMap { $0["line"] as? String }
  }

  /// The steps of session `index`.
  static func steps(_ json: [String: Any], session index: Int = 0) -> [[String: Any]] {
    let sessions = sessions(json)
    guard index < sessions.count else { return [] }
    return sessions[index]["steps"] as? [[String: Any]] ?? []
  }

  /// The diagnosis category of each step, in order.
  static func categories(_ json: [String: Any], session index: Int = 0) -> [String] {
    steps(json, session: index).compactMap {
      ($0["diagnosis"] as? [String: Any])?["category"] as? String
    }
  }

  /// Waits (bounded) until `file`'s directory holds a file containing `marker`; its text.
  static func delivered(in directory: URL, containing marker: String) -> String? {
    for _ in 0..<100 {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in files {
        if let text = try? String(
          contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
          text.contains(marker)
        {
          return text
        }
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return nil
  }
}
