/// Which user-supplied value an `InputError` is about, named as the user typed it.
public enum InputField: String, Hashable, Sendable, CaseIterable {
  case sender = "sender address (--from)"
  case recipient = "recipient address (--to)"
  case ehloName = "EHLO name (--helo)"
  case parameter = "command parameter"
  case authUser = "AUTH user (--auth-user)"
  case authMechanism = "AUTH mechanism"
  case argument = "command argument"
  case server = "server (--server)"
  case serverName = "TLS server name (--sni)"
  case proxy = "proxy host (--proxy)"
  case rawPath = "raw path"
}
