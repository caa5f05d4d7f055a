import Testing

@testable import SMTPProbeCore
@testable import smtpprobe

/// The option table: one declaration per option, and the help text written from it.
@Suite struct OptionDeclarationTests {
  @Test func everyNameIsDeclaredOnce() {
    let names = Option.allCases.flatMap { option in
      [option.declaration.name] + (option.declaration.short.map { [$0] } ?? [])
    }
    #expect(Set(names).count == names.count)
    for option in Option.allCases {
      #expect(Option.named(option.declaration.name) == option)
    }
  }

  /// Each command's help lists exactly the options it takes, help at column 26, within 80.
  @Test(arguments: [(HelpText.Topic.explain, CommandName.explain), (.probe, .probe)])
  func helpListsEveryOptionAligned(_ topic: HelpText.Topic, _ command: CommandName) {
    let text = HelpText.text(topic)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.allSatisfy { $0.count <= HelpText.width }, "\(text)")
    for option in Option.allCases {
      let declaration = option.declaration
      let entry = lines.firstIndex { $0.hasPrefix("  " + declaration.synopsis) }
      guard declaration.applies(to: command) else {
        #expect(entry == nil, "\(declaration.name) listed for \(command)")
        continue
      }
      guard let entry else {
        Issue.record("\(declaration.name) missing from \(command) help")
        continue
      }
      // The help starts at the help column, on the entry's line or the next.
      var index = entry
      if lines[index].count <= declaration.synopsis.count + 2 { index += 1 }
      let indent = lines[index].prefix(HelpText.helpColumn)
      #expect(
        lines[index].count > HelpText.helpColumn
          && (index == entry || indent.allSatisfy { $0 == " " })
          && lines[index].dropFirst(HelpText.helpColumn).first != " ",
        "\(declaration.name): \(lines[index])")
      // Continuation lines stay in the help column (the `--quit-after` slip).
      var next = index + 1
      while next < lines.count, lines[next].hasPrefix("  "), !lines[next].hasPrefix("  -") {
        #expect(
          lines[next].prefix(HelpText.helpColumn).allSatisfy { $0 == " " }
            && lines[next].dropFirst(HelpText.helpColumn).first != " ",
          "\(declaration.name) continuation: \(lines[next])")
        next += 1
      }
    }
  }

  @Test func typedValuesParseThemselves() {
    #expect(DialoguePlan.TLSMode(argument: "require") == .require)
    #expect(DialoguePlan.TLSMode.expected == "auto, require or off")
    #expect(DialoguePlan.Stage(argument: "rcpt") == .rcpt)
    #expect(Seconds(argument: "2.5")?.value == 2.5)
    #expect(Seconds(argument: ".5")?.value == 0.5)
    #expect(Seconds(argument: "86400")?.value == 86400)
    #expect(PortNumber(argument: "65535")?.value == 65535)
    #expect(PortNumber(argument: "065536") == nil)
    #expect(AddressLimit(argument: "0")?.value == 0)
  }
}
