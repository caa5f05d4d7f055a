import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a JUnit document with Foundation's XMLParser: it fails on any well-formedness error.
package final class JUnitReader: NSObject, XMLParserDelegate {
  package struct Element {
    package var name: String
    package var attributes: [String: String]
    package var text = ""
    package var parent: Int?
  }

  package var elements: [Element] = []
  private var stack: [Int] = []

  package static func read(_ xml: String) throws -> [Element] {
    let reader = JUnitReader()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = reader
    guard parser.parse() else {
      throw parser.parserError ?? NSError(domain: "xml", code: 1)
    }
    return reader.elements
  }

  package func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    elements.append(Element(name: name, attributes: attributes, parent: stack.last))
    stack.append(elements.count - 1)
  }

  package func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let top = stack.last { elements[top].text += string }
  }

  package func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    stack.removeLast()
  }
}
