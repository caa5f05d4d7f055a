import Foundation
import Testing

@testable import SMTPProbePOSIX

@Suite struct AtomicFileWriterTests {
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("smtp.prom").path
    try AtomicFileWriter.write("first\n", to: path)
    try AtomicFileWriter.write("second\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["smtp.prom"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode.map { $0 & 0o044 } == 0o044)
  }

  @Test func aReaderHoldingTheOldFileKeepsItsContents() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("check.xml").path
    try AtomicFileWriter.write("old", to: path)
    let reader = try #require(FileHandle(forReadingAtPath: path))
    defer { try? reader.close() }
    try AtomicFileWriter.write(String(repeating: "new", count: 100_000), to: path)
    #expect(String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) == "old")
    #expect(try String(contentsOfFile: path, encoding: .utf8).count == 300_000)
  }

  @Test func aMissingDirectoryIsOneLine() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("no/such/check.json").path
    do {
      try AtomicFileWriter.write("x", to: path)
      Issue.record("wrote into a missing directory")
    } catch {
      #expect(error.description == "cannot write '\(path)': open: No such file or directory")
    }
  }

  @Test func theTemporaryFileIsHiddenBesideTheTarget() {
    #expect(
      AtomicFileWriter.temporaryPath(for: "/var/lib/x/smtp.prom").hasPrefix(
        "/var/lib/x/.smtp.prom.tmp-"))
    #expect(AtomicFileWriter.temporaryPath(for: "smtp.prom").hasPrefix(".smtp.prom.tmp-"))
  }
}
